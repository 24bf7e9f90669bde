/**
 * Three-valued logic for questions a first preview may leave open: true, false, or UNDECIDED when an engine
 * unknown decides. A known false decides an AND, a known true an OR, whatever else is unknown.
 */
import { UNDECIDED, type Undecided } from '../unknown';

/** A yes/no answer, or UNDECIDED. */
export type Tri = boolean | Undecided;

/** AND: false when one is false, else UNDECIDED when one is, else true (true for none). */
export function allOf(values: readonly Tri[]): Tri {
  if (values.includes(false)) return false;
  return values.includes(UNDECIDED) ? UNDECIDED : true;
}

/** OR: true when one is true, else UNDECIDED when one is, else false (false for none). */
export function anyOf(values: readonly Tri[]): Tri {
  if (values.includes(true)) return true;
  return values.includes(UNDECIDED) ? UNDECIDED : false;
}

/** NOT: UNDECIDED stays UNDECIDED. */
export function not(value: Tri): Tri {
  return value === UNDECIDED ? UNDECIDED : !value;
}
