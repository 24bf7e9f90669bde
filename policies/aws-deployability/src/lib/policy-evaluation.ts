/**
 * Would this resource policy (a key policy, a bucket policy, a trust policy) let this request through? The
 * deployability rules ask it for the requests AWS documents a service making: CloudTrail calling
 * `kms:GenerateDataKey` with the trail's ARN as encryption context, Config calling `s3:PutObject` with an ACL
 * header, and so on. Evaluation follows IAM's logic for one policy
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html): an explicit Deny
 * wins, else an Allow whose principal, action, resource and every condition match, else the request is implicitly
 * denied. Condition operators follow the IAM condition reference
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html): a
 * condition on a key the request does not carry fails, unless the operator is `...IfExists`, `Null` or
 * `ForAllValues:`.
 *
 * Three-valued: anything the engine has not computed yet (an unknown document, statement, principal or condition
 * value) makes a statement UNDECIDED unless what is known already decides it, and the verdict is UNDECIDED when an
 * undecided statement could change it. Rules turn that into an undecided finding, never a silent pass.
 */
import {
  coversAction,
  isAllWildcard,
  parseArn,
  parsePolicyDocument,
  UNDECIDED,
  wildcardMatches,
  type PolicyCondition,
  type PolicyPrincipal,
  type PolicyStatement,
  type PolicyValues,
  type Undecided,
} from '@bulwark/aws-model';

/** Who makes the request. */
export type RequestPrincipal =
  /** An AWS service principal (`cloudtrail.amazonaws.com`). */
  | { readonly kind: 'service'; readonly service: string }
  /**
   * An IAM principal (a role's ARN). `account` is its account: an account principal (`arn:aws:iam::<id>:root` or
   * `<id>`) in the policy lets it through only when `viaIdentityPolicies` is true, i.e. when the principal's own IAM
   * policies can grant the action (the deployer, who holds administrator rights). A service-linked role's
   * AWS-managed policy holds no KMS permission, so for it the policy must name the role itself.
   */
  | { readonly kind: 'iam'; readonly arn?: string; readonly account: string; readonly viaIdentityPolicies: boolean }
  /** The caller an identity policy is attached to: only statements without a `Principal` element apply. */
  | { readonly kind: 'caller'; readonly description: string };

/** The request context: condition key (any case) to its value or values. */
export type RequestContext = Readonly<Record<string, string | readonly string[]>>;

/** One request, as AWS evaluates it against one resource policy. */
export interface PolicyRequest {
  readonly principal: RequestPrincipal;
  readonly action: string;
  /** The resource ARN; undefined when only `"*"` can be relied on (key policies name the key as `*`). */
  readonly resource?: string;
  readonly context: RequestContext;
}

/** The verdict of one policy on one request. */
export type PolicyVerdict = 'allowed' | 'denied' | 'implicitly-denied' | Undecided;

type Tri = boolean | Undecided;

function and(values: readonly Tri[]): Tri {
  if (values.includes(false)) return false;
  return values.includes(UNDECIDED) ? UNDECIDED : true;
}

function or(values: readonly Tri[]): Tri {
  if (values.includes(true)) return true;
  return values.includes(UNDECIDED) ? UNDECIDED : false;
}

const ACCOUNT_ID = /^\d{12}$/;

/** The account a principal entry stands for when it names a whole account (`123456789012`, `arn:aws:iam::123456789012:root`). */
function accountEntry(entry: string): string | undefined {
  const text = entry.trim();
  if (ACCOUNT_ID.test(text)) return text;
  const arn = parseArn(text);
  return arn && arn.service === 'iam' && arn.resource === 'root' ? arn.account : undefined;
}

function principalEntryMatches(principal: PolicyPrincipal, request: RequestPrincipal): Tri {
  if (principal.wildcard) return true;
  if (principal.unknown) return UNDECIDED;
  if (request.kind === 'caller') return false;
  if (request.kind === 'service') {
    const wanted = request.service.toLowerCase();
    if (principal.service.known.some((entry) => entry.trim().toLowerCase() === wanted)) return true;
    return principal.service.hasUnknown ? UNDECIDED : false;
  }
  for (const entry of principal.aws.known) {
    if (request.arn !== undefined && entry.trim() === request.arn) return true;
    if (request.viaIdentityPolicies && accountEntry(entry) === request.account) return true;
  }
  return principal.aws.hasUnknown ? UNDECIDED : false;
}

