/**
 * The one condition evaluator every "public unless restricted by a condition" check uses (bucket policies, key
 * policies, trust policies, Lambda permissions): does a statement's `Condition` block restrict who the statement
 * applies to a known set of callers (one account, one organisation, one source resource, one VPC endpoint)?
 *
 * Conditions in a block are ANDed, so one condition that restricts is enough. A condition restricts when all of:
 * - its key names the caller or where the call comes from ({@link RESTRICTING_CONDITION_KEYS});
 * - its operator only lets matching values through: `StringEquals`, `StringEqualsIgnoreCase`, `StringLike`,
 *   `ArnEquals`, `ArnLike`, alone or as `ForAnyValue:` (false when the key is absent). Negated operators
 *   (`StringNotEquals`...) admit everyone outside a set; `ForAllValues:` is true when the key is absent; `Null`,
 *   `Bool` and numeric or date operators pin nobody down;
 * - `...IfExists` only on a key the caller cannot leave out: `...IfExists` is true when the key is absent, and
 *   source keys (aws:SourceArn, aws:SourceAccount...) exist only on service-to-service requests, network keys
 *   (aws:SourceVpce, aws:SourceVpc) only on requests through a VPC endpoint, organisation keys only for principals
 *   in an organisation, and principal keys (aws:PrincipalAccount, aws:PrincipalArn, aws:userid) only on signed
 *   requests. `kms:CallerAccount` is on every KMS request, and principal keys are on every request a KMS key policy
 *   sees ({@link PrincipalRestrictionOptions.signedRequestsOnly});
 * - every value names a known identifier: no wildcard (`*`, `?`) in the part that says who the caller is, whatever
 *   the operator. With `StringLike`, `ArnLike` and `ArnEquals` a wildcard matches anyone; with `StringEquals` it
 *   matches only the literal text, so such a statement grants nobody today, but it reads as "anyone" and its
 *   obvious fix opens it, so it is not taken as a restriction either. For an ARN the identifying part is its
 *   account (`arn:aws:sns:*:111122223333:*` restricts) or, for ARNs without an account (S3 buckets), the bucket
 *   name; for organisation paths the organisation id (`o-abc/r-ab12/*` restricts); for `aws:userid` the unique id
 *   before `:` (`AROAEXAMPLE:*` restricts). An empty value restricts nothing;
 * - a value that is unknown (an engine unknown in a first preview) counts as restricting: it is computed from
 *   another resource (an ARN, an account or organisation id), which is never a wildcard once known, so preview and
 *   update agree. A `Condition` block, or one operator's key map, that is unknown leaves the answer UNDECIDED
 *   unless a known condition already restricts.
 *
 * AWS references: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 * and https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html (each key's
 * availability), https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status
 * (which conditions make a bucket policy non-public).
 */
import { parseArn } from '../arn';
import { UNDECIDED, type Undecided } from '../unknown';
import { isAllWildcard, isPublicPrincipal, policyValues, type ParsedPolicyDocument, type PolicyCondition, type PolicyStatement } from './parse';

/**
 * The condition keys that tie a public principal to one account, organisation, source resource or network. Keys
 * about the resource itself (aws:ResourceAccount, aws:ResourceOrgID) are not among them: in a resource policy they
 * name the resource's own account, whoever calls.
 */
export const RESTRICTING_CONDITION_KEYS: readonly string[] = [
  'aws:sourcearn',
  'aws:sourceaccount',
  'aws:sourceowner',
  'aws:sourceorgid',
  'aws:sourceorgpaths',
  'aws:principalorgid',
  'aws:principalorgpaths',
  'aws:principalaccount',
  'aws:principalarn',
  'aws:userid',
  'aws:sourcevpc',
  'aws:sourcevpce',
  'kms:calleraccount',
  's3:dataaccesspointaccount',
  's3:dataaccesspointarn',
];

/** Keys present on every request a policy of any kind evaluates. */
const ALWAYS_PRESENT_KEYS = new Set(['kms:calleraccount']);

/** Keys present on every signed request: absent only for anonymous callers. */
const SIGNED_REQUEST_KEYS = new Set(['aws:principalaccount', 'aws:principalarn', 'aws:userid']);

/** Keys whose values are ARNs; the account (or, without one, the S3 bucket name) identifies the caller. */
const ARN_KEYS = new Set(['aws:sourcearn', 'aws:principalarn', 's3:dataaccesspointarn']);

/** Keys whose values are organisation paths (`o-id/r-id/ou-id/`); the organisation id identifies the caller. */
const ORGANISATION_PATH_KEYS = new Set(['aws:principalorgpaths', 'aws:sourceorgpaths']);

