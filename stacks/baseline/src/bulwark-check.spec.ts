import { bulwarkCheck as runBulwarkCheck } from '@bulwark/stack-testing';
import { STACK_DIRECTORY } from './testing/stack-run';

/** Runs `bulwark check stacks/baseline ...` from the workspace root, as CI does, and returns its JSON report. */
const bulwarkCheck = (...args: string[]) => runBulwarkCheck(STACK_DIRECTORY, args);

describe('bulwark check stacks/baseline (end to end, through the pack process)', () => {
  it.each([
    ['dev', []],
    ['dev', ['--update']],
    ['prod', []],
    ['prod', ['--update']],
  ])('%s %j exits 0 with zero mandatory violations', (stack, extra) => {
    const { status, stderr, report } = bulwarkCheck('--stack', stack, '--policy-pack-config', 'stacks/baseline/policy-config.json', ...extra);
    expect({ status, stderr: status === 0 ? '' : stderr }).toEqual({ status: 0, stderr: '' });
    expect(report.summary.mandatory).toBe(0);
    expect(report.stacks[0]).toMatchObject({ project: 'baseline', stack, mode: extra.includes('--update') ? 'update' : 'preview' });
  });

  it('exits 2 and names the key when the stack config is invalid', () => {
    const { status, stderr } = bulwarkCheck('--config', 'baseline:passwordMinimumLength=8');
    expect(status).toBe(2);
    expect(stderr).toContain('baseline:passwordMinimumLength = 8: expected a whole number from 14');
  });
});
