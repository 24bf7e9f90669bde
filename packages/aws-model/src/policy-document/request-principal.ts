/**
 * Who makes a request, and whether a statement's `Principal` / `NotPrincipal` names them
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html). Identity
 * policies have no principal element: their statements apply to the caller they are attached to.
 */
import { parseArn } from '../arn';
import { UNDECIDED } from '../unknown';
import { type PolicyPrincipal, type PolicyStatement } from './parse';
import { type Tri } from './three-valued';

/** Who makes the request. */
export type RequestPrincipal =
  /** An AWS service principal (`cloudtrail.amazonaws.com`). */
  | { readonly kind: 'service'; readonly service: string }
  /**
   * An IAM principal (a role's ARN). `account` is its account: an account principal (`arn:aws:iam::<id>:root` or
   * `<id>`) in a resource policy lets it through only when `viaIdentityPolicies` is true, i.e. when the principal's
   * own IAM policies can grant the action (the deployer, who holds administrator rights). A service-linked role's
   * AWS-managed policy holds no KMS permission, so for it a key policy must name the role itself.
   */
  | { readonly kind: 'iam'; readonly arn?: string; readonly account: string; readonly viaIdentityPolicies: boolean }
  /** The caller an identity policy is attached to: only statements without a `Principal` element apply. */
  | { readonly kind: 'caller'; readonly description: string };

const ACCOUNT_ID = /^\d{12}$/;

/** The account a principal entry stands for when it names a whole account (`123456789012`, `arn:aws:iam::123456789012:root`). */
function accountEntry(entry: string): string | undefined {
  const text = entry.trim();
  if (ACCOUNT_ID.test(text)) return text;
  const arn = parseArn(text);
  return arn && arn.service === 'iam' && arn.resource === 'root' ? arn.account : undefined;
}

/** Whether a `Principal` (or `NotPrincipal`) element names the request's principal. */
function elementNames(element: PolicyPrincipal, principal: RequestPrincipal): Tri {
  if (element.wildcard) return true;
  if (element.unknown) return UNDECIDED;
  if (principal.kind === 'caller') return false;
  if (principal.kind === 'service') {
    const wanted = principal.service.toLowerCase();
    if (element.service.known.some((entry) => entry.trim().toLowerCase() === wanted)) return true;
    return element.service.hasUnknown ? UNDECIDED : false;
  }
  for (const entry of element.aws.known) {
    if (principal.arn !== undefined && entry.trim() === principal.arn) return true;
    if (principal.viaIdentityPolicies && accountEntry(entry) === principal.account) return true;
  }
  return element.aws.hasUnknown ? UNDECIDED : false;
}

/**
 * Whether the statement applies to the request's principal. In a resource policy a statement without a principal
 * element grants nothing (AWS rejects it); for the caller of an identity policy only such statements apply.
 */
export function statementNamesPrincipal(statement: PolicyStatement, principal: RequestPrincipal): Tri {
  if (principal.kind === 'caller') return !statement.principal && !statement.notPrincipal;
  if (statement.principal) return elementNames(statement.principal, principal);
  if (statement.notPrincipal) {
    const listed = elementNames(statement.notPrincipal, principal);
    return listed === UNDECIDED ? UNDECIDED : !listed;
  }
  return false;
}

/**
 * The global condition keys AWS adds to every request of this principal
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html): aws:PrincipalArn and
 * aws:PrincipalAccount for an IAM principal, aws:PrincipalServiceName for a service principal, and
 * aws:PrincipalIsAWSService for both. The caller of an identity policy is not described, so it adds none.
 */
export function principalContextKeys(principal: RequestPrincipal): Record<string, string> {
  if (principal.kind === 'service') return { 'aws:principalservicename': principal.service, 'aws:principalisawsservice': 'true' };
  if (principal.kind === 'caller') return {};
  return {
    ...(principal.arn !== undefined ? { 'aws:principalarn': principal.arn } : {}),
    'aws:principalaccount': principal.account,
    'aws:principalisawsservice': 'false',
  };
}

/** The principal as a message names it. */
export function describePrincipal(principal: RequestPrincipal): string {
  if (principal.kind === 'service') return principal.service;
  if (principal.kind === 'caller') return principal.description;
  return principal.arn ?? `a principal of account ${principal.account}`;
}
