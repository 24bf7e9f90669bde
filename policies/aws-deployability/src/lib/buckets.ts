/**
 * S3 buckets and the companion resources that configure them (pulumi-aws v7 keeps each setting in its own
 * resource, linked by `bucket`; the deprecated inline inputs still work): bucket policies, default encryption and
 * object ownership, as the delivery rules need them.
 */
import type { PolicyResource } from '@pulumi/policy';
import { blockValue, isUnknown, listValue, rawProps, stringValue, boolValue, UNDECIDED, type Undecided } from '@bulwark/policy-kit';
import { type StackGraph } from './stack-graph';

export const BUCKET_TYPES: readonly string[] = ['aws:s3/bucket:Bucket', 'aws:s3/bucketV2:BucketV2'];
export const BUCKET_IDENTIFIERS: readonly string[] = ['bucket', 'id', 'arn'];
export const BUCKET_POLICY_TYPE = 'aws:s3/bucketPolicy:BucketPolicy';
export const ENCRYPTION_TYPES: readonly string[] = [
  'aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration',
  'aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2',
];
export const OWNERSHIP_CONTROLS_TYPE = 'aws:s3/bucketOwnershipControls:BucketOwnershipControls';
export const LOGGING_TYPES: readonly string[] = ['aws:s3/bucketLogging:BucketLogging', 'aws:s3/bucketLoggingV2:BucketLoggingV2'];

/** The buckets of the stack `source`'s `property` names (by dependency or by name/ARN). */
export function bucketsNamedBy(graph: StackGraph, source: PolicyResource, property: string, value?: unknown): PolicyResource[] {
  return graph.refersTo(source, property, BUCKET_TYPES, BUCKET_IDENTIFIERS, value);
}

/** The bucket's name: known (given or auto-named), UNDECIDED, or undefined. */
export function bucketName(bucket: PolicyResource): string | Undecided | undefined {
  const props = rawProps(bucket.props);
  const name = stringValue(props['bucket']);
  if (name !== undefined) return name;
  return stringValue(props['id']);
}

/** The bucket's ARN in `partition`, when its name is known. */
export function bucketArn(bucket: PolicyResource, partition: string): string | Undecided | undefined {
  const name = bucketName(bucket);
  return typeof name === 'string' ? `arn:${partition}:s3:::${name}` : name;
}

/**
 * The companions of `types` that configure `bucket` (their `bucket` input names it), in the order
 * `StackGraph.ofType` lists them.
 */
function bucketCompanions(graph: StackGraph, bucket: PolicyResource, types: readonly string[]): readonly PolicyResource[] {
  return graph.companionsOf(bucket, types, 'bucket', BUCKET_TYPES, BUCKET_IDENTIFIERS);
}

/**
 * The companions of `types` whose `bucket` is unknown until apply and linked to no one bucket, which may therefore
 * configure `bucket` (see `StackGraph.openCompanionsOf`): a setting the rules cannot count in or out in this mode.
 */
export function openBucketCompanions(graph: StackGraph, bucket: PolicyResource, types: readonly string[]): readonly PolicyResource[] {
  return graph.openCompanionsOf(bucket, types, 'bucket', BUCKET_TYPES);
}

/**
 * The bucket policy documents that apply to `bucket`: every linked BucketPolicy, then the inline `policy`, then an
 * unknown document for each BucketPolicy that may be the bucket's (its `bucket` unknown and unlinked), so that
 * evaluating them gives an undecided verdict rather than a refusal or a pass.
 */
export function bucketPolicies(graph: StackGraph, bucket: PolicyResource): { readonly holder: PolicyResource; readonly document: unknown }[] {
  const documents = bucketPolicyResources(graph, bucket).map((holder) => ({ holder, document: rawProps(holder.props)['policy'] }));
  for (const holder of openBucketCompanions(graph, bucket, [BUCKET_POLICY_TYPE])) documents.push({ holder, document: UNDECIDED });
  const inline = rawProps(bucket.props)['policy'];
  if (inline !== undefined && inline !== null && inline !== '') documents.push({ holder: bucket, document: inline });
  return documents;
}

