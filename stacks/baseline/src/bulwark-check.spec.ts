import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { STACK_DIRECTORY } from './testing/stack-run';

const WORKSPACE = path.resolve(STACK_DIRECTORY, '..', '..');
const BULWARK = path.join(WORKSPACE, 'tools', 'cli', 'bin', 'bulwark.js');

/** Runs `bulwark check stacks/baseline ...` from the workspace root, as CI does, and returns its JSON report. */
function bulwarkCheck(...args: string[]) {
  const run = spawnSync(process.execPath, [BULWARK, 'check', 'stacks/baseline', '--format', 'json', ...args], {
    cwd: WORKSPACE,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: run.status, stderr: run.stderr, report: run.stdout.trim() ? JSON.parse(run.stdout) : undefined };
}

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
