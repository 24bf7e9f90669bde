// Audit controls for a sandbox account, modelled on the CloudTrail examples: a trail into a dedicated bucket (all
// four public access block flags, versioning, TLS-only policy, the CloudTrail delivery statements conditioned on
// the trail's ARN, access logs to a second bucket), encrypted with a customer managed key that CloudTrail may use
// for this account's trails only; GuardDuty on, publishing every 15 minutes; EBS encryption by default. The
// sandbox shortcuts: the trail is single-region, does not validate log files and records management events only,
// and the log bucket's own key is the S3 managed one.
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

const account = aws.getCallerIdentityOutput().accountId;
const region = aws.getRegionOutput().name;
const partition = aws.getPartitionOutput().partition;
const trailName = 'sandbox-audit';
const trailArn = pulumi.interpolate`arn:${partition}:cloudtrail:${region}:${account}:trail/${trailName}`;
const allBlocked = { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true };

/** The statement every bucket policy here starts with: no request without TLS. */
const denyInsecureTransport = (bucketArn: pulumi.Output<string>) => ({
  Sid: 'DenyInsecureTransport',
  Effect: 'Deny',
  Principal: '*',
  Action: 's3:*',
  Resource: [bucketArn, pulumi.interpolate`${bucketArn}/*`],
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
});

const trailKey = new aws.kms.Key('audit-trail', {
  description: 'Encrypts the CloudTrail logs',
  enableKeyRotation: true,
  policy: pulumi.jsonStringify({
    Version: '2012-10-17',
    Statement: [
      { Sid: 'AccountAdministers', Effect: 'Allow', Principal: { AWS: pulumi.interpolate`arn:${partition}:iam::${account}:root` }, Action: 'kms:*', Resource: '*' },
      {
        Sid: 'CloudTrailEncrypts',
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 'kms:GenerateDataKey*',
        Resource: '*',
        Condition: {
          StringEquals: { 'aws:SourceArn': trailArn },
          StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': pulumi.interpolate`arn:${partition}:cloudtrail:*:${account}:trail/*` },
        },
      },
      { Sid: 'CloudTrailDescribes', Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 'kms:DescribeKey', Resource: '*' },
    ],
  }),
});

const accessLogs = new aws.s3.Bucket('audit-access-logs', { forceDestroy: false });
new aws.s3.BucketPublicAccessBlock('audit-access-logs', { bucket: accessLogs.id, ...allBlocked });
new aws.s3.BucketVersioning('audit-access-logs', { bucket: accessLogs.id, versioningConfiguration: { status: 'Enabled' } });
new aws.s3.BucketServerSideEncryptionConfiguration('audit-access-logs', { bucket: accessLogs.id, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } }] });
new aws.s3.BucketPolicy('audit-access-logs', {
  bucket: accessLogs.id,
  policy: pulumi.jsonStringify({
    Version: '2012-10-17',
    Statement: [
      denyInsecureTransport(accessLogs.arn),
      {
        Sid: 'S3ServerAccessLogs',
        Effect: 'Allow',
        Principal: { Service: 'logging.s3.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: pulumi.interpolate`${accessLogs.arn}/*`,
        Condition: { StringEquals: { 'aws:SourceAccount': account } },
      },
    ],
  }),
});

const trailLogs = new aws.s3.Bucket('audit-trail', { objectLockEnabled: false });
new aws.s3.BucketPublicAccessBlock('audit-trail', { bucket: trailLogs.id, ...allBlocked });
new aws.s3.BucketVersioning('audit-trail', { bucket: trailLogs.id, versioningConfiguration: { status: 'Enabled' } });
new aws.s3.BucketServerSideEncryptionConfiguration('audit-trail', { bucket: trailLogs.id, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: trailKey.arn } }] });
new aws.s3.BucketLogging('audit-trail', { bucket: trailLogs.id, targetBucket: accessLogs.id, targetPrefix: 'audit-trail/' });
const trailBucketPolicy = new aws.s3.BucketPolicy('audit-trail', {
  bucket: trailLogs.id,
  policy: pulumi.jsonStringify({
    Version: '2012-10-17',
    Statement: [
      denyInsecureTransport(trailLogs.arn),
      {
        Sid: 'CloudTrailChecksAcl',
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 's3:GetBucketAcl',
        Resource: trailLogs.arn,
        Condition: { StringEquals: { 'aws:SourceArn': trailArn } },
      },
      {
        Sid: 'CloudTrailWrites',
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: pulumi.interpolate`${trailLogs.arn}/AWSLogs/${account}/*`,
        Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceArn': trailArn } },
      },
    ],
  }),
});

new aws.cloudtrail.Trail(
  'audit',
  {
    name: trailName,
    s3BucketName: trailLogs.id,
    kmsKeyId: trailKey.arn,
    isMultiRegionTrail: false,
    enableLogFileValidation: false,
    includeGlobalServiceEvents: true,
  },
  { dependsOn: [trailBucketPolicy] },
);

new aws.guardduty.Detector('sandbox', { enable: true, findingPublishingFrequency: 'FIFTEEN_MINUTES' });
new aws.ebs.EncryptionByDefault('sandbox', { enabled: true });

export const trailBucket = trailLogs.bucket;
