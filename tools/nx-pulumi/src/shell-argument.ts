/**
 * Quotes one argument for the POSIX shell that `nx:run-commands` starts, so paths and names with spaces or shell
 * characters reach the command intact.
 */

const SAFE_ARGUMENT = /^[A-Za-z0-9_./:=@%+,-]+$/;

/** Returns `value` unchanged when the shell would not alter it, else single-quoted. */
export function shellArgument(value: string): string {
  if (SAFE_ARGUMENT.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
