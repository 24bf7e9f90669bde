/**
 * CloudFront standard logging (legacy) writes log files through S3 ACLs: the log bucket must have ACLs enabled, and
 * "don't choose an Amazon S3 bucket with S3 Object Ownership set to bucket owner enforced. That setting disables ACLs
 * for the bucket and the objects in it, which prevents CloudFront from delivering log files" (the CloudFront guide).
 * Every bucket created since April 2023 is BucketOwnerEnforced unless a BucketOwnershipControls says otherwise.
 */
import { blockValue, rawProps, stackRule, stringValue, UNDECIDED } from '@bulwark/policy-kit';
import { BUCKET_IDENTIFIERS, BUCKET_TYPES, objectOwnership, OWNERSHIP_CONTROLS_TYPE } from '../../lib/buckets';
import { AWS_DOCS } from '../../lib/references';
import { StackGraph } from '../../lib/stack-graph';

const DISTRIBUTION = 'aws:cloudfront/distribution:Distribution';

export const cloudfrontLogBucketAcl = stackRule({
  metadata: {
    id: 'cloudfront-log-bucket-acl',
    title: 'CloudFront standard (legacy) logs go to a bucket with ACLs enabled',
    description:
      'A distribution\'s loggingConfig.bucket must be a bucket whose Object Ownership is not BucketOwnerEnforced (the default ' +
      'for new buckets): CloudFront legacy logging delivers through ACLs and delivers nothing to a bucket with ACLs disabled.',
    severity: 'high',
    enforcementLevel: 'mandatory',
    service: 'cloudfront',
    controls: {},
    resourceTypes: [DISTRIBUTION, ...BUCKET_TYPES, OWNERSHIP_CONTROLS_TYPE],
    remediation: 'Use CloudFront standard logging v2 (aws.cloudwatch.LogDeliverySource/Destination/Delivery), or give the log bucket a BucketOwnershipControls with objectOwnership "BucketOwnerPreferred".',
    decisions: [
      'A `loggingConfig.bucket` unknown until apply that no dependency ties to one bucket of the stack is judged against ' +
        'every bucket it may be: it passes if each has ACLs enabled, and is reported undecided otherwise.',
      'A known domain of a bucket the stack does not create is not judged: its Object Ownership is not in the program.',
    ],
    references: [AWS_DOCS.cloudFrontStandardLogging, AWS_DOCS.s3ObjectOwnership],
  },
  check: ({ args, report, undecided }) => {
    const graph = new StackGraph(args.resources);
    for (const distribution of graph.ofType([DISTRIBUTION])) {
      const logging = blockValue(rawProps(distribution.props)['loggingConfig']);
      if (logging === UNDECIDED) {
        undecided('loggingConfig', 'the log bucket must have ACLs enabled', distribution.urn);
        continue;
      }
      const value = logging?.['bucket'];
      const domain = stringValue(value);
      if (domain === undefined) continue;
      // loggingConfig.bucket is the bucket's domain name (<bucket>.s3.amazonaws.com).
      const name = typeof domain === 'string' ? domain.replace(/\.s3(\.[a-z0-9-]+)?\.amazonaws\.com(\.cn)?$/, '') : domain;
      const buckets = graph.refersTo(distribution, 'loggingConfig', BUCKET_TYPES, [...BUCKET_IDENTIFIERS, 'bucketDomainName'], name);
      // A bucket the rule cannot link: decided only if every bucket it may be has ACLs enabled.
      const open = graph.openReference(distribution, 'loggingConfig', BUCKET_TYPES, 'bucket', value);
      const aclsOff = (open?.candidates ?? []).filter((bucket) => objectOwnership(graph, bucket).value !== 'BucketOwnerPreferred' && objectOwnership(graph, bucket).value !== 'ObjectWriter');
      if (open && aclsOff.length > 0) {
        undecided('loggingConfig.bucket', `${open.reason}; it may be ${aclsOff.map((bucket) => bucket.name).join(', ')}, whose ACLs are disabled (or not known), and CloudFront legacy logging delivers only through ACLs`, distribution.urn);
      }
      for (const bucket of buckets) {
        const ownership = objectOwnership(graph, bucket);
        if (ownership.value === UNDECIDED) undecided('loggingConfig.bucket', `the Object Ownership of ${bucket.name} is not known`, distribution.urn);
        else if (ownership.value === 'BucketOwnerEnforced') {
          report(
            `Distribution ${distribution.name} logs to bucket ${bucket.name}, whose Object Ownership is BucketOwnerEnforced${ownership.holder ? '' : ' (the default)'}: ACLs are disabled, so CloudFront delivers no standard log files.`,
            distribution.urn,
          );
        }
      }
    }
  },
});
