/** A policy pack that could not be used: it failed to start, crashed, timed out or answered with an error. */
export class PolicyPackError extends Error {
  override readonly name = 'PolicyPackError';
  constructor(
    message: string,
    /** What the pack process wrote to stderr, for the user to see why. */
    readonly stderr: string = '',
    options?: { cause?: unknown },
  ) {
    super(stderr.trim() ? `${message}\n--- policy pack stderr ---\n${stderr.trimEnd()}` : message, options);
  }
}
