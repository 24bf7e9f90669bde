import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

// Long enough for a cold start of the pack process and a full stack run on a loaded CI machine.
const CHECK_TIMEOUT_MS = 120_000;

/** The npm workspace root holding `directory`: the nearest ancestor whose package.json declares `workspaces`. */
export function workspaceRoot(directory: string): string {
  for (let current = path.resolve(directory); ; current = path.dirname(current)) {
    const manifest = path.join(current, 'package.json');
    if (fs.existsSync(manifest) && 'workspaces' in (JSON.parse(fs.readFileSync(manifest, 'utf8')) as object)) return current;
    if (path.dirname(current) === current) throw new Error(`${directory} is not inside an npm workspace (no package.json with "workspaces" above it)`);
  }
}

/**
 * Runs `bulwark check <stack directory> --format json ...args` from the workspace root, as CI does, and returns
 * its exit status, its stderr and its JSON report (undefined when it printed none, or only the failure document a
 * run that could not finish prints in the report's place: its `error` is in stderr too).
 */
export function bulwarkCheck(stackDirectory: string, args: readonly string[]) {
  const workspace = workspaceRoot(stackDirectory);
  const bulwark = path.join(workspace, 'tools', 'cli', 'bin', 'bulwark.js');
  const run = spawnSync(process.execPath, [bulwark, 'check', path.relative(workspace, stackDirectory), '--format', 'json', ...args], {
    cwd: workspace,
    encoding: 'utf8',
    timeout: CHECK_TIMEOUT_MS,
  });
  const printed = run.stdout.trim() ? JSON.parse(run.stdout) : undefined;
  return { status: run.status, stderr: run.stderr, report: printed && printed.error === undefined ? printed : undefined };
}

/**
 * Declares, in the calling spec, that `bulwark check` on the stack exits 0 with zero mandatory violations for
 * every stack config (`dev`, `prod`) in both modes, with the stack's own `policy-config.json`.
 */
export function itPassesBulwarkCheck(stackDirectory: string, project: string): void {
  const policyConfig = path.join(path.relative(workspaceRoot(stackDirectory), stackDirectory), 'policy-config.json');
  it.each([
    ['dev', []],
    ['dev', ['--update']],
    ['prod', []],
    ['prod', ['--update']],
  ])('%s %j exits 0 with zero mandatory violations', (stack, extra) => {
    const { status, stderr, report } = bulwarkCheck(stackDirectory, ['--stack', stack, '--policy-pack-config', policyConfig, ...extra]);
    expect({ status, stderr: status === 0 ? '' : stderr }).toEqual({ status: 0, stderr: '' });
    expect(report.summary.mandatory).toBe(0);
    expect(report.stacks[0]).toMatchObject({ project, stack, mode: extra.includes('--update') ? 'update' : 'preview' });
  });
}
