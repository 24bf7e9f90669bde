/**
 * Every bucket that is not itself a log target writes server access logs to a *different* bucket, through a
 * BucketLogging resource (either token family) or the legacy inline `logging` / `loggings` input. Access logs
 * are the record of who read or changed what; a bucket logging to itself loops and mixes logs with data.
 */
import type { PolicyResource } from '@pulumi/policy';
import { identifierLookup, resourcesOfType, type UncoveredTarget } from '../../lib/links';
import { blockValue, isUnknown, rawProps, UNKNOWN } from '../../lib/values';
import { stackRule } from '../../rule';
import { BUCKET_IDENTIFIER_PROPERTIES, BUCKET_TYPES, bucketCompanions, reportUncoveredBuckets } from './bucket-companions';

const LOGGING_TYPES = ['aws:s3/bucketLogging:BucketLogging', 'aws:s3/bucketLoggingV2:BucketLoggingV2'];

/** Where one bucket's logs go, whichever way it is configured. */
interface LogDestination {
  /** The bucket whose logs these are. */
  readonly source: PolicyResource;
  /** The resource holding the configuration (a BucketLogging, or the bucket for inline settings). */
  readonly holder: PolicyResource;
  /** The URNs of the buckets the logs go to, as far as known values and recorded dependencies tell. */
  readonly targets: ReadonlySet<string>;
  /** The path to the target in messages. */
  readonly where: string;
}

function targetText(value: unknown): string | typeof UNKNOWN | undefined {
  if (isUnknown(value)) return UNKNOWN;
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** The buckets of the stack a logging configuration writes to, indexed once for every configuration. */
function logTargetResolver(buckets: readonly PolicyResource[]) {
  const named = identifierLookup(buckets, BUCKET_IDENTIFIER_PROPERTIES);
  /**
   * The URNs `holder`'s `property` targets: a recorded dependency, or the bucket's known name or ARN. Inline
   * blocks record dependencies on the whole block, which holds nothing else that names a bucket.
   */
  return (holder: PolicyResource, property: string, target: string | typeof UNKNOWN | undefined): Set<string> => {
    const urns = new Set((holder.propertyDependencies?.[property] ?? []).map((dependency) => dependency.urn));
    if (typeof target === 'string') named(target).forEach((bucket) => urns.add(bucket.urn));
    return urns;
  };
}

/** Every logging configuration of the stack whose source bucket is known. */
function destinations(resources: readonly PolicyResource[]): { linked: LogDestination[]; unlinkedCompanions: readonly PolicyResource[] } {
  const buckets = resourcesOfType(resources, BUCKET_TYPES);
  const targetsOf = logTargetResolver(buckets);
  const linked: LogDestination[] = [];
  for (const bucket of buckets) {
    const props = rawProps(bucket.props);
    const property = bucket.type === 'aws:s3/bucketV2:BucketV2' ? 'loggings' : 'logging';
    const block = blockValue(props[property]);
    if (block === undefined) continue;
    const target = block === UNKNOWN ? UNKNOWN : targetText(block['targetBucket']);
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

export const s3BucketAccessLogging = stackRule({
  metadata: {
    id: 's3-bucket-access-logging',
    title: 'S3 buckets log access to another bucket',
    description:
      'Every S3 bucket that is not itself a log target (the target of another bucket\'s logging) must write server ' +
      'access logs to a different bucket, through a BucketLogging resource or the legacy inline logging input. ' +
      'Logging to itself is a violation: it loops and mixes logs with the data they audit.',
    severity: 'medium',
    enforcementLevel: 'mandatory',
    service: 's3',
    controls: { fsbp: ['S3.9'] },
    resourceTypes: [...BUCKET_TYPES, ...LOGGING_TYPES],
    remediation:
      'Create (or reuse) a dedicated log bucket and add an aws.s3.BucketLogging with `bucket: bucket.id`, ' +
      '`targetBucket: logBucket.id` and a `targetPrefix` for each bucket.',
  },
  check: ({ args, report }) => {
    const { linked, unlinkedCompanions } = destinations(args.resources);
    const logTargets = new Set<string>();
    const bySource = new Map<string, LogDestination[]>();
    for (const destination of linked) {
      for (const urn of destination.targets) if (urn !== destination.source.urn) logTargets.add(urn);
      bySource.set(destination.source.urn, [...(bySource.get(destination.source.urn) ?? []), destination]);
    }
    // A companion with an unknown source can still name its target through a dependency.
    for (const companion of unlinkedCompanions) {
      for (const dependency of companion.propertyDependencies?.['targetBucket'] ?? []) logTargets.add(dependency.urn);
    }
    const uncovered: UncoveredTarget[] = [];
    for (const bucket of resourcesOfType(args.resources, BUCKET_TYPES)) {
      const own = bySource.get(bucket.urn) ?? [];
      const selfLogging = own.filter((destination) => destination.targets.has(bucket.urn));
      for (const destination of selfLogging) {
        report(
          `Bucket ${bucket.name} logs to itself (${destination.where}): send its access logs to a separate log bucket.`,
          destination.holder.urn,
        );
      }
      if (own.length > 0 || logTargets.has(bucket.urn)) continue;
      uncovered.push({
        target: bucket,
        message:
          `Bucket ${bucket.name} has no server access logging: add an aws.s3.BucketLogging with \`bucket\` set to it ` +
          'and `targetBucket` set to a separate log bucket.',
      });
    }
    reportUncoveredBuckets(report, uncovered, unlinkedCompanions, 'BucketLogging');
  },
});