/** Operators that admit only the listed values (their `ForAnyValue:` forms included). */
const MATCHING_OPERATORS = new Set(['stringequals', 'stringequalsignorecase', 'stringlike', 'arnequals', 'arnlike']);

/** How a statement's conditions are judged. */
export interface PrincipalRestrictionOptions {
  /** The condition keys that identify the caller. Default {@link RESTRICTING_CONDITION_KEYS}. */
  readonly keys?: readonly string[];
  /**
   * True when every request the policy evaluates is signed by an IAM principal (a KMS key policy): principal keys
   * (aws:PrincipalAccount, aws:PrincipalArn, aws:userid) are then always present, so `...IfExists` on them still
   * restricts. False (the default) for bucket policies, trust policies and Lambda permissions, which anonymous or
   * federated callers reach.
   */
  readonly signedRequestsOnly?: boolean;
}

/** The verdict on one condition: it restricts, or why it does not. */
export type ConditionVerdict = { readonly restricts: true } | { readonly restricts: false; readonly why: string };

/** What a statement's conditions amount to. */
export interface PrincipalRestriction {
  /** True when a condition restricts the caller to a known set; UNDECIDED when an unknown condition block may. */
  readonly restricted: boolean | Undecided;
  /** The condition that restricts, when one does. */
  readonly by?: PolicyCondition;
  /** Conditions on caller keys that look restricting but are not, each with why: for messages. */
  readonly notRestricting: readonly { readonly condition: PolicyCondition; readonly why: string }[];
}

const WILDCARD = /[*?]/;

/** The part of a value that says who the caller is, for the key's kind of value. */
function identifyingPart(key: string, value: string): string {
  if (ARN_KEYS.has(key)) {
    const arn = parseArn(value);
    if (!arn) return value;
    if (arn.account !== '') return arn.account;
    // ARNs without an account (S3 buckets, access points by name): the bucket name is global and identifies it.
    return arn.resource.split('/')[0] ?? '';
  }
  if (ORGANISATION_PATH_KEYS.has(key)) return value.split('/')[0] ?? '';
  if (key === 'aws:userid') return value.split(':')[0] ?? '';
  return value;
}

/**
 * True when a condition value names a known identifier for `key`: not empty, and no wildcard in the part that
 * identifies the caller (see the module comment). Without a key, a value is judged as an ARN when it is one.
 */
export function isRestrictingValue(value: string, key?: string): boolean {
  const text = value.trim();
  if (text === '' || isAllWildcard(text)) return false;
  const lowerKey = key?.toLowerCase() ?? (text.toLowerCase().startsWith('arn:') ? 'aws:sourcearn' : '');
  const part = identifyingPart(lowerKey, text).trim();
  return part !== '' && !WILDCARD.test(part);
}

function describeValues(condition: PolicyCondition): string {
  const shown = condition.values.known.map((value) => JSON.stringify(value));
  if (condition.values.hasUnknown) shown.push('(unknown)');
  return shown.join(', ');
}

/** `StringLike aws:SourceVpce "*"`: a condition as messages show it. */
export function describeCondition(condition: PolicyCondition): string {
  return `${condition.operator} ${condition.key} ${describeValues(condition)}`.trim();
}

/** Whether a key is present on every request the policy evaluates, so that `...IfExists` on it still restricts. */
function alwaysPresent(key: string, options: PrincipalRestrictionOptions): boolean {
  return ALWAYS_PRESENT_KEYS.has(key) || (options.signedRequestsOnly === true && SIGNED_REQUEST_KEYS.has(key));
}

/**
 * Whether one condition restricts the caller to a known set (see the module comment), and if not, why. A
 * condition on a key outside `options.keys` restricts nothing.
 */
export function judgeCondition(condition: PolicyCondition, options: PrincipalRestrictionOptions = {}): ConditionVerdict {
  const keys = new Set((options.keys ?? RESTRICTING_CONDITION_KEYS).map((key) => key.toLowerCase()));
  if (!keys.has(condition.key)) return { restricts: false, why: `${condition.key} does not identify the caller` };
  if (!MATCHING_OPERATORS.has(condition.baseOperator)) {
    return { restricts: false, why: `${condition.operator} does not limit ${condition.key} to listed values` };
  }
  if (condition.setQualifier === 'ForAllValues') {
    return { restricts: false, why: `${condition.operator} is true when the request carries no ${condition.key}` };
  }
  if (condition.ifExists && !alwaysPresent(condition.key, options)) {
    return { restricts: false, why: `${condition.operator} is true when the caller's request carries no ${condition.key}` };
  }
  if (condition.values.known.length === 0 && !condition.values.hasUnknown) {
    return { restricts: false, why: `${condition.operator} ${condition.key} lists no value` };
  }
  const open = condition.values.known.filter((value) => !isRestrictingValue(value, condition.key));
  if (open.length > 0) {
    return {
      restricts: false,
      why: `${condition.operator} ${condition.key} ${open.map((value) => JSON.stringify(value)).join(', ')} names no known ${condition.key} (a wildcard or empty value)`,
    };
  }
  return { restricts: true };
}