function principalMatches(statement: PolicyStatement, request: RequestPrincipal): Tri {
  if (request.kind === 'caller') return !statement.principal && !statement.notPrincipal;
  if (statement.principal) return principalEntryMatches(statement.principal, request);
  if (statement.notPrincipal) {
    const listed = principalEntryMatches(statement.notPrincipal, request);
    return listed === UNDECIDED ? UNDECIDED : !listed;
  }
  // In a resource policy a statement without a principal grants nothing (AWS rejects it).
  return false;
}

/** Whether one of `patterns` (policy variables substituted from the context) matches `resource`. */
function anyResourcePattern(patterns: PolicyValues, resource: string, context: ReadonlyMap<string, readonly string[]>): Tri {
  const results: Tri[] = patterns.known.map((raw) => {
    const pattern = substituteVariables(raw.trim(), context);
    return pattern === undefined ? UNDECIDED : wildcardMatches(pattern, resource, false);
  });
  if (patterns.hasUnknown) results.push(UNDECIDED);
  return or(results);
}

function resourceMatches(statement: PolicyStatement, resource: string | undefined, context: ReadonlyMap<string, readonly string[]>): Tri {
  if (!statement.resource && !statement.notResource) return true;
  if (resource !== undefined) {
    if (statement.resource) return anyResourcePattern(statement.resource, resource, context);
    const excluded = anyResourcePattern(statement.notResource as PolicyValues, resource, context);
    return excluded === UNDECIDED ? UNDECIDED : !excluded;
  }
  if (statement.resource?.known.some((pattern) => isAllWildcard(pattern))) return true;
  return UNDECIDED;
}

const POLICY_VARIABLE = /\$\{([^}]+)\}/g;

/** Replaces `${aws:username}`-style variables from the context; undefined when one is not in it. */
function substituteVariables(value: string, context: ReadonlyMap<string, readonly string[]>): string | undefined {
  let missing = false;
  const replaced = value.replace(POLICY_VARIABLE, (_, name: string) => {
    const key = name.trim().toLowerCase();
    if (key === '*' || key === '?' || key === '$') return key;
    const values = context.get(key);
    if (!values || values.length !== 1) {
      missing = true;
      return '';
    }
    return values[0] as string;
  });
  return missing ? undefined : replaced;
}

function compareOne(operator: string, pattern: string, value: string): Tri {
  switch (operator) {
    case 'stringequals':
    case 'arnequals':
      return pattern === value;
    case 'stringequalsignorecase':
      return pattern.toLowerCase() === value.toLowerCase();
    case 'stringlike':
    case 'arnlike':
      return wildcardMatches(pattern, value, false);
    case 'bool':
      return pattern.trim().toLowerCase() === value.trim().toLowerCase();
    case 'numericequals':
    case 'numericlessthan':
    case 'numericlessthanequals':
    case 'numericgreaterthan':
    case 'numericgreaterthanequals': {
      const [limit, actual] = [Number(pattern), Number(value)];
      if (!Number.isFinite(limit) || !Number.isFinite(actual)) return false;
      if (operator === 'numericequals') return actual === limit;
      if (operator === 'numericlessthan') return actual < limit;
      if (operator === 'numericlessthanequals') return actual <= limit;
      if (operator === 'numericgreaterthan') return actual > limit;
      return actual >= limit;
    }
    default:
      return UNDECIDED;
  }
}

const NEGATED: Record<string, string> = {
  stringnotequals: 'stringequals',
  stringnotequalsignorecase: 'stringequalsignorecase',
  stringnotlike: 'stringlike',
  arnnotequals: 'arnequals',
  arnnotlike: 'arnlike',
  numericnotequals: 'numericequals',
};

