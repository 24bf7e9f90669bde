import { bulwarkCheck as runBulwarkCheck, itPassesBulwarkCheck } from '@bulwark/stack-testing';
import { STACK_DIRECTORY } from '../testing/stack-run';

/** Runs `bulwark check stacks/network ...` from the workspace root, as CI does, and returns its JSON report. */
const bulwarkCheck = (...args: string[]) => runBulwarkCheck(STACK_DIRECTORY, args);

describe('bulwark check stacks/network (end to end, through the pack process)', () => {
  itPassesBulwarkCheck(STACK_DIRECTORY, 'network');

  it('fails (exit 1) when the pack is told to expect the account baseline here, so a real violation is seen', () => {
    const { status, report } = bulwarkCheck('--policy-pack-config', 'stacks/baseline/policy-config.json');
    expect(status).toBe(1);
    expect(report.stacks[0].violations.map((violation: { policy: string }) => violation.policy)).toContain('account-baseline-complete');
  });
});
