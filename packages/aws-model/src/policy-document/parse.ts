/**
 * Parsing IAM and resource policy documents (identity policies, bucket policies, key policies, trust policies)
 * into a typed shape that rules can question without re-implementing the grammar each time.
 *
 * Documents reach a rule as a JSON string or as an object (the SDK's `PolicyDocument` input type), and during a
 * preview any part of them may be the engine's unknown sentinel: the whole string (a policy built with
 * `output.apply(JSON.stringify)`), one statement, one principal, one condition value. Unknowns are kept as
 * `UNDECIDED` markers so that each rule can decide what they mean; nothing here throws.
 *
 * Verdict on unparseable input: `parsePolicyDocument` returns `{ kind: 'invalid' }` with the reason. Rules skip
 * invalid documents rather than report them: AWS rejects such a document when the resource is created, so it can
 * never grant anything, and a rule that needs a *protective* statement (TLS-only, MFA) finds none in it and
 * reports the missing protection instead.
 */
import { isUnknown, UNDECIDED, type Undecided } from '../unknown';

/** A list-valued field (`Action`, `Resource`, a principal's `AWS` entry, a condition's values). */
export interface PolicyValues {
  /** The known string values, in document order. */
  readonly known: readonly string[];
  /** True when the field, or at least one of its elements, is unknown. */
  readonly hasUnknown: boolean;
}

/** A `Principal` / `NotPrincipal` element. Entry lists are empty when the element does not name that kind. */
export interface PolicyPrincipal {
  /** `"*"`, or an `AWS` entry that is `"*"`: everyone, in every account. */
  readonly wildcard: boolean;
  /** True when the whole element is unknown (its kinds and entries cannot be read). */
  readonly unknown: boolean;
  readonly aws: PolicyValues;
  readonly service: PolicyValues;
  readonly federated: PolicyValues;
  readonly canonicalUser: PolicyValues;
}

/** The set qualifier of a condition operator (`ForAnyValue:StringEquals`). */
export type ConditionSetQualifier = 'ForAnyValue' | 'ForAllValues';

/** One key test inside a `Condition` block: `{ "<operator>": { "<key>": <values> } }`. */
export interface PolicyCondition {
  /** The operator as written (`ForAnyValue:StringEqualsIfExists`). */
  readonly operator: string;
  /** The operator without qualifier and `IfExists`, lower case (`stringequals`). */
  readonly baseOperator: string;
  readonly ifExists: boolean;
  readonly setQualifier?: ConditionSetQualifier;
  /** The condition key, lower case (condition keys are case-insensitive in IAM). */
  readonly key: string;
  /** The values, as strings (`false` and `"false"` both become `"false"`). */
  readonly values: PolicyValues;
}

/** One statement of a policy document. */
export interface PolicyStatement {
  /** Position in the document's statement list, for messages. */
  readonly index: number;
  readonly sid?: string;
  /** `Allow` or `Deny`; UNDECIDED when unknown; undefined when missing or not one of the two. */
  readonly effect: 'Allow' | 'Deny' | Undecided | undefined;
  /** `Action` (undefined when the statement uses `NotAction` or neither). */
  readonly action?: PolicyValues;
  readonly notAction?: PolicyValues;
  readonly resource?: PolicyValues;
  readonly notResource?: PolicyValues;
  readonly principal?: PolicyPrincipal;
  readonly notPrincipal?: PolicyPrincipal;
  readonly conditions: readonly PolicyCondition[];
  /** True when the `Condition` block, or an operator's key map, is unknown. */
  readonly conditionUnknown: boolean;
}

/** A parsed document. */
export interface PolicyDocument {
  readonly version?: string;
  readonly statements: readonly PolicyStatement[];
  /** True when the `Statement` list itself, or one of its entries, is unknown. */
  readonly statementsUnknown: boolean;
}

