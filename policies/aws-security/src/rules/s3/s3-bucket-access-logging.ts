/**
 * Every bucket that is not itself a log target writes server access logs to a *different* bucket, through a
 * BucketLogging resource (either token family) or the legacy inline `logging` / `loggings` input. Access logs
 * are the record of who read or changed what; a bucket logging to itself loops and mixes logs with data.
 */
import { resourcesOfType, stackRule, type UncoveredTarget } from '@bulwark/policy-kit';
import { BUCKET_TYPES, reportUncoveredBuckets } from './bucket-companions';
import { logDestinations, LOGGING_TYPES, serverAccessLogTargets, type LogDestination } from './server-access-log-destinations';

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
    decisions: [
      'A bucket is a log target (and exempt) when another bucket\'s BucketLogging or inline `logging` names it in ' +
        '`targetBucket`, through a property dependency or its known name or ARN. A bucket logging only to itself violates.',
      'Unknown values (first preview): a `targetBucket` that is unknown with no dependency on this bucket is not this ' +
        'bucket (a value computed from a bucket carries a dependency on it), so the bucket logs elsewhere: decided. A ' +
        'BucketLogging whose `bucket` cannot be tied to any bucket may cover any of them: buckets without logging are then ' +
        'reported once stack-wide when they outnumber such companions, and otherwise each such companion is reported ' +
        'undecided on its `bucket`.',
    ],
    references: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html'],
  },
  check: ({ args, report, undecided }) => {
    const destinations = logDestinations(args.resources);
    const { linked, unlinkedCompanions } = destinations;
    const logTargets = serverAccessLogTargets(destinations);
    const bySource = new Map<string, LogDestination[]>();
    for (const destination of linked) {
      bySource.set(destination.source.urn, [...(bySource.get(destination.source.urn) ?? []), destination]);
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
    reportUncoveredBuckets(report, uncovered, unlinkedCompanions, 'BucketLogging', undecided);
  },
});
