/**
 * Would these policies let this request through? A request is a principal calling an action on a resource with a
 * request context (condition keys); the policies are the documents of one kind that AWS evaluates together for it
 * (a key's policy, a bucket's policies, a role's trust policy, or the identity policies of one caller).
 *
 * Evaluation follows IAM's policy evaluation logic within one account
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html):
 * 1. a request starts implicitly denied;
 * 2. a Deny statement that applies (principal, action, resource and every condition match) denies it explicitly,
 *    whatever else allows it: an explicit deny in any of the documents wins;
 * 3. otherwise an Allow statement that applies allows it;
 * 4. otherwise it stays implicitly denied ("not allowed").
 * Conditions are `condition-evaluation.ts`'s (operators from `condition-operators.ts`), the principal element
 * `request-principal.ts`'s, `Action` / `Resource` `statement-scope.ts`'s. A statement with no `Resource` element
 * (a trust policy) applies to the resource the policy is attached to. Policy variables are replaced only in
 * documents of version `2012-10-17`. The principal's own global keys (aws:PrincipalArn, aws:PrincipalAccount,
 * aws:PrincipalServiceName, aws:PrincipalIsAWSService) join the context unless it sets them.
 *
 * Out of scope, by design: combining policy types (identity with resource policies across accounts, permission
 * boundaries, SCPs, session policies). A caller evaluates each kind it needs and combines the verdicts.
 *
 * Three-valued: anything the engine has not computed yet (an unknown document, statement, principal, action,
 * resource or condition value, or a request value that is unknown) makes a statement UNDECIDED unless what is known
 * already decides it, and the verdict is UNDECIDED when an undecided statement could change it. An absent or
 * invalid document allows nothing (AWS rejects an invalid one). Callers turn UNDECIDED into an undecided finding,
 * never a silent pass.
 */
import { isUnknown, UNDECIDED, type Undecided } from '../unknown';
import { contextValues, evaluateConditions, type ConditionReading, type ContextValues, type RequestContext } from './condition-evaluation';
import { parsePolicyDocument, type ParsedPolicyDocument, type PolicyStatement } from './parse';
import { describePrincipal, principalContextKeys, statementNamesPrincipal, type RequestPrincipal } from './request-principal';
import { coversAction, coversResource } from './statement-scope';
import { allOf, anyOf, type Tri } from './three-valued';

/** One request, as AWS evaluates it against a set of policies. */
export interface PolicyRequest {
  readonly principal: RequestPrincipal;
  readonly action: string;
  /** The resource ARN; undefined when only `"*"` can be relied on (key policies name the key as `*`). */
  readonly resource?: string;
  /** The condition keys the request carries; a key left out is absent from the request. */
  readonly context: RequestContext;
}

/**
 * The verdict on a request: allowed; explicitly denied (a Deny applies); implicitly denied (nothing allows it,
 * whether or not an undecided Deny would also apply); or UNDECIDED when an unknown value decides.
 */
export type RequestVerdict = 'allowed' | 'explicitly-denied' | 'implicitly-denied' | Undecided;

/** Whether the statement's resource element covers the request's resource (see the module comment). */
function resourceApplies(statement: PolicyStatement, resource: string | undefined, variables: ContextValues | undefined): Tri {
  if (!statement.resource && !statement.notResource) return true;
  if (resource !== undefined && !isUnknown(resource)) return coversResource(statement, resource, variables);
  if (statement.resource?.known.some((pattern) => /^\*+$/.test(pattern.trim()))) return true;
  return UNDECIDED;
}

/** The request's context with the principal's global keys under it. */
function requestContextOf(request: PolicyRequest): ContextValues {
  return contextValues({ ...principalContextKeys(request.principal), ...request.context });
}

function applies(statement: PolicyStatement, request: PolicyRequest, context: ContextValues, reading: ConditionReading): Tri {
  return allOf([
    statementNamesPrincipal(statement, request.principal),
    coversAction(statement, request.action),
    resourceApplies(statement, request.resource, reading.policyVariables === false ? undefined : context),
    evaluateConditions(statement, context, reading),
  ]);
}

/**
 * Whether `statement` applies to `request` (principal, action, resource and conditions), whatever its effect.
 * `reading.policyVariables` says whether its document replaces policy variables (version 2012-10-17).
 */
export function statementApplies(statement: PolicyStatement, request: PolicyRequest, reading: ConditionReading = {}): Tri {
  return applies(statement, request, requestContextOf(request), reading);
}

/**
 * The verdict of `documents`, evaluated together, on `request`. Each document is a JSON string or object and may
 * hold engine unknowns; an entry that is an engine unknown or UNDECIDED stands for a document not known yet.
 */
export function evaluatePolicies(documents: readonly unknown[], request: PolicyRequest): RequestVerdict {
  return evaluateParsedPolicies(documents.map(parseForEvaluation), request);
}

/** A document as {@link evaluateParsedPolicies} takes it: parsed, with UNDECIDED standing for one not known yet. */
export function parseForEvaluation(document: unknown): ParsedPolicyDocument {
  return document === UNDECIDED ? { kind: 'unknown' } : parsePolicyDocument(document);
}

/**
 * {@link evaluatePolicies} on documents already parsed (with {@link parseForEvaluation}), for a caller that asks
 * many requests of the same documents and parses each once.
 */
export function evaluateParsedPolicies(documents: readonly ParsedPolicyDocument[], request: PolicyRequest): RequestVerdict {
  const context = requestContextOf(request);
  const denies: Tri[] = [];
  const allows: Tri[] = [];
  for (const parsed of documents) {
    if (parsed.kind === 'unknown' || (parsed.kind === 'document' && parsed.document.statementsUnknown)) {
      denies.push(UNDECIDED);
      allows.push(UNDECIDED);
    }
    if (parsed.kind !== 'document') continue;
    const reading: ConditionReading = { policyVariables: parsed.document.version === '2012-10-17' };
    for (const statement of parsed.document.statements) {
      const verdict = applies(statement, request, context, reading);
      if (statement.effect === 'Deny') denies.push(verdict);
      else if (statement.effect === 'Allow') allows.push(verdict);
      else if (statement.effect === UNDECIDED && verdict !== false) {
        denies.push(UNDECIDED);
        allows.push(UNDECIDED);
      }
    }
  }
  const denied = anyOf(denies);
  if (denied === true) return 'explicitly-denied';
  const allowed = anyOf(allows);
  if (allowed === false) return 'implicitly-denied';
  if (denied === UNDECIDED || allowed === UNDECIDED) return UNDECIDED;
  return 'allowed';
}

/** The verdict of one document on `request` (see {@link evaluatePolicies}). */
export function evaluatePolicy(document: unknown, request: PolicyRequest): RequestVerdict {
  return evaluatePolicies([document], request);
}

/** The request as a message shows it: `cloudtrail.amazonaws.com calling kms:DescribeKey with aws:SourceArn=...`. */
export function describeRequest(request: PolicyRequest): string {
  const context = Object.entries(request.context)
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : value.join('|')}`)
    .join(', ');
  return `${describePrincipal(request.principal)} calling ${request.action}${request.resource ? ` on ${request.resource}` : ''}${context ? ` with ${context}` : ' with no condition keys'}`;
}
