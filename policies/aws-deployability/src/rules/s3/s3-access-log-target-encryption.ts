/**
 * S3 server access logs are delivered only into a target bucket whose default encryption is SSE-S3: the "Enabling
 * Amazon S3 server access logging" page says the destination bucket may use default encryption only with SSE-S3
 * (AES256); SSE-KMS (and DSSE-KMS) is not supported. Logging into an SSE-KMS bucket deploys and then delivers
 * nothing: a dead control.
 */
import type { PolicyResource } from '@pulumi/policy';
import { stackRule } from '@bulwark/policy-kit';
import { accessLoggings, BUCKET_TYPES, bucketEncryption, ENCRYPTION_TYPES, LOGGING_TYPES } from '../../lib/buckets';
import { AWS_DOCS } from '../../lib/references';
import { StackGraph } from '../../lib/stack-graph';
import { UNDECIDED } from '@bulwark/policy-kit';

export const s3AccessLogTargetEncryption = stackRule({
  metadata: {
    id: 's3-access-log-target-encryption',
    title: 'Server access log target buckets use SSE-S3',
    description:
      'A bucket that receives S3 server access logs (a `targetBucket` of a BucketLogging or inline logging block) must use ' +
      'SSE-S3 (AES256) default encryption: S3 does not deliver server access logs into SSE-KMS or DSSE-KMS buckets, so the ' +
      'logging deploys and no log ever arrives.',
    severity: 'high',
    enforcementLevel: 'mandatory',
    service: 's3',
    controls: {},
    resourceTypes: [...BUCKET_TYPES, ...LOGGING_TYPES, ...ENCRYPTION_TYPES],
    remediation: 'Give the log target bucket `sseAlgorithm: "AES256"` default encryption (core\'s LogsBucket does), and keep SSE-KMS for every other bucket.',
    decisions: [
      'A `targetBucket` unknown until apply that no dependency ties to one bucket of the stack is judged against every ' +
        'bucket it may be: it passes if each uses SSE-S3 (or no default encryption), and is reported undecided otherwise.',
      'An inline `logging` (Bucket) or `loggings` (BucketV2) value unknown until apply, whole or one block, is judged ' +
        'against the buckets its dependencies link, else every bucket of the stack: it passes if each uses SSE-S3 (or no ' +
        'default encryption), and is reported undecided otherwise.',
      'A known name of a bucket the stack does not create is not judged: its encryption is not in the program.',
    ],
    references: [AWS_DOCS.s3AccessLogging],
  },
  check: ({ args, report, undecided }) => {
    const graph = new StackGraph(args.resources);
    const seen = new Set<string>();
    for (const logging of accessLoggings(graph)) {
      const unknown = logging.unknownConfiguration;
      if (unknown) {
        // Whether the bucket logs, and where to, waits for apply: decided only if every bucket it may be uses SSE-S3.
        const notSseS3 = notUsingSseS3(graph, unknown.candidates);
        if (notSseS3.length > 0) {
          undecided(
            unknown.property,
            `the server access logging of ${logging.holder.name} is not known in this mode and ${unknown.reason}; it may deliver into ` +
              `${notSseS3.map((bucket) => bucket.name).join(', ')}, which S3 does not deliver server access logs into unless it uses SSE-S3`,
            logging.holder.urn,
          );
        }
        continue;
      }
      // A target the rule cannot link: decided only if every bucket it may be uses SSE-S3.
      const property = logging.holder.type.startsWith('aws:s3/bucketLogging') ? 'targetBucket' : logging.holder.type === 'aws:s3/bucketV2:BucketV2' ? 'loggings' : 'logging';
      const open = graph.openReference(logging.holder, property, BUCKET_TYPES, 'bucket', logging.targetValue);
      const notSseS3 = notUsingSseS3(graph, open?.candidates ?? []);
      if (open && notSseS3.length > 0) {
        undecided(property === 'targetBucket' ? property : `${property}.targetBucket`, `${open.reason}; it may be ${notSseS3.map((bucket) => bucket.name).join(', ')}, which S3 does not deliver server access logs into unless it uses SSE-S3`, logging.holder.urn);
      }
      for (const target of logging.targets) {
        if (seen.has(target.urn)) continue;
        seen.add(target.urn);
        const encryption = bucketEncryption(graph, target);
        if (encryption === UNDECIDED || encryption?.algorithm === UNDECIDED) {
          undecided('rules', `the encryption of ${target.name}, a server access log target, is not known in this mode`, target.urn);
        } else if (encryption && encryption.algorithm !== 'AES256') {
          report(
            `Bucket ${target.name} receives S3 server access logs (from ${logging.sources.map((source) => source.name).join(', ') || logging.holder.name}) ` +
              `but its default encryption is ${encryption.algorithm} (${encryption.holder.name}): S3 delivers server access logs only into SSE-S3 ` +
              'buckets, so none will arrive. Use sseAlgorithm "AES256" for this bucket.',
            encryption.holder.urn,
          );
        }
      }
    }
  },
});

/** The buckets of `buckets` whose default encryption is not SSE-S3 (or is not known): S3 may not deliver into them. */
function notUsingSseS3(graph: StackGraph, buckets: readonly PolicyResource[]): PolicyResource[] {
  return buckets.filter((bucket) => {
    const encryption = bucketEncryption(graph, bucket);
    return encryption === UNDECIDED || (encryption !== undefined && encryption.algorithm !== 'AES256');
  });
}
