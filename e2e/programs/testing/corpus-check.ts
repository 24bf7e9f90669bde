/**
 * Running the corpus through the real `bulwark check`, as a user runs it: one process per program and mode, from
 * the workspace root, with every workspace pack (no --policy-pack), the JSON report on stdout. Two runs at a time,
 * the machine's two cores: a run is mostly the program and the packs starting, so one process each keeps them
 * apart and the suite under a minute or two.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { workspaceRootOf } from '@bulwark/workspace';

/** The `bulwark` command, resolved as a declared dependency so the nx graph knows this project runs it. */
const BULWARK = require.resolve('@bulwark/cli/bin/bulwark.js');

/** The workspace whose packs `bulwark check` uses by default. */
export const WORKSPACE_ROOT = workspaceRootOf(__dirname);

/** The two modes every program is checked in: a first-time preview (computed values unknown) and an update. */
export type CheckMode = 'preview' | 'update';

// Generous: two runs share two cores with whatever else the machine runs.
const RUN_TIMEOUT_MS = 240_000;

/** What one `bulwark check` run printed and returned. */
export interface CheckRun {
  readonly status: number | null;
  readonly stderr: string;
  /** The JSON report, or undefined when the run printed none (a failure document is not a report). */
  readonly report: JsonReport | undefined;
}

/** The parts of the JSON report (docs/report-schema.json) the corpus asserts on. */
export interface JsonReport {
  readonly stacks: readonly {
    readonly project: string;
    readonly mode: string;
    readonly violations: readonly { readonly policy: string; readonly enforcement: string; readonly kind?: string; readonly urn?: string }[];
  }[];
  readonly summary: { readonly resources: number; readonly mandatory: number; readonly advisory: number };
}

/**
 * The arguments that choose a mode. `--mode preview|update` replaces the older `--update` flag (issue 10); until
 * the CLI of this workspace has it, a preview is the default and an update is `--update`. Asked once, from the
 * command's own help, so the corpus runs on both sides of that change.
 */
let modeFlag: boolean | undefined;
function modeArguments(mode: CheckMode): string[] {
  modeFlag ??= spawnSync(process.execPath, [BULWARK, 'check', '--help'], { encoding: 'utf8' }).stdout.includes('--mode');
  if (modeFlag) return ['--mode', mode];
  return mode === 'update' ? ['--update'] : [];
}

/** Runs `bulwark check <directory> --format json` in one mode. */
export function checkProgram(directory: string, mode: CheckMode): Promise<CheckRun> {
  const args = [BULWARK, 'check', path.relative(WORKSPACE_ROOT, directory), '--format', 'json', ...modeArguments(mode)];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: WORKSPACE_ROOT, env: { ...process.env, NO_COLOR: '1' }, timeout: RUN_TIMEOUT_MS });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => {
      let report: JsonReport | undefined;
      try {
        const printed = stdout.trim() ? (JSON.parse(stdout) as JsonReport & { error?: unknown }) : undefined;
        report = printed && printed.error === undefined ? printed : undefined;
      } catch {
        report = undefined;
      }
      resolve({ status, stderr, report });
    });
  });
}

/** Runs `task` over every item, at most `concurrency` at a time; results in the items' order. */
export async function inPool<T, R>(items: readonly T[], concurrency: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}
