import { bulwarkCheck as runBulwarkCheck } from '@bulwark/stack-testing';
import { STACK_DIRECTORY } from './testing/stack-run';

/** Runs `bulwark check stacks/network ...` from the workspace root, as CI does, and returns its JSON report. */
const bulwarkCheck = (...args: string[]) => runBulwarkCheck(STACK_DIRECTORY, args);

describe('bulwark check stacks/network (end to end, through the pack process)', () => {
  it.each([
    ['dev', []],
    ['dev', ['--update']],
    ['prod', []],
    ['prod', ['--update']],
  ])('%s %j exits 0 with zero mandatory violations', (stack, extra) => {
    const { status, stderr, report } = bulwarkCheck('--stack', stack, '--policy-pack-config', 'stacks/network/policy-config.json', ...extra);
    expect({ status, stderr: status === 0 ? '' : stderr }).toEqual({ status: 0, stderr: '' });
    expect(report.summary.mandatory).toBe(0);
    expect(report.stacks[0]).toMatchObject({ project: 'network', stack, mode: extra.includes('--update') ? 'update' : 'preview' });
  });

  it('fails (exit 1) when the pack is told to expect the account baseline here, so a real violation is seen', () => {
    const { status, report } = bulwarkCheck('--policy-pack-config', 'stacks/baseline/policy-config.json');
    expect(status).toBe(1);
    expect(report.stacks[0].violations.map((violation: { policy: string }) => violation.policy)).toContain('account-baseline-complete');
  });
});
