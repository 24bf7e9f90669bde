/**
 * The structured part of a finding, carried in its message. The Analyzer protocol gives a diagnostic no field for
 * "waived" or "undecided" (an `AnalyzeDiagnostic` has a policy, pack, message, URN, level and severity), so a
 * pack built on this kit writes them as the last lines of the message, and reports read them back here:
 *
 *     <what the rule says>
 *     undecided: <property path>                      only on an undecided finding
 *     waived: <reason> (<owner>, expires <date>)      only on a waived finding
 *
 * This module is the only one that writes or reads those lines; the engine passes messages through untouched.
 */

const UNDECIDED_PREFIX = 'undecided: ';
const WAIVED_PREFIX = 'waived: ';

/** A finding that judged a value (`violation`), or one whose deciding value was unknown (`undecided`). */
export type FindingKind = 'violation' | 'undecided';

/** What a finding carries besides its text. */
export interface FindingAnnotations {
  /** The property whose unknown value leaves the rule's verdict open (undecided findings only). */
  readonly undecidedProperty?: string;
  /** The waiver that downgraded the finding: `reason (owner, expires date)`. */
  readonly waiver?: string;
}

/** A finding message read back into its text and annotations. */
export interface ParsedFindingMessage extends FindingAnnotations {
  /** The message without the annotation lines. */
  readonly text: string;
  readonly kind: FindingKind;
}

/** Annotation values are one line each, so that reading them back cannot take part of the text. */
function oneLine(value: string): string {
  return value.replace(/\s*\r?\n\s*/g, ' ').trim();
}

/** The message of a finding with its annotations as trailing lines. */
export function formatFindingMessage(text: string, annotations: FindingAnnotations = {}): string {
  const lines = [text];
  if (annotations.undecidedProperty !== undefined) lines.push(`${UNDECIDED_PREFIX}${oneLine(annotations.undecidedProperty)}`);
  if (annotations.waiver !== undefined) lines.push(`${WAIVED_PREFIX}${oneLine(annotations.waiver)}`);
  return lines.join('\n');
}

/**
 * Reads a finding message back: the annotation lines at its end (in the order `formatFindingMessage` writes them)
 * become fields, the rest is the text. A message of any other pack has no such lines and reads as a violation.
 */
export function parseFindingMessage(message: string): ParsedFindingMessage {
  const lines = message.split('\n');
  let waiver: string | undefined;
  let undecidedProperty: string | undefined;
  if (lines.length > 1 && lines[lines.length - 1].startsWith(WAIVED_PREFIX)) {
    waiver = (lines.pop() as string).slice(WAIVED_PREFIX.length);
  }
  if (lines.length > 1 && lines[lines.length - 1].startsWith(UNDECIDED_PREFIX)) {
    undecidedProperty = (lines.pop() as string).slice(UNDECIDED_PREFIX.length);
  }
  return {
    text: lines.join('\n'),
    kind: undecidedProperty === undefined ? 'violation' : 'undecided',
    ...(undecidedProperty !== undefined ? { undecidedProperty } : {}),
    ...(waiver !== undefined ? { waiver } : {}),
  };
}

/** The text of an undecided finding: the rule, the property, "unknown until apply", and what it would decide. */
export function undecidedFindingText(ruleId: string, propertyPath: string, detail?: string): string {
  const what = detail ? `: ${detail.trim().replace(/\.$/, '')}` : '';
  return (
    `${ruleId} cannot decide in this mode: \`${propertyPath}\` is unknown until apply${what}. ` +
    'The verdict comes from a run where the value is known (an update).'
  );
}
