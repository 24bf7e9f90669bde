/**
 * How every `*-kms` rule judges a key reference input (`kmsKeyId`, `kmsMasterKeyId`, `kmsKeyArn`): through
 * `@bulwark/aws-model`'s one predicate, `isCustomerManagedKey`, with the provenance of an unknown value read from the
 * resource's property dependencies (which is why these rules are stack rules: a resource rule is not told where a
 * value came from). Not a rule itself.
 */
import type { PolicyResource } from '@pulumi/policy';
import { isCustomerManagedKey } from '@bulwark/aws-model';
import { dependencyTypes, describeValue, UNDECIDED, type Undecided } from '@bulwark/policy-kit';

/** What a key reference amounts to. */
export type KeyReferenceVerdict =
  | 'customer-managed'
  /** Unknown in this mode and not computed from KMS key resources only: the update decides. */
  | 'undecided'
  /** Not set, blank or not text. */
  | 'missing'
  /** An AWS managed key (`alias/aws/...`). */
  | 'aws-managed';

/**
 * Judges the key reference `value` inside `resource`'s top-level `property` (whose dependencies say where an unknown
 * value was computed from).
 */
export function keyReferenceVerdict(resource: PolicyResource, property: string, value: unknown): KeyReferenceVerdict {
  const customerManaged: boolean | Undecided = isCustomerManagedKey(value, { sourceTypes: dependencyTypes(resource, property) });
  if (customerManaged === UNDECIDED) return 'undecided';
  if (customerManaged) return 'customer-managed';
  return typeof value !== 'string' || value.trim() === '' ? 'missing' : 'aws-managed';
}

/** How a message words a key reference that is missing or AWS managed: `is not set`, `is "alias/aws/ebs", an AWS managed key`. */
export function describeKeyProblem(value: unknown, verdict: 'missing' | 'aws-managed'): string {
  return verdict === 'missing' ? `is ${describeValue(value)}` : `is ${describeValue(value)}, an AWS managed key`;
}

/** The decision every `*-kms` rule shares, for its reference entry. */
export const CUSTOMER_MANAGED_KEY_DECISION =
  'A key reference is judged by one predicate (@bulwark/aws-model `isCustomerManagedKey`): a key id, key ARN, alias ' +
  'name or alias ARN names a customer managed key, except the reserved AWS managed aliases `alias/aws/<service>` (name ' +
  'or ARN, also `aws/<service>`), which are violations. An AWS managed key\'s own key id or ARN cannot be told apart ' +
  'offline and passes. An unknown reference (first preview) computed only from KMS key resources (a key\'s, replica\'s or ' +
  'alias\'s outputs, per the property\'s dependencies) is customer managed whatever its value, so it is decided; one ' +
  'computed from anything else (another stack\'s output, a lookup) is reported undecided.';

/** The AWS pages the shared decision encodes. */
export const CUSTOMER_MANAGED_KEY_REFERENCES: readonly string[] = [
  'https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#key-id',
  'https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#aws-managed-key',
];