/** The bucket policy resources of `bucket` (for ordering checks). */
export function bucketPolicyResources(graph: StackGraph, bucket: PolicyResource): readonly PolicyResource[] {
  return bucketCompanions(graph, bucket, [BUCKET_POLICY_TYPE]);
}

/** A bucket's default encryption. */
export interface BucketEncryption {
  /** `AES256`, `aws:kms`, `aws:kms:dsse`, or UNDECIDED. */
  readonly algorithm: string | Undecided;
  /** The resource the setting lives in (a companion, or the bucket for inline settings). */
  readonly holder: PolicyResource;
  /** The `kmsMasterKeyId` value (may be unknown) and the property its dependencies are recorded on. */
  readonly kmsMasterKeyId: unknown;
  readonly keyProperty: string;
  /** Whether an S3 Bucket Key is enabled; UNDECIDED when unknown. */
  readonly bucketKeyEnabled: boolean | Undecided;
}

function encryptionFromRules(rules: unknown, holder: PolicyResource, keyProperty: string): BucketEncryption | Undecided | undefined {
  const list = isUnknown(rules) ? UNDECIDED : Array.isArray(rules) ? rules : rules === undefined ? [] : [rules];
  if (list === UNDECIDED) return UNDECIDED;
  for (const rule of list) {
    if (isUnknown(rule)) return UNDECIDED;
    const block = blockValue((rule as Record<string, unknown>)?.['applyServerSideEncryptionByDefault']);
    if (block === UNDECIDED) return UNDECIDED;
    if (!block) continue;
    const algorithm = stringValue(block['sseAlgorithm']);
    const bucketKey = boolValue((rule as Record<string, unknown>)['bucketKeyEnabled']);
    return {
      algorithm: algorithm === undefined ? 'AES256' : algorithm,
      holder,
      kmsMasterKeyId: block['kmsMasterKeyId'],
      keyProperty,
      bucketKeyEnabled: bucketKey === undefined ? false : bucketKey,
    };
  }
  return undefined;
}

/**
 * The default encryption `bucket` gets: from a linked encryption companion, else from the inline
 * `serverSideEncryptionConfiguration`; undefined when none is configured (S3 then applies SSE-S3). Worked out once
 * per stack and bucket.
 */
export function bucketEncryption(graph: StackGraph, bucket: PolicyResource): BucketEncryption | Undecided | undefined {
  return graph.onceFor(bucket, defaultEncryption);
}

function defaultEncryption(graph: StackGraph, bucket: PolicyResource): BucketEncryption | Undecided | undefined {
  const companions = bucketCompanions(graph, bucket, ENCRYPTION_TYPES);
  const companion = companions[companions.length - 1];
  if (companion) return encryptionFromRules(rawProps(companion.props)['rules'], companion, 'rules');
  // A configuration whose bucket is unknown and unlinked may be this bucket's: its encryption waits for apply.
  if (openBucketCompanions(graph, bucket, ENCRYPTION_TYPES).length > 0) return UNDECIDED;
  const inline = blockValue(rawProps(bucket.props)['serverSideEncryptionConfiguration']);
  if (inline === UNDECIDED) return UNDECIDED;
  if (!inline) return undefined;
  return encryptionFromRules(inline['rule'] ?? inline['rules'], bucket, 'serverSideEncryptionConfiguration');
}

/**
 * The bucket's Object Ownership: from a linked BucketOwnershipControls, else `BucketOwnerEnforced`, the default for
 * every new bucket since April 2023 (ACLs disabled); UNDECIDED while controls that may be the bucket's are unlinked.
 */
