/**
 * IAM's wildcard matching: `*` matches any run of characters (none included), `?` exactly one, everywhere IAM
 * accepts wildcards (actions, resources, `StringLike`, `ArnLike`). A pattern may mix text whose `*` and `?` are
 * wildcards with text whose are plain characters: the value a policy variable stands for, and the `${*}` / `${?}`
 * escapes, match literally
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html).
 */

/** One piece of a pattern: `literal` text matches character for character, other text honours wildcards. */
export interface PatternPart {
  readonly text: string;
  readonly literal: boolean;
}

/** A pattern compiled to characters and wildcard tokens. */
type Token = string | typeof ANY_RUN | typeof ANY_ONE;
const ANY_RUN = Symbol('*');
const ANY_ONE = Symbol('?');

function tokens(parts: readonly PatternPart[], ignoreCase: boolean): Token[] {
  const result: Token[] = [];
  for (const part of parts) {
    const text = ignoreCase ? part.text.toLowerCase() : part.text;
    for (const character of text) {
      if (!part.literal && character === '*') result.push(ANY_RUN);
      else if (!part.literal && character === '?') result.push(ANY_ONE);
      else result.push(character);
    }
  }
  return result;
}

/** Iterative glob with backtracking to the last `*`: linear in practice, no regular expression to build. */
function tokensMatch(pattern: readonly Token[], value: readonly string[]): boolean {
  let pi = 0;
  let vi = 0;
  let starPattern = -1;
  let starValue = 0;
  while (vi < value.length) {
    const token = pattern[pi];
    if (pi < pattern.length && (token === ANY_ONE || token === value[vi])) {
      pi++;
      vi++;
    } else if (pi < pattern.length && token === ANY_RUN) {
      starPattern = pi++;
      starValue = vi;
    } else if (starPattern >= 0) {
      pi = starPattern + 1;
      vi = ++starValue;
    } else {
      return false;
    }
  }
  while (pi < pattern.length && pattern[pi] === ANY_RUN) pi++;
  return pi === pattern.length;
}

/** True when the pattern made of `parts` matches `value`; `ignoreCase` folds both sides to lower case. */
export function patternMatches(parts: readonly PatternPart[], value: string, ignoreCase: boolean): boolean {
  return tokensMatch(tokens(parts, ignoreCase), [...(ignoreCase ? value.toLowerCase() : value)]);
}

/**
 * True when an IAM wildcard pattern (`*` any run, `?` one character) matches `value`.
 * `ignoreCase` for actions (case-insensitive in IAM); resources and ARNs compare case-sensitively.
 */
export function wildcardMatches(pattern: string, value: string, ignoreCase: boolean): boolean {
  return patternMatches([{ text: pattern, literal: false }], value, ignoreCase);
}

/** The pattern's text with its wildcards as plain characters: what `StringEquals` compares. */
export function patternText(parts: readonly PatternPart[]): string {
  return parts.map((part) => part.text).join('');
}

/**
 * Splits a pattern into fields at its first `count` colons, in literal text too (a variable's value is part of
 * the ARN it sits in). The last field keeps its own colons, as an ARN's resource does.
 */
export function splitPatternAtColons(parts: readonly PatternPart[], count: number): PatternPart[][] {
  const pieces: PatternPart[][] = [[]];
  for (const part of parts) {
    let rest = part.text;
    while (pieces.length <= count) {
      const colon = rest.indexOf(':');
      if (colon < 0) break;
      (pieces[pieces.length - 1] as PatternPart[]).push({ text: rest.slice(0, colon), literal: part.literal });
      pieces.push([]);
      rest = rest.slice(colon + 1);
    }
    (pieces[pieces.length - 1] as PatternPart[]).push({ text: rest, literal: part.literal });
  }
  return pieces;
}

/** True when `text` has a wildcard character (`*` or `?`). */
export function hasWildcard(text: string): boolean {
  return /[*?]/.test(text);
}

/** True when `text` is only wildcard characters (`*`, `?`), i.e. it matches anything. */
export function isAllWildcard(text: string): boolean {
  return text.trim() !== '' && /^[*?]+$/.test(text.trim());
}
