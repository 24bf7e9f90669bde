/**
 * A trail delivering into a bucket of the stack: the bucket policy must let cloudtrail.amazonaws.com call
 * `s3:GetBucketAcl` on the bucket and `s3:PutObject` on `<bucket>/[prefix/]AWSLogs/<account>/*` with the
 * `bucket-owner-full-control` ACL, as the CloudTrail guide's bucket-policy page shows. CreateTrail checks it and
 * fails with InsufficientS3BucketPolicyException. Requests carry `aws:SourceArn` (the trail's ARN) and
 * `aws:SourceAccount`, so a policy restricted to this trail passes and one restricted to another does not.
 */
import { rawProps, stackRule, stringValue, UNDECIDED } from '@bulwark/policy-kit';
import { partitionOfRegion, regionOf } from '../../lib/aws-location';
import { describeRequests, logDeliveryVerdict } from '../../lib/bucket-access';
import { bucketsNamedBy, BUCKET_TYPES } from '../../lib/buckets';
import { AWS_DOCS } from '../../lib/references';
import { stackAccount } from '../../lib/stack-account';
import { StackGraph } from '../../lib/stack-graph';

const TRAIL = 'aws:cloudtrail/trail:Trail';

export const cloudtrailBucketPolicy = stackRule({
  metadata: {
    id: 'cloudtrail-bucket-policy',
    title: "A trail's bucket policy lets CloudTrail check the ACL and write its logs",
    description:
      'The bucket a trail writes to must allow cloudtrail.amazonaws.com s3:GetBucketAcl on the bucket and s3:PutObject ' +
      'on <bucket>/[prefix/]AWSLogs/<account>/* with s3:x-amz-acl bucket-owner-full-control (conditions on aws:SourceArn ' +
      'must name this trail). Otherwise CreateTrail fails with InsufficientS3BucketPolicyException.',
    severity: 'high',
    enforcementLevel: 'mandatory',
    service: 'cloudtrail',
    controls: {},
    resourceTypes: [TRAIL, 'aws:s3/bucketPolicy:BucketPolicy'],
    remediation: 'Add the AWSCloudTrailAclCheck and AWSCloudTrailWrite statements of the CloudTrail guide to the bucket policy, scoped with aws:SourceArn to the trail.',
    decisions: [
      'An `s3BucketName` unknown until apply that no dependency ties to one bucket of the stack is reported undecided; the ' +
        'update run, where the name is known, links the bucket and judges its policy.',
      'A known name of a bucket the stack does not create (another stack\'s log archive) is not judged: its policy is not in ' +
        'the program.',
      'A BucketPolicy whose bucket is unknown and unlinked may be the trail bucket\'s: the verdict is then undecided.',
    ],
    references: [AWS_DOCS.cloudTrailBucketPolicy],
  },
  check: ({ args, report, undecided }) => {
    const graph = new StackGraph(args.resources);
    const account = stackAccount(graph);
    for (const trail of graph.ofType([TRAIL])) {
      const props = rawProps(trail.props);
      const buckets = bucketsNamedBy(graph, trail, 's3BucketName');
      const openBucket = graph.openReference(trail, 's3BucketName', BUCKET_TYPES, 'bucket');
      if (openBucket) undecided('s3BucketName', `${openBucket.reason}, so whether its policy lets CloudTrail write is not checked`, trail.urn);
      // A known name of a bucket the stack does not create: its policy is not in this program (see decisions).
      if (buckets.length === 0) continue;
      const name = stringValue(props['name']);
      const prefix = stringValue(props['s3KeyPrefix']);
      const region = regionOf(trail);
      if (typeof name !== 'string' || typeof region !== 'string' || prefix === UNDECIDED || account === undefined) {
        undecided('s3BucketName', "the trail's name, region, prefix or account is not known, so CloudTrail's requests cannot be built", trail.urn);
        continue;
      }
      const partition = partitionOfRegion(region);
      const trailArn = `arn:${partition}:cloudtrail:${region}:${account}:trail/${name}`;
      for (const bucket of buckets) {
        const verdict = logDeliveryVerdict(graph, bucket, partition, {
          service: 'cloudtrail.amazonaws.com',
          prefix,
          key: `AWSLogs/${account}/CloudTrail/${region}/2026/01/01/${account}_CloudTrail_${region}_example.json.gz`,
          context: { 'aws:SourceArn': trailArn, 'aws:SourceAccount': account },
        });
        if (verdict && 'refused' in verdict) {
          report(
            `Trail ${trail.name} writes to bucket ${bucket.name}, whose bucket policy refuses ${describeRequests(verdict.refused)}: CreateTrail fails with ` +
              'InsufficientS3BucketPolicyException. Add the CloudTrail statements of the CloudTrail guide.',
            trail.urn,
          );
        } else if (verdict) undecided('s3BucketName', verdict.undecided, trail.urn);
      }
    }
  },
});
