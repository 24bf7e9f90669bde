/**
 * Every bucket has a BucketPublicAccessBlock with all four flags true, and no public access block turns any
 * flag off. Account-level blocks can be changed by anyone with account access; a per-bucket block keeps a bucket
 * private even if a later policy or ACL tries to expose it.
 */
import { boolValue, rawProps, resourcesOfType, stackRule, UNDECIDED } from '@bulwark/policy-kit';
import { BUCKET_TYPES, bucketCompanions, reportUncoveredBuckets } from './bucket-companions';

const PUBLIC_ACCESS_BLOCK_TYPE = 'aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock';

/** The four settings that together block every form of public access. */
export const PUBLIC_ACCESS_BLOCK_FLAGS = ['blockPublicAcls', 'blockPublicPolicy', 'ignorePublicAcls', 'restrictPublicBuckets'] as const;

/** The flags of a public access block that are known not to be true (absent means false to AWS). */
export function flagsNotTrue(props: Record<string, unknown>): string[] {
  return PUBLIC_ACCESS_BLOCK_FLAGS.filter((flag) => {
    const value = boolValue(props[flag]);
    return value !== true && value !== UNDECIDED;
  });
}

/** The flags of a public access block whose value is unknown in this mode. */
export function flagsUnknown(props: Record<string, unknown>): string[] {
  return PUBLIC_ACCESS_BLOCK_FLAGS.filter((flag) => boolValue(props[flag]) === UNDECIDED);
}

/** The decisions both public access block rules share. */
export const PUBLIC_ACCESS_BLOCK_DECISIONS: readonly string[] = [
  'An absent flag is false to AWS, so it violates like an explicit false. String spellings "true"/"false" are read as booleans.',
  'Unknown values (first preview): a flag whose value is unknown is reported undecided, unless another flag of the same ' +
    'block is decidedly not true, which is the block\'s verdict.',
];

export const s3BucketPublicAccessBlock = stackRule({
  metadata: {
    id: 's3-bucket-public-access-block',
    title: 'S3 buckets block all public access',
    description:
      'Every S3 bucket must have a BucketPublicAccessBlock with blockPublicAcls, blockPublicPolicy, ignorePublicAcls ' +
      'and restrictPublicBuckets all true, and a public access block with any of them false is itself a violation. ' +
      'The block is the guard rail that keeps a bucket private when a policy or ACL later tries to expose it.',
    severity: 'high',
    enforcementLevel: 'mandatory',
    service: 's3',
    controls: { fsbp: ['S3.8'], cis: ['2.1.4'] },
    resourceTypes: [...BUCKET_TYPES, PUBLIC_ACCESS_BLOCK_TYPE],
    remediation:
      'Add an aws.s3.BucketPublicAccessBlock for each bucket with `bucket: bucket.id` and blockPublicAcls, ' +
      'blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets all set to true.',
    decisions: [
      ...PUBLIC_ACCESS_BLOCK_DECISIONS,
      'A block covers the bucket its `bucket` refers to through a property dependency, or by the bucket\'s known name or ' +
        'ARN. A block whose `bucket` is unknown with no dependency (another stack\'s output) may cover any bucket: buckets ' +
        'without a linked block are then not blamed one by one; one stack-wide violation is reported when more buckets lack ' +
        'a block than there are such blocks, and otherwise each such block is reported undecided on its `bucket`.',
    ],
  },
  check: ({ args, report, undecided }) => {
    for (const block of resourcesOfType(args.resources, [PUBLIC_ACCESS_BLOCK_TYPE])) {
      const props = rawProps(block.props);
      const off = flagsNotTrue(props);
      if (off.length > 0) {
        report(
          `BucketPublicAccessBlock ${block.name} does not set ${off.map((flag) => `\`${flag}\``).join(', ')} to true ` +
            '(unset means false): set all four flags to true.',
          block.urn,
        );
      } else {
        for (const flag of flagsUnknown(props)) undecided(flag, 'its value decides whether the bucket blocks public access', block.urn);
      }
    }
    const blocks = bucketCompanions(args.resources, [PUBLIC_ACCESS_BLOCK_TYPE]);
    const uncovered = resourcesOfType(args.resources, BUCKET_TYPES)
      .filter((bucket) => blocks.linkedTo(bucket).length === 0)
      .map((bucket) => ({
        target: bucket,
        message:
          `Bucket ${bucket.name} has no BucketPublicAccessBlock: add one with \`bucket\` set to this bucket ` +
          'and all four flags (blockPublicAcls, blockPublicPolicy, ignorePublicAcls, restrictPublicBuckets) true.',
      }));
    reportUncoveredBuckets(report, uncovered, blocks.unlinked, 'BucketPublicAccessBlock', undecided);
  },
});
