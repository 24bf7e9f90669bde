/**
 * The `bulwark` command run as a real process, as users and CI run it: for end-to-end tests of this package and of
 * the projects that run it (`@bulwark/cli/testing`). Colour is off (`NO_COLOR`), so output compares as text.
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';

/** The `bulwark` executable of this package. */
export const BULWARK_BIN = path.resolve(__dirname, '..', 'bin', 'bulwark.js');

/** What a `bulwark` process printed and how it exited. */
export interface BulwarkRun {
  /** The exit code; null when the process was killed (by `timeoutMs`, say). */
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface BulwarkRunOptions {
  /** The working directory. */
  readonly cwd: string;
  /** Kills the process after this long (its `code` is then null); no limit by default. */
  readonly timeoutMs?: number;
  /** Variables added to this process's environment. */
  readonly env?: Readonly<Record<string, string>>;
}

/** Runs `bulwark ...args` and resolves when the process exits, with everything it printed. */
export function runBulwark(args: readonly string[], options: BulwarkRunOptions): Promise<BulwarkRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BULWARK_BIN, ...args], {
      cwd: options.cwd,
      env: { ...process.env, NO_COLOR: '1', ...options.env },
      ...(options.timeoutMs !== undefined ? { timeout: options.timeoutMs } : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
