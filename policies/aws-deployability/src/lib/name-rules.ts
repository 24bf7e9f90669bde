/**
 * Physical-name rules as AWS's API references state them, checked on the name input (or the prefix the provider
 * completes with its 26-character suffix, the `namePrefix` inputs). A rule module states its limits as data (a
 * {@link NameRule} per named input); this module is the one check of them, so every name rule words a broken limit
 * the same way. A problem is a sentence naming the rule broken.
 */

/** Where hyphens may not stand in a name. */
export type HyphenPlacement = 'leading' | 'double' | 'trailing';

/** One service's name constraint, as data. */
export interface NameRule {
  /** What the name names, in messages (`S3 bucket name`). */
  readonly what: string;
  readonly min: number;
  readonly max: number;
  /** Allowed characters, as a character class body (`a-z0-9.-`). */
  readonly characters: string;
  /** `letter`: the name begins with a letter; `lowercase-letter-or-digit`: it begins and ends with one (S3). */
  readonly ends?: 'letter' | 'lowercase-letter-or-digit';
  /** Where a hyphen may not stand. */
  readonly hyphens?: readonly HyphenPlacement[];
  /** Two dots in a row are refused (S3). */
  readonly noAdjacentDots?: boolean;
  /** A name formatted as an IPv4 address is refused (S3). */
  readonly noIpAddress?: boolean;
  /** Prefixes AWS reserves (the first one the name starts with is reported; a reserved suffix only when none). */
  readonly reservedPrefixes?: readonly string[];
  readonly reservedSuffixes?: readonly string[];
  /** Whole names AWS reserves, compared case-insensitively (`default`). */
  readonly reservedNames?: readonly string[];
  /** The create call an invalid name fails, for undecided findings (`CreateBucket`); "the create call" when unset. */
  readonly createCall?: string;
}

/** Pulumi's auto-naming appends a dash and seven characters to a logical name; `namePrefix` gets a 26-character suffix. */
export const PREFIX_SUFFIX_LENGTH = 26;

const HYPHEN_PROBLEMS: Readonly<Record<HyphenPlacement, { readonly breaks: (name: string) => boolean; readonly problem: string }>> = {
  leading: { breaks: (name) => name.startsWith('-'), problem: 'must not begin with a hyphen' },
  double: { breaks: (name) => name.includes('--'), problem: 'must not contain two consecutive hyphens' },
  trailing: { breaks: (name) => name.endsWith('-'), problem: 'must not end with a hyphen' },
};
// The order problems are reported in, whatever order a rule lists its hyphen placements.
const HYPHEN_ORDER: readonly HyphenPlacement[] = ['leading', 'double', 'trailing'];

/** The problem with the name's first (and last) character under `ends`, if any. */
function endsProblem(ends: NameRule['ends'], name: string): string | undefined {
  if (ends === 'letter') return /^[A-Za-z]/.test(name) ? undefined : 'must start with a letter';
  if (ends === 'lowercase-letter-or-digit') return /^[a-z0-9].*[a-z0-9]$/s.test(name) ? undefined : 'must begin and end with a lowercase letter or digit';
  return undefined;
}

/** The problem with a reserved prefix, suffix or whole name, if any (one at most, as AWS names the first it meets). */
function reservedProblem(rule: NameRule, name: string): string | undefined {
  const prefix = rule.reservedPrefixes?.find((reserved) => name.startsWith(reserved));
  if (prefix !== undefined) return `must not begin with the reserved prefix "${prefix}"`;
  const suffix = rule.reservedSuffixes?.find((reserved) => name.endsWith(reserved));
  if (suffix !== undefined) return `must not end with the reserved suffix "${suffix}"`;
  const whole = rule.reservedNames?.find((reserved) => name.toLowerCase() === reserved.toLowerCase());
  return whole !== undefined ? `must not be "${whole}"` : undefined;
}

/** What a name must not be beyond its length and characters, in the order problems are reported. */
function shapeProblems(rule: NameRule, name: string): string[] {
  const hyphens = HYPHEN_ORDER.filter((placement) => rule.hyphens?.includes(placement) && HYPHEN_PROBLEMS[placement].breaks(name));
  return [
    endsProblem(rule.ends, name),
    ...hyphens.map((placement) => HYPHEN_PROBLEMS[placement].problem),
    rule.noAdjacentDots && name.includes('..') ? 'must not contain two adjacent dots' : undefined,
    rule.noIpAddress && /^\d{1,3}(\.\d{1,3}){3}$/.test(name) ? 'must not be formatted as an IP address' : undefined,
    reservedProblem(rule, name),
  ].filter((problem): problem is string => problem !== undefined);
}

/** The problems of `name` under `rule` (empty when it is valid). */
export function nameProblems(rule: NameRule, name: string): string[] {
  const problems: string[] = [];
  if (name.length < rule.min || name.length > rule.max) problems.push(`${rule.what} "${name}" has ${name.length} characters; AWS accepts ${rule.min} to ${rule.max}`);
  const invalid = [...new Set(name.replace(new RegExp(`[${rule.characters}]`, 'g'), ''))];
  if (invalid.length > 0) problems.push(`${rule.what} "${name}" contains ${invalid.map((character) => JSON.stringify(character)).join(', ')}, which AWS does not accept (allowed: ${rule.characters})`);
  for (const problem of shapeProblems(rule, name)) problems.push(`${rule.what} "${name}" ${problem}`);
  return problems;
}

/** The problems of a `namePrefix`: the prefix plus the provider's suffix must fit. */
export function prefixProblems(rule: NameRule, prefix: string): string[] {
  const room = rule.max - PREFIX_SUFFIX_LENGTH;
  return prefix.length > room ? [`${rule.what} prefix "${prefix}" has ${prefix.length} characters; with the provider's ${PREFIX_SUFFIX_LENGTH}-character suffix at most ${room} fit`] : [];
}

/** Where a resource type keeps a physical name (and optionally a prefix) and the rule it obeys. */
export interface NamedInput {
  readonly type: string;
  readonly property: string;
  readonly prefixProperty?: string;
  readonly rule: NameRule;
}

/** Checks the named inputs of one resource: a finding per problem, an undecided finding per unknown name. */
export function checkNamedInputs(
  inputs: readonly NamedInput[],
  type: string,
  props: Record<string, unknown>,
  report: (message: string) => void,
  undecided: (property: string, detail?: string) => void,
  read: (value: unknown) => string | symbol | undefined,
): void {
  for (const input of inputs.filter((candidate) => candidate.type === type)) {
    const name = read(props[input.property]);
    if (typeof name === 'symbol') undecided(input.property, `an invalid ${input.rule.what} fails ${input.rule.createCall ?? 'the create call'}`);
    else if (name !== undefined) nameProblems(input.rule, name).forEach((problem) => report(`${problem}.`));
    const prefix = input.prefixProperty ? read(props[input.prefixProperty]) : undefined;
    if (typeof prefix === 'string' && name === undefined) prefixProblems(input.rule, prefix).forEach((problem) => report(`${problem}.`));
  }
}