/** What `parsePolicyDocument` found. */
export type ParsedPolicyDocument =
  | { readonly kind: 'document'; readonly document: PolicyDocument }
  /** The document (or its JSON string) is unknown, as in a preview of `output.apply(JSON.stringify)`. */
  | { readonly kind: 'unknown' }
  /** No document: undefined, null or an empty string. */
  | { readonly kind: 'absent' }
  /** Not a policy document (bad JSON, not an object); `reason` says what was wrong. */
  | { readonly kind: 'invalid'; readonly reason: string };

/** A field read case-insensitively, since hand-written and SDK-typed documents differ in case. */
function field(record: Record<string, unknown>, name: string): unknown {
  if (name in record) return record[name];
  const lower = name.toLowerCase();
  const key = Object.keys(record).find((candidate) => candidate.toLowerCase() === lower);
  return key === undefined ? undefined : record[key];
}

function hasField(record: Record<string, unknown>, name: string): boolean {
  const lower = name.toLowerCase();
  return Object.keys(record).some((candidate) => candidate.toLowerCase() === lower);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Scalars IAM accepts as condition values; other shapes are not values at all. */
function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) return String(value);
  return undefined;
}

/** Reads a string-or-list field; wrong-typed elements are dropped, unknown ones flagged. */
export function policyValues(value: unknown): PolicyValues {
  if (isUnknown(value)) return { known: [], hasUnknown: true };
  const elements = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  const known: string[] = [];
  let hasUnknown = false;
  for (const element of elements) {
    if (isUnknown(element)) hasUnknown = true;
    else {
      const text = scalarText(element);
      if (text !== undefined) known.push(text);
    }
  }
  return { known, hasUnknown };
}

const NO_VALUES: PolicyValues = { known: [], hasUnknown: false };

function parsePrincipal(value: unknown): PolicyPrincipal {
  const empty = { aws: NO_VALUES, service: NO_VALUES, federated: NO_VALUES, canonicalUser: NO_VALUES };
  if (isUnknown(value)) return { wildcard: false, unknown: true, ...empty };
  if (typeof value === 'string') return { wildcard: value.trim() === '*', unknown: false, ...empty };
  if (!isRecord(value)) return { wildcard: false, unknown: false, ...empty };
  const aws = policyValues(field(value, 'AWS'));
  return {
    wildcard: aws.known.some((entry) => entry.trim() === '*'),
    unknown: false,
    aws,
    service: policyValues(field(value, 'Service')),
    federated: policyValues(field(value, 'Federated')),
    canonicalUser: policyValues(field(value, 'CanonicalUser')),
  };
}

function parseOperator(operator: string): Pick<PolicyCondition, 'baseOperator' | 'ifExists' | 'setQualifier'> {
  let rest = operator.trim();
  let setQualifier: ConditionSetQualifier | undefined;
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const qualifier = rest.slice(0, colon).toLowerCase();
    if (qualifier === 'foranyvalue') setQualifier = 'ForAnyValue';
    else if (qualifier === 'forallvalues') setQualifier = 'ForAllValues';
    rest = rest.slice(colon + 1);
  }
  let base = rest.toLowerCase();
  const ifExists = base.endsWith('ifexists');
  if (ifExists) base = base.slice(0, -'ifexists'.length);
  return { baseOperator: base, ifExists, ...(setQualifier ? { setQualifier } : {}) };
}

function parseConditions(value: unknown): { conditions: PolicyCondition[]; conditionUnknown: boolean } {
  if (isUnknown(value)) return { conditions: [], conditionUnknown: true };
  if (!isRecord(value)) return { conditions: [], conditionUnknown: false };
  const conditions: PolicyCondition[] = [];
  let conditionUnknown = false;
  for (const [operator, keys] of Object.entries(value)) {
    if (isUnknown(keys)) {
      conditionUnknown = true;
      continue;
    }
    if (!isRecord(keys)) continue;
    const parsedOperator = parseOperator(operator);
    for (const [key, values] of Object.entries(keys)) {
      conditions.push({ operator, ...parsedOperator, key: key.toLowerCase(), values: policyValues(values) });
    }
  }
  return { conditions, conditionUnknown };
}

