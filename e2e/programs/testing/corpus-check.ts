/**
 * Running the corpus through the real `bulwark check`, as a user runs it: one process per program and mode, from
 * the workspace root, with every workspace pack (no --policy-pack), the JSON report on stdout. Two runs at a time,
 * the machine's two cores: a run is mostly the program and the packs starting, so one process each keeps them
 * apart and the suite under a minute or two.
 */
import * as path from 'node:path';
import { runBulwark } from '@bulwark/cli/testing';
import { workspaceRootOf } from '@bulwark/workspace';

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

/** Runs `bulwark check <directory> --format json` in one mode. */
export async function checkProgram(directory: string, mode: CheckMode): Promise<CheckRun> {
  const args = ['check', path.relative(WORKSPACE_ROOT, directory), '--format', 'json', '--mode', mode];
  const { code: status, stdout, stderr } = await runBulwark(args, { cwd: WORKSPACE_ROOT, timeoutMs: RUN_TIMEOUT_MS });
  let report: JsonReport | undefined;
  try {
    const printed = stdout.trim() ? (JSON.parse(stdout) as JsonReport & { error?: unknown }) : undefined;
    report = printed && printed.error === undefined ? printed : undefined;
  } catch {
    report = undefined;
  }
  return { status, stderr, report };
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