/** Whether one context value matches any of the condition's values (a negated operator: none of them). */
function valueMatches(condition: PolicyCondition, value: string, context: ReadonlyMap<string, readonly string[]>): Tri {
  const negatedBase = NEGATED[condition.baseOperator];
  const base = negatedBase ?? condition.baseOperator;
  const results: Tri[] = condition.values.known.map((raw) => {
    const pattern = substituteVariables(raw, context);
    return pattern === undefined ? UNDECIDED : compareOne(base, pattern, value);
  });
  if (condition.values.hasUnknown) results.push(UNDECIDED);
  const any = or(results);
  if (negatedBase === undefined) return any;
  return any === UNDECIDED ? UNDECIDED : !any;
}

function conditionHolds(condition: PolicyCondition, context: ReadonlyMap<string, readonly string[]>): Tri {
  const values = context.get(condition.key);
  if (condition.baseOperator === 'null') {
    const expectsAbsent = condition.values.known.some((value) => value.trim().toLowerCase() === 'true');
    const present = values !== undefined && values.length > 0;
    if (condition.values.known.length === 0) return UNDECIDED;
    return expectsAbsent ? !present : present;
  }
  if (values === undefined || values.length === 0) {
    if (condition.ifExists || condition.setQualifier === 'ForAllValues') return true;
    return false;
  }
  const perValue = values.map((value) => valueMatches(condition, value, context));
  if (condition.setQualifier === 'ForAllValues') return and(perValue);
  // A single-valued key, or ForAnyValue: one matching value is enough.
  return or(perValue);
}

function conditionsHold(statement: PolicyStatement, context: ReadonlyMap<string, readonly string[]>): Tri {
  const results = statement.conditions.map((condition) => conditionHolds(condition, context));
  if (statement.conditionUnknown) results.push(UNDECIDED);
  return and(results);
}

function contextMap(context: RequestContext): Map<string, readonly string[]> {
  const map = new Map<string, readonly string[]>();
  for (const [key, value] of Object.entries(context)) map.set(key.toLowerCase(), typeof value === 'string' ? [value] : value);
  return map;
}

/** Whether `statement` applies to `request` (principal, action, resource and conditions), whatever its effect. */
export function statementApplies(statement: PolicyStatement, request: PolicyRequest): Tri {
  const context = contextMap(request.context);
  return and([
    principalMatches(statement, request.principal),
    coversAction(statement, request.action),
    resourceMatches(statement, request.resource, context),
    conditionsHold(statement, context),
  ]);
}

/**
 * The verdict of the resource policy `document` (a JSON string or object, possibly holding engine unknowns) on
 * `request`. An absent or invalid document allows nothing.
 */
export function evaluatePolicy(document: unknown, request: PolicyRequest): PolicyVerdict {
  const parsed = parsePolicyDocument(document);
  if (parsed.kind === 'unknown') return UNDECIDED;
  if (parsed.kind !== 'document') return 'implicitly-denied';
  const { statements, statementsUnknown } = parsed.document;
  const denies: Tri[] = [];
  const allows: Tri[] = [];
  for (const statement of statements) {
    const applies = statementApplies(statement, request);
    if (statement.effect === 'Deny') denies.push(applies);
    else if (statement.effect === 'Allow') allows.push(applies);
    else if (statement.effect === UNDECIDED && applies !== false) {
      denies.push(UNDECIDED);
      allows.push(UNDECIDED);
    }
  }
  if (statementsUnknown) {
    denies.push(UNDECIDED);
    allows.push(UNDECIDED);
  }
  const denied = or(denies);
  if (denied === true) return 'denied';
  const allowed = or(allows);
  if (allowed === false) return 'implicitly-denied';
  if (denied === UNDECIDED || allowed === UNDECIDED) return UNDECIDED;
  return 'allowed';
}

/** The request as a message shows it: `cloudtrail.amazonaws.com calling kms:DescribeKey (aws:SourceArn=...)`. */
export function describeRequest(request: PolicyRequest): string {
  const { principal } = request;
  const who =
    principal.kind === 'service' ? principal.service : principal.kind === 'caller' ? principal.description : (principal.arn ?? `a principal of account ${principal.account}`);
  const context = Object.entries(request.context)
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : value.join('|')}`)
    .join(', ');
  return `${who} calling ${request.action}${request.resource ? ` on ${request.resource}` : ''}${context ? ` with ${context}` : ' with no condition keys'}`;
}