function parseEffect(value: unknown): PolicyStatement['effect'] {
  if (isUnknown(value)) return UNDECIDED;
  if (typeof value !== 'string') return undefined;
  const lower = value.trim().toLowerCase();
  return lower === 'allow' ? 'Allow' : lower === 'deny' ? 'Deny' : undefined;
}

function optionalValues(record: Record<string, unknown>, name: string): PolicyValues | undefined {
  return hasField(record, name) ? policyValues(field(record, name)) : undefined;
}

function optionalPrincipal(record: Record<string, unknown>, name: string): PolicyPrincipal | undefined {
  return hasField(record, name) ? parsePrincipal(field(record, name)) : undefined;
}

function parseStatement(record: Record<string, unknown>, index: number): PolicyStatement {
  const sid = field(record, 'Sid');
  return {
    index,
    ...(typeof sid === 'string' ? { sid } : {}),
    effect: parseEffect(field(record, 'Effect')),
    action: optionalValues(record, 'Action'),
    notAction: optionalValues(record, 'NotAction'),
    resource: optionalValues(record, 'Resource'),
    notResource: optionalValues(record, 'NotResource'),
    principal: optionalPrincipal(record, 'Principal'),
    notPrincipal: optionalPrincipal(record, 'NotPrincipal'),
    ...parseConditions(field(record, 'Condition')),
  };
}

/**
 * Parses a policy document given as a JSON string or an object. Never throws: unknown input gives
 * `{ kind: 'unknown' }`, missing input `{ kind: 'absent' }`, anything that is not a JSON object `{ kind: 'invalid' }`.
 */
export function parsePolicyDocument(input: unknown): ParsedPolicyDocument {
  if (input === undefined || input === null) return { kind: 'absent' };
  if (isUnknown(input)) return { kind: 'unknown' };
  let value: unknown = input;
  if (typeof input === 'string') {
    if (input.trim() === '') return { kind: 'absent' };
    try {
      value = JSON.parse(input);
    } catch (error) {
      return { kind: 'invalid', reason: `not valid JSON (${(error as Error).message})` };
    }
    if (isUnknown(value)) return { kind: 'unknown' };
  }
  if (!isRecord(value)) {
    return { kind: 'invalid', reason: `expected a JSON object with a Statement list, got ${Array.isArray(value) ? 'a list' : typeof value}` };
  }
  const version = field(value, 'Version');
  const rawStatements = field(value, 'Statement');
  if (isUnknown(rawStatements)) {
    return { kind: 'document', document: { ...(typeof version === 'string' ? { version } : {}), statements: [], statementsUnknown: true } };
  }
  const entries = Array.isArray(rawStatements) ? rawStatements : rawStatements === undefined ? [] : [rawStatements];
  const statements: PolicyStatement[] = [];
  let statementsUnknown = false;
  entries.forEach((entry, index) => {
    if (isUnknown(entry)) statementsUnknown = true;
    else if (isRecord(entry)) statements.push(parseStatement(entry, index));
  });
  return { kind: 'document', document: { ...(typeof version === 'string' ? { version } : {}), statements, statementsUnknown } };
}

/** The statements of a parsed document, or none when it is unknown, absent or invalid. */
export function statementsOf(parsed: ParsedPolicyDocument): readonly PolicyStatement[] {
  return parsed.kind === 'document' ? parsed.document.statements : [];
}

/**
 * True when an IAM wildcard pattern (`*` any run, `?` one character) matches `value`.
 * `ignoreCase` for actions (case-insensitive in IAM); resources and ARNs compare case-sensitively.
 */
export function wildcardMatches(pattern: string, value: string, ignoreCase: boolean): boolean {
  const p = ignoreCase ? pattern.toLowerCase() : pattern;
  const v = ignoreCase ? value.toLowerCase() : value;
  // Iterative glob with backtracking to the last `*`: linear in practice, no regular expression to build.
  let pi = 0;
  let vi = 0;
  let starPattern = -1;
  let starValue = 0;
  while (vi < v.length) {
    if (pi < p.length && (p[pi] === '?' || p[pi] === v[vi])) {
      pi++;
      vi++;
    } else if (pi < p.length && p[pi] === '*') {
      starPattern = pi++;
      starValue = vi;
    } else if (starPattern >= 0) {
      pi = starPattern + 1;
      vi = ++starValue;
    } else {
      return false;
    }
  }
  while (pi < p.length && p[pi] === '*') pi++;
  return pi === p.length;
}

