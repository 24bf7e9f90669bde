import { bulwarkCheck as runBulwarkCheck, itPassesBulwarkCheck } from '@bulwark/stack-testing';
import { STACK_DIRECTORY } from '../testing/stack-run';

/** Runs `bulwark check stacks/baseline ...` from the workspace root, as CI does, and returns its JSON report. */
const bulwarkCheck = (...args: string[]) => runBulwarkCheck(STACK_DIRECTORY, args);

describe('bulwark check stacks/baseline (end to end, through the pack process)', () => {
  itPassesBulwarkCheck(STACK_DIRECTORY, 'baseline');

  it('exits 2 and names the key when the stack config is invalid', () => {
    const { status, stderr } = bulwarkCheck('--config', 'baseline:passwordMinimumLength=8');
    expect(status).toBe(2);
    expect(stderr).toContain('baseline:passwordMinimumLength = 8: expected a whole number from 14');
  });
});