export function objectOwnership(graph: StackGraph, bucket: PolicyResource): { readonly value: string | Undecided; readonly holder?: PolicyResource } {
  const controls = bucketCompanions(graph, bucket, [OWNERSHIP_CONTROLS_TYPE]);
  const holder = controls[controls.length - 1];
  const open = openBucketCompanions(graph, bucket, [OWNERSHIP_CONTROLS_TYPE]);
  // Controls whose bucket is unknown and unlinked may be this bucket's: its ownership waits for apply.
  if (!holder && open.length > 0) return { value: UNDECIDED, holder: open[open.length - 1] };
  if (!holder) return { value: 'BucketOwnerEnforced' };
  const rule = blockValue(rawProps(holder.props)['rule']);
  if (rule === UNDECIDED) return { value: UNDECIDED, holder };
  const value = stringValue(rule?.['objectOwnership']);
  return { value: value ?? 'BucketOwnerEnforced', holder };
}

/** The stack's server access logging configurations: source bucket, target bucket value, prefix, holder. */
export interface AccessLogging {
  readonly holder: PolicyResource;
  readonly sources: readonly PolicyResource[];
  readonly targets: readonly PolicyResource[];
  readonly targetValue: unknown;
  readonly targetPrefix: string | Undecided | undefined;
  /**
   * Set when the configuration itself is unknown until apply (a bucket's whole `logging`/`loggings` value, or one of
   * its blocks): whether the bucket logs at all, and where to, waits for apply, so a rule cannot count it in or out.
   */
  readonly unknownConfiguration?: UnknownLogging;
}

/** An inline logging configuration unknown until apply: the property, the buckets it may deliver into, and why. */
export interface UnknownLogging {
  readonly property: string;
  readonly candidates: readonly PolicyResource[];
  readonly reason: string;
}

/** Every server access logging configuration of the stack (BucketLogging companions and inline `logging`). */
export function accessLoggings(graph: StackGraph): AccessLogging[] {
  const found: AccessLogging[] = [];
  for (const holder of graph.ofType(LOGGING_TYPES)) {
    const props = rawProps(holder.props);
    found.push({
      holder,
      sources: bucketsNamedBy(graph, holder, 'bucket'),
      targets: bucketsNamedBy(graph, holder, 'targetBucket'),
      targetValue: props['targetBucket'],
      targetPrefix: stringValue(props['targetPrefix']),
    });
  }
  for (const bucket of graph.ofType(BUCKET_TYPES)) {
    const property = bucket.type === 'aws:s3/bucketV2:BucketV2' ? 'loggings' : 'logging';
    const value = rawProps(bucket.props)[property];
    const list = listValue(value);
    if (list === UNDECIDED) {
      found.push(unknownLogging(graph, bucket, property, value));
      continue;
    }
    const blocks = list.length > 0 ? list : [value].filter((block) => block && typeof block === 'object');
    for (const block of blocks) {
      const record = blockValue(block);
      if (record === UNDECIDED) found.push(unknownLogging(graph, bucket, property, block));
      if (!record || record === UNDECIDED) continue;
      found.push({
        holder: bucket,
        sources: [bucket],
        targets: bucketsNamedBy(graph, bucket, property, record['targetBucket']),
        targetValue: record['targetBucket'],
        targetPrefix: stringValue(record['targetPrefix']),
      });
    }
  }
  return found;
}

/**
 * An inline logging value of `bucket` that is unknown until apply (the whole list or one block). Skipping it would
 * let a rule built on {@link accessLoggings} pass silently in a first preview; instead it carries the buckets it may
 * deliver into: those its property dependencies link, else every bucket of the stack (as for an unlinked target).
 */
function unknownLogging(graph: StackGraph, bucket: PolicyResource, property: string, value: unknown): AccessLogging {
  const open = graph.openReference(bucket, property, BUCKET_TYPES, 'bucket', value);
  const linked = open ? [] : bucketsNamedBy(graph, bucket, property, value);
  const reason = open ? open.reason : `its dependencies link it to ${linked.map((target) => target.name).join(', ')}`;
  return {
    holder: bucket,
    sources: [bucket],
    targets: [],
    targetValue: value,
    targetPrefix: UNDECIDED,
    unknownConfiguration: { property, candidates: open ? open.candidates : linked, reason },
  };
}
