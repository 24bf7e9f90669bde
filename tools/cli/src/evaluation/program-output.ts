/**
 * A program's own output (its `console.log`, the SDK's info messages) goes to stderr while it runs, as the Pulumi
 * CLI shows it as diagnostics: stdout carries the report, which a `--format json` or `sarif` consumer parses.
 */

/** Runs `task` with everything written to stdout sent to stderr instead. */
export async function withProgramOutputOnStderr<T>(task: () => Promise<T>): Promise<T> {
  const write = process.stdout.write;
  process.stdout.write = ((chunk: unknown, ...rest: unknown[]) =>
    (process.stderr.write as (...args: unknown[]) => boolean).call(process.stderr, chunk, ...rest)) as typeof process.stdout.write;
  try {
    return await task();
  } finally {
    process.stdout.write = write;
  }
}
