/**
 * Physical-name rules as AWS's API references state them, checked on the name input (or the prefix the provider
 * completes with its 26-character suffix, the `namePrefix` inputs). A problem is a sentence naming the rule broken.
 */

/** One service's name constraint. */
export interface NameRule {
  /** What the name names, in messages (`S3 bucket name`). */
  readonly what: string;
  readonly min: number;
  readonly max: number;
  /** Allowed characters, as a character class body (`a-z0-9.-`). */
  readonly characters: string;
  /** What else must hold; each returns a problem or undefined. */
  readonly extra?: readonly ((name: string) => string | undefined)[];
}

/** Pulumi's auto-naming appends a dash and seven characters to a logical name; `namePrefix` gets a 26-character suffix. */
export const PREFIX_SUFFIX_LENGTH = 26;

/** The problems of `name` under `rule` (empty when it is valid). */
export function nameProblems(rule: NameRule, name: string): string[] {
  const problems: string[] = [];
  if (name.length < rule.min || name.length > rule.max) problems.push(`${rule.what} "${name}" has ${name.length} characters; AWS accepts ${rule.min} to ${rule.max}`);
  const invalid = [...new Set(name.replace(new RegExp(`[${rule.characters}]`, 'g'), ''))];
  if (invalid.length > 0) problems.push(`${rule.what} "${name}" contains ${invalid.map((character) => JSON.stringify(character)).join(', ')}, which AWS does not accept (allowed: ${rule.characters})`);
  for (const check of rule.extra ?? []) {
    const problem = check(name);
    if (problem) problems.push(`${rule.what} "${name}" ${problem}`);
  }
  return problems;
}

/** The problems of a `namePrefix`: the prefix plus the provider's suffix must fit. */
export function prefixProblems(rule: NameRule, prefix: string): string[] {
  const room = rule.max - PREFIX_SUFFIX_LENGTH;
  return prefix.length > room ? [`${rule.what} prefix "${prefix}" has ${prefix.length} characters; with the provider's ${PREFIX_SUFFIX_LENGTH}-character suffix at most ${room} fit`] : [];
}

export const startsWithLetter = (name: string) => (/^[A-Za-z]/.test(name) ? undefined : 'must start with a letter');
export const noDoubleHyphen = (name: string) => (name.includes('--') ? 'must not contain two consecutive hyphens' : undefined);
export const noTrailingHyphen = (name: string) => (name.endsWith('-') ? 'must not end with a hyphen' : undefined);

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
    if (typeof name === 'symbol') undecided(input.property, `an invalid ${input.rule.what} fails the create call`);
    else if (name !== undefined) nameProblems(input.rule, name).forEach((problem) => report(`${problem}.`));
    const prefix = input.prefixProperty ? read(props[input.prefixProperty]) : undefined;
    if (typeof prefix === 'string' && name === undefined) prefixProblems(input.rule, prefix).forEach((problem) => report(`${problem}.`));
  }
}
