import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { stackPackConfigFile, workspaceRootOf } from '@bulwark/workspace';

// Long enough for a cold start of the pack process and a full stack run on a loaded CI machine.
const CHECK_TIMEOUT_MS = 120_000;

/**
 * The `bulwark` command of @bulwark/cli, resolved as a dependency (declared in package.json, so the nx graph knows
 * these tests run it and reruns them when the CLI changes).
 */
const BULWARK = require.resolve('@bulwark/cli/bin/bulwark.js');

/**
 * Runs `bulwark check <stack directory> --format json ...args` from the workspace root, as CI does, and returns
 * its exit status, its stderr and its JSON report (undefined when it printed none, or only the failure document a
 * run that could not finish prints in the report's place: its `error` is in stderr too).
 */
export function bulwarkCheck(stackDirectory: string, args: readonly string[]) {
  const workspace = workspaceRootOf(stackDirectory);
  const run = spawnSync(process.execPath, [BULWARK, 'check', path.relative(workspace, stackDirectory), '--format', 'json', ...args], {
    cwd: workspace,
    encoding: 'utf8',
    timeout: CHECK_TIMEOUT_MS,
  });
  const printed = run.stdout.trim() ? JSON.parse(run.stdout) : undefined;
  return { status: run.status, stderr: run.stderr, report: printed && printed.error === undefined ? printed : undefined };
}

/**
 * Declares, in the calling spec, that `bulwark check` on the stack exits 0 with zero mandatory violations for
 * every stack config (`dev`, `prod`), each with the pack config the workspace chooses for it
 * (`policy-config.<stack>.json`, else `policy-config.json`), as the nx `check` target passes it: in the default
 * mode, both (a first-time preview and a simulated update, merged).
 */
export function itPassesBulwarkCheck(stackDirectory: string, project: string): void {
  const workspace = workspaceRootOf(stackDirectory);
  const packConfigArguments = (stack: string): string[] => {
    const file = stackPackConfigFile(stackDirectory, stack);
    return file === undefined ? [] : ['--policy-pack-config', path.relative(workspace, file)];
  };
  it.each(['dev', 'prod'])('%s exits 0 with zero mandatory violations in both modes', (stack) => {
    const { status, stderr, report } = bulwarkCheck(stackDirectory, ['--stack', stack, ...packConfigArguments(stack)]);
    expect({ status, stderr: status === 0 ? '' : stderr }).toEqual({ status: 0, stderr: '' });
    expect(report.summary.mandatory).toBe(0);
    expect(report.stacks[0]).toMatchObject({ project, stack, mode: 'both', modes: ['preview', 'update'] });
  });
}