/**
 * Whether the statement's conditions restrict who it applies to a known set of callers: the one evaluator behind
 * every "public unless restricted by a condition" rule (see the module comment for each decision).
 */
export function principalRestriction(statement: PolicyStatement, options: PrincipalRestrictionOptions = {}): PrincipalRestriction {
  const notRestricting: { condition: PolicyCondition; why: string }[] = [];
  const keys = new Set((options.keys ?? RESTRICTING_CONDITION_KEYS).map((key) => key.toLowerCase()));
  for (const condition of statement.conditions) {
    const verdict = judgeCondition(condition, options);
    if (verdict.restricts) return { restricted: true, by: condition, notRestricting: [] };
    if (keys.has(condition.key)) notRestricting.push({ condition, why: verdict.why });
  }
  return { restricted: statement.conditionUnknown ? UNDECIDED : false, notRestricting };
}

/**
 * A condition as Lambda builds it from an `AddPermission` input (`sourceArn` becomes `ArnLike aws:SourceArn`,
 * `sourceAccount` `StringEquals aws:SourceAccount`, `principalOrgId` `StringEquals aws:PrincipalOrgID`), so
 * permission inputs are judged by {@link judgeCondition} like any policy condition.
 */
export function permissionCondition(operator: 'ArnLike' | 'StringEquals', key: string, value: unknown): PolicyCondition {
  return { operator, baseOperator: operator.toLowerCase(), ifExists: false, key: key.toLowerCase(), values: policyValues(value) };
}

/**
 * True when one of the statement's conditions restricts who the statement applies to (see
 * {@link principalRestriction}); UNDECIDED when the `Condition` block is unknown and nothing known restricts.
 */
export function hasRestrictingCondition(
  statement: PolicyStatement,
  keys: readonly string[] = RESTRICTING_CONDITION_KEYS,
  options: Omit<PrincipalRestrictionOptions, 'keys'> = {},
): boolean | Undecided {
  return principalRestriction(statement, { ...options, keys }).restricted;
}

/**
 * True when a statement is decidedly an Allow to everyone with no restricting condition. Unknown effect,
 * principal or condition block give false: the question is not decidable until the values are known.
 */
export function isUnrestrictedPublicAllow(
  statement: PolicyStatement,
  keys: readonly string[] = RESTRICTING_CONDITION_KEYS,
  options: Omit<PrincipalRestrictionOptions, 'keys'> = {},
): boolean {
  return statement.effect === 'Allow' && isPublicPrincipal(statement) === true && hasRestrictingCondition(statement, keys, options) === false;
}

/**
 * The part of a statement (`Effect`, `Principal` or `Condition`) whose unknown value leaves open whether it is an
 * Allow to everyone that no condition restricts, or undefined when the statement is decided either way.
 */
export function undecidedPublicPart(statement: PolicyStatement, options: PrincipalRestrictionOptions = {}): 'Effect' | 'Principal' | 'Condition' | undefined {
  if (statement.effect !== 'Allow' && statement.effect !== UNDECIDED) return undefined;
  const principal = isPublicPrincipal(statement);
  const restricted = principalRestriction(statement, options).restricted;
  if (principal === false || restricted === true) return undefined;
  if (statement.effect === UNDECIDED) return 'Effect';
  if (principal === UNDECIDED) return 'Principal';
  return restricted === UNDECIDED ? 'Condition' : undefined;
}

/**
 * The property paths of a document's unknown parts that could make it grant everyone, under `documentPath` (the
 * property holding the document: `policy`, `assumeRolePolicy`): the path itself for a wholly unknown document,
 * `<path>.Statement` for an unknown statement list or entry, `<path>.Statement[i].Principal` (or `Effect`,
 * `Condition`) for a statement whose verdict hangs on that part. Empty when nothing unknown matters.
 */
export function undecidedPublicParts(parsed: ParsedPolicyDocument, documentPath: string, options: PrincipalRestrictionOptions = {}): string[] {
  if (parsed.kind === 'unknown') return [documentPath];
  if (parsed.kind !== 'document') return [];
  const parts = parsed.document.statements.flatMap((statement) => {
    const part = undecidedPublicPart(statement, options);
    return part ? [`${documentPath}.Statement[${statement.index}].${part}`] : [];
  });
  return parsed.document.statementsUnknown ? [`${documentPath}.Statement`, ...parts] : parts;
}