/** True when `text` is only wildcard characters (`*`, `?`), i.e. it matches anything. */
export function isAllWildcard(text: string): boolean {
  return text.trim() !== '' && /^[*?]+$/.test(text.trim());
}

/**
 * Whether a statement's principal is everyone: `Principal: "*"`, `{ "AWS": "*" }` (also inside a list), or an
 * Allow with `NotPrincipal` (everyone except the listed). UNDECIDED when the principal is unknown and no known
 * entry is `*`. An unknown entry beside known ones (`{ AWS: [role.arn] }` in preview) is a computed ARN of a
 * resource, never `*`, so it does not make the statement public.
 */
export function isPublicPrincipal(statement: PolicyStatement): boolean | Undecided {
  if (statement.principal?.wildcard) return true;
  if (statement.effect !== 'Deny' && statement.notPrincipal && !statement.principal) return true;
  if (statement.principal?.unknown) return UNDECIDED;
  return false;
}

/** True when a statement has a `Bool`/`BoolIfExists` test of `key` whose known values include `expected`. */
export function hasBoolCondition(statement: PolicyStatement, key: string, expected: boolean): boolean {
  const wantedKey = key.toLowerCase();
  const wantedValue = String(expected);
  return statement.conditions.some(
    (condition) =>
      condition.key === wantedKey &&
      condition.baseOperator === 'bool' &&
      condition.setQualifier === undefined &&
      condition.values.known.some((value) => value.trim().toLowerCase() === wantedValue),
  );
}

/** True when the statement is a Deny that applies when `aws:SecureTransport` is false (`Bool` or `BoolIfExists`). */
export function deniesInsecureTransport(statement: PolicyStatement): boolean {
  return statement.effect === 'Deny' && hasBoolCondition(statement, 'aws:SecureTransport', false);
}

/**
 * Whether the statement's action element covers `action` (`s3:GetObject`), wildcards honoured and case ignored.
 * With `NotAction`, every action not matched by it is covered. UNDECIDED when an unknown entry leaves it open.
 */
export function coversAction(statement: PolicyStatement, action: string): boolean | Undecided {
  if (statement.action) {
    if (statement.action.known.some((pattern) => wildcardMatches(pattern.trim(), action, true))) return true;
    return statement.action.hasUnknown ? UNDECIDED : false;
  }
  if (statement.notAction) {
    if (statement.notAction.known.some((pattern) => wildcardMatches(pattern.trim(), action, true))) return false;
    return statement.notAction.hasUnknown ? UNDECIDED : true;
  }
  return false;
}

/**
 * Whether the statement's resource element covers `arn`, wildcards honoured (case-sensitive, as IAM compares
 * ARNs). With `NotResource`, every resource not matched by it is covered. UNDECIDED when an unknown entry leaves it
 * open.
 */
export function coversResource(statement: PolicyStatement, arn: string): boolean | Undecided {
  if (statement.resource) {
    if (statement.resource.known.some((pattern) => wildcardMatches(pattern.trim(), arn, false))) return true;
    return statement.resource.hasUnknown ? UNDECIDED : false;
  }
  if (statement.notResource) {
    if (statement.notResource.known.some((pattern) => wildcardMatches(pattern.trim(), arn, false))) return false;
    return statement.notResource.hasUnknown ? UNDECIDED : true;
  }
  return false;
}

/** A short human label for a statement in messages: `statement 2 ("AllowRead")`. */
export function describeStatement(statement: PolicyStatement): string {
  return statement.sid ? `statement ${statement.index + 1} ("${statement.sid}")` : `statement ${statement.index + 1}`;
}
