/**
 * Where a resource lives, as far as its inputs (and, in an update, its outputs) tell: its region (its own `region`
 * input, else its provider's), its partition, and the account that owns it.
 */
import type { PolicyResource } from '@pulumi/policy';
import { parseArn, partitionOf, parsePolicyDocument, statementsOf } from '@bulwark/aws-model';
import { rawProps, resourceRegion, stringValue, type Undecided } from '@bulwark/policy-kit';

const ACCOUNT_ID = /^\d{12}$/;

/** The resource's region; UNDECIDED when the deciding value is unknown; undefined when nothing says. */
export function regionOf(resource: PolicyResource): string | Undecided | undefined {
  const region = resourceRegion(resource);
  if (region !== undefined) return region;
  // An update run carries the ARN, which names the region.
  const arn = stringValue(rawProps(resource.props)['arn']);
  return typeof arn === 'string' ? parseArn(arn)?.region || undefined : undefined;
}

/** The partition of a region (`aws` when the region is not known). */
export function partitionOfRegion(region: string | Undecided | undefined): string {
  return typeof region === 'string' ? partitionOf(region) : 'aws';
}

/** The accounts a policy document names: account principals, account ids in principal ARNs, `aws:SourceAccount`-style values. */
export function accountsNamedIn(document: unknown): Set<string> {
  const accounts = new Set<string>();
  const consider = (text: string) => {
    const trimmed = text.trim();
    if (ACCOUNT_ID.test(trimmed)) accounts.add(trimmed);
    const arn = parseArn(trimmed);
    if (arn && ACCOUNT_ID.test(arn.account)) accounts.add(arn.account);
  };
  for (const statement of statementsOf(parsePolicyDocument(document))) {
    statement.principal?.aws.known.forEach(consider);
    for (const condition of statement.conditions) {
      if (/(sourceaccount|calleraccount|principalaccount|sourcearn)$/.test(condition.key)) condition.values.known.forEach(consider);
    }
  }
  return accounts;
}

/**
 * The account that owns `resource`: the account field of its ARN (known in an update), else the single account its
 * policy names (`policyDocument`, e.g. a key policy's root principal). Undefined when neither tells.
 */
export function owningAccount(resource: PolicyResource, policyDocument?: unknown): string | undefined {
  const arn = stringValue(rawProps(resource.props)['arn']);
  const fromArn = typeof arn === 'string' ? parseArn(arn)?.account : undefined;
  if (fromArn && ACCOUNT_ID.test(fromArn)) return fromArn;
  if (policyDocument === undefined) return undefined;
  const named = [...accountsNamedIn(policyDocument)];
  return named.length === 1 ? named[0] : undefined;
}
