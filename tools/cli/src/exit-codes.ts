/** The exit codes of the `bulwark` command (DESIGN.md). */
export const ExitCode = {
  /** No mandatory violation. */
  Passed: 0,
  /** At least one mandatory violation that is not waived. */
  Violations: 1,
  /** Bad arguments or config, a program that failed, a policy pack that failed: nothing was judged. */
  Error: 2,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** A mistake in how the command was called; printed with the usage (of `command`, when it is known). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    readonly command?: 'check' | 'preview' | 'rules',
  ) {
    super(message);
  }
}
