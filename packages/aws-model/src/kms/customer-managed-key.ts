/**
 * Whether a KMS key reference (as `kmsKeyId`, `kmsMasterKeyId`, `kmsKeyArn` inputs take it) names a customer
 * managed key: the shared predicate of every `*-kms` rule.
 *
 * A reference is a key id (`1234abcd-...`, `mrk-...`), a key ARN, an alias name (`alias/orders`) or an alias ARN
 * (https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#key-id). AWS managed keys are reached through
 * their reserved `alias/aws/<service>` aliases (`alias/aws/s3`, also written `aws/s3` in some consoles), which no
 * account can create, so those forms are AWS managed
 * (https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#aws-managed-key). An AWS managed key's own
 * key id or key ARN looks like any other: offline it cannot be told apart, and it is taken as customer managed.
 *
 * An unknown reference (a first preview) is customer managed when it is computed from KMS key resources only (a
 * key's `arn`/`keyId`, a replica's, an alias's: any value they can take names a customer managed key, since the
 * `alias/aws/` prefix is reserved); from anything else (another stack's output, a lookup) it is UNDECIDED.
 */
import { parseArn } from '../arn';
import { isUnknown, UNDECIDED, type Undecided } from '../unknown';

/** The resource types whose outputs (ARN, id, alias ARN, target key) always name a customer managed key. */
export const KMS_KEY_RESOURCE_TYPES: readonly string[] = [
  'aws:kms/key:Key',
  'aws:kms/replicaKey:ReplicaKey',
  'aws:kms/externalKey:ExternalKey',
  'aws:kms/replicaExternalKey:ReplicaExternalKey',
  'aws:kms/alias:Alias',
];

/** Where an unknown reference comes from, when the caller knows it. */
export interface KeyReferenceSources {
  /** The types of the resources the value is computed from (the property's dependencies); empty when none is recorded. */
  readonly sourceTypes?: readonly string[];
}

const AWS_MANAGED_ALIAS = /^(alias\/)?aws\//i;

/** The alias name of a reference (`alias/orders`, from an alias ARN too), or undefined when it is not an alias. */
function aliasName(reference: string): string | undefined {
  if (/^alias\//i.test(reference)) return reference;
  const arn = parseArn(reference);
  if (arn && arn.service === 'kms' && /^alias\//i.test(arn.resource)) return arn.resource;
  return undefined;
}

/** True when a known reference names an AWS managed key: an `alias/aws/...` alias (name or ARN), or `aws/...`. */
export function isAwsManagedKeyReference(reference: string): boolean {
  const text = reference.trim();
  const alias = aliasName(text);
  return alias !== undefined ? AWS_MANAGED_ALIAS.test(alias) : /^aws\//i.test(text);
}

/**
 * Whether a key reference names a customer managed key: false for a missing or blank value and for AWS managed
 * key forms, true for any other known reference, and for an unknown one computed from KMS key resources only;
 * UNDECIDED for any other unknown (see the module comment).
 */
export function isCustomerManagedKey(value: unknown, sources: KeyReferenceSources = {}): boolean | Undecided {
  if (isUnknown(value)) {
    const types = sources.sourceTypes ?? [];
    return types.length > 0 && types.every((type) => KMS_KEY_RESOURCE_TYPES.includes(type)) ? true : UNDECIDED;
  }
  if (typeof value !== 'string' || value.trim() === '') return false;
  return !isAwsManagedKeyReference(value);
}
