/**
 * What a stream can show: colours only on a terminal, and never when the user said no (`NO_COLOR`, any non-empty
 * value, https://no-color.org; `FORCE_COLOR=0`, the other common convention); a line rewritten in place only on a
 * terminal that moves its cursor (not `TERM=dumb`). A CI log is not a terminal, so it gets plain lines.
 */

/** The part of a stream these decisions read. */
export interface StreamTraits {
  readonly isTTY?: boolean;
}

type Environment = Readonly<Record<string, string | undefined>>;

/** True when text written to `stream` may carry ANSI colours. */
export function colourEnabled(stream: StreamTraits, environment: Environment = process.env): boolean {
  if (!stream.isTTY) return false;
  if ((environment['NO_COLOR'] ?? '') !== '') return false;
  if (environment['FORCE_COLOR'] === '0' || environment['FORCE_COLOR'] === 'false') return false;
  return environment['TERM'] !== 'dumb';
}

/** True when `stream` can show a live line: one rewritten in place (carriage return, erase line). */
export function liveLineEnabled(stream: StreamTraits, environment: Environment = process.env): boolean {
  return !!stream.isTTY && environment['TERM'] !== 'dumb';
}
