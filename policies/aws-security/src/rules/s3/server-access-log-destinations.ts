/**
 * Where each bucket's S3 server access logs go, read from the two ways pulumi-aws configures them (a BucketLogging
 * resource of either token family, or the legacy inline `logging` / `loggings` input), and so which buckets of the
 * stack are server access log targets. Not a rule itself: `s3-bucket-access-logging` judges the destinations and
 * `s3-bucket-kms-encryption` holds log targets to SSE-S3, the only default encryption S3 log delivery supports.
 */
import type { PolicyResource } from '@pulumi/policy';
import { blockValue, identifierLookup, isUnknown, rawProps, resourcesOfType, UNDECIDED } from '@bulwark/policy-kit';
import { BUCKET_IDENTIFIER_PROPERTIES, BUCKET_TYPES, bucketCompanions } from './bucket-companions';

export const LOGGING_TYPES = ['aws:s3/bucketLogging:BucketLogging', 'aws:s3/bucketLoggingV2:BucketLoggingV2'];

/** Where one bucket's logs go, whichever way it is configured. */
export interface LogDestination {
  /** The bucket whose logs these are. */
  readonly source: PolicyResource;
  /** The resource holding the configuration (a BucketLogging, or the bucket for inline settings). */
  readonly holder: PolicyResource;
  /** The URNs of the buckets the logs go to, as far as known values and recorded dependencies tell. */
  readonly targets: ReadonlySet<string>;
  /** The path to the target in messages. */
  readonly where: string;
}

function targetText(value: unknown): string | typeof UNDECIDED | undefined {
  if (isUnknown(value)) return UNDECIDED;
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** The buckets of the stack a logging configuration writes to, indexed once for every configuration. */
function logTargetResolver(buckets: readonly PolicyResource[]) {
  const named = identifierLookup(buckets, BUCKET_IDENTIFIER_PROPERTIES);
  /**
   * The URNs `holder`'s `property` targets: a recorded dependency, or the bucket's known name or ARN. Inline
   * blocks record dependencies on the whole block, which holds nothing else that names a bucket.
   */
  return (holder: PolicyResource, property: string, target: string | typeof UNDECIDED | undefined): Set<string> => {
    const urns = new Set((holder.propertyDependencies?.[property] ?? []).map((dependency) => dependency.urn));
    if (typeof target === 'string') named(target).forEach((bucket) => urns.add(bucket.urn));
    return urns;
  };
}

/** The logging configurations of a stack: those tied to their source bucket, and BucketLoggings tied to none. */
export interface LogDestinations {
  readonly linked: readonly LogDestination[];
  readonly unlinkedCompanions: readonly PolicyResource[];
}

/** Every logging configuration of the stack whose source bucket is known. */
export function logDestinations(resources: readonly PolicyResource[]): LogDestinations {
  const buckets = resourcesOfType(resources, BUCKET_TYPES);
  const targetsOf = logTargetResolver(buckets);
  const linked: LogDestination[] = [];
  for (const bucket of buckets) {
    const props = rawProps(bucket.props);
    const property = bucket.type === 'aws:s3/bucketV2:BucketV2' ? 'loggings' : 'logging';
    const block = blockValue(props[property]);
    if (block === undefined) continue;
    const target = block === UNDECIDED ? UNDECIDED : targetText(block['targetBucket']);
    linked.push({ source: bucket, holder: bucket, targets: targetsOf(bucket, property, target), where: `${property}.targetBucket` });
  }
  const companions = bucketCompanions(resources, LOGGING_TYPES);
  for (const companion of resourcesOfType(resources, LOGGING_TYPES)) {
    const [source] = companions.targetsOf(companion);
    if (!source) continue;
    const target = targetText(rawProps(companion.props)['targetBucket']);
    linked.push({
      source,
      holder: companion,
      targets: targetsOf(companion, 'targetBucket', target),
      where: `BucketLogging ${companion.name} \`targetBucket\``,
    });
  }
  return { linked, unlinkedCompanions: companions.unlinked };
}

/**
 * The URNs of the buckets that receive another bucket's server access logs, from the stack's {@link logDestinations}
 * (passed in so a rule that also judges the destinations computes them once): every known target of a logging
 * configuration (a bucket logging to itself does not make itself a target), and the dependency of a BucketLogging
 * whose source bucket is unknown.
 */
export function serverAccessLogTargets({ linked, unlinkedCompanions }: LogDestinations): Set<string> {
  const targets = new Set<string>();
  for (const destination of linked) {
    for (const urn of destination.targets) if (urn !== destination.source.urn) targets.add(urn);
  }
  for (const companion of unlinkedCompanions) {
    for (const dependency of companion.propertyDependencies?.['targetBucket'] ?? []) targets.add(dependency.urn);
  }
  return targets;
}
