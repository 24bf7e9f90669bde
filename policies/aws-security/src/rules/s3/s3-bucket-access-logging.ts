/**
 * Every bucket that is not itself a log target writes server access logs to a *different* bucket, through a
 * BucketLogging resource (either token family) or the legacy inline `logging` / `loggings` input. Access logs
 * are the record of who read or changed what; a bucket logging to itself loops and mixes logs with data.
 */
import type { PolicyResource } from '@pulumi/policy';
import { identifiersOf, refersTo, resourcesOfType } from '../../lib/links';
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
  /** The property that names the target, as the engine records its dependencies. */
  readonly property: string;
  /** The target bucket's name as given (a string, UNKNOWN, or undefined when unset). */
  readonly target: string | typeof UNKNOWN | undefined;
  /** The path to the target in messages. */
  readonly where: string;
}

function targetText(value: unknown): string | typeof UNKNOWN | undefined {
  if (isUnknown(value)) return UNKNOWN;
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** True when the destination's target is `bucket`: a recorded dependency, or the bucket's known name or ARN. */
function targets(destination: LogDestination, bucket: PolicyResource): boolean {
  const dependencies = destination.holder.propertyDependencies?.[destination.property] ?? [];
  // Inline blocks record dependencies on the whole block, which holds nothing else that names a bucket.
  if (dependencies.some((dependency) => dependency.urn === bucket.urn)) return true;
  if (typeof destination.target !== 'string') return false;
  const identifiers = identifiersOf(bucket, BUCKET_IDENTIFIER_PROPERTIES);
  const lastSegment = destination.target.split(/[:/]/).pop();
  return identifiers.has(destination.target) || (lastSegment !== undefined && identifiers.has(lastSegment));
}

/** Every logging configuration of the stack whose source bucket is known. */
function destinations(resources: readonly PolicyResource[]): { linked: LogDestination[]; unlinkedCompanions: readonly PolicyResource[] } {
  const buckets = resourcesOfType(resources, BUCKET_TYPES);
  const linked: LogDestination[] = [];
  for (const bucket of buckets) {
    const props = rawProps(bucket.props);
    const property = bucket.type === 'aws:s3/bucketV2:BucketV2' ? 'loggings' : 'logging';
    const block = blockValue(props[property]);
    if (block === undefined) continue;
    const target = block === UNKNOWN ? UNKNOWN : targetText(block['targetBucket']);
    linked.push({ source: bucket, holder: bucket, property, target, where: `${property}.targetBucket` });
  }
  const companions = resourcesOfType(resources, LOGGING_TYPES);
  for (const companion of companions) {
    const source = buckets.find((bucket) => refersTo(companion, 'bucket', bucket, identifiersOf(bucket, BUCKET_IDENTIFIER_PROPERTIES)));
    if (!source) continue;
    const target = targetText(rawProps(companion.props)['targetBucket']);
    linked.push({ source: source, holder: companion, property: 'targetBucket', target, where: `BucketLogging ${companion.name} \`targetBucket\`` });
  }
  return { linked, unlinkedCompanions: bucketCompanions(resources, LOGGING_TYPES).unlinked };
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
    const buckets = resourcesOfType(args.resources, BUCKET_TYPES);
    const { linked, unlinkedCompanions } = destinations(args.resources);
    const isLogTarget = (bucket: PolicyResource) =>
      linked.some((destination) => destination.source !== bucket && targets(destination, bucket)) ||
      // A companion with an unknown source can still name its target through a dependency.
      unlinkedCompanions.some((companion) => (companion.propertyDependencies?.['targetBucket'] ?? []).some((dependency) => dependency.urn === bucket.urn));
    const uncovered: { bucket: PolicyResource; message: string }[] = [];
    for (const bucket of buckets) {
      const own = linked.filter((destination) => destination.source === bucket);
      const selfLogging = own.filter((destination) => targets(destination, bucket));
      for (const destination of selfLogging) {
        report(
          `Bucket ${bucket.name} logs to itself (${destination.where}): send its access logs to a separate log bucket.`,
          destination.holder.urn,
        );
      }
      if (own.length > selfLogging.length || selfLogging.length > 0) continue;
      if (isLogTarget(bucket)) continue;
      uncovered.push({
        bucket,
        message:
          `Bucket ${bucket.name} has no server access logging: add an aws.s3.BucketLogging with \`bucket\` set to it ` +
          'and `targetBucket` set to a separate log bucket.',
      });
    }
    reportUncoveredBuckets(report, uncovered, unlinkedCompanions, 'BucketLogging');
  },
});
