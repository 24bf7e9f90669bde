import { type BucketReference, cloudTrailKeyGrants, KmsKey, physicalName, SecureBucket } from '@bulwark/core';
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { BASELINE_BUCKET_PURPOSES } from './bucket-purposes';
import { type BaselineConfig } from './config';
import { type DeploymentTarget } from './deployment-target';


/** The trail and what it writes into. */
export interface AuditTrail {
  readonly key: KmsKey;
  readonly bucket: SecureBucket;
  readonly trail: aws.cloudtrail.Trail;
  /** The trail's ARN, known before the trail exists (the bucket policy names it). */
  readonly trailArn: pulumi.Output<string>;
}

/**
 * The account's CloudTrail trail: every region, global service events, log file validation, encrypted with its
 * own KMS key (CloudTrail may only use it for this trail: aws:SourceArn, and the encryption context), and S3
 * object and Lambda data events besides management events. The bucket admits only CloudTrail acting for this
 * very trail (`aws:SourceArn`), which stops another account's trail from writing into it.
 */
export function createAuditTrail(config: BaselineConfig, logsBucket: BucketReference, target: DeploymentTarget, provider: aws.Provider): AuditTrail {
  const opts = { provider };
  const trailName = physicalName(config, 'cloudtrail-trail', 'audit');
  // CloudTrail checks the bucket policy when the trail is created, so the policy must name the trail before it exists.
  const trailArn = pulumi.interpolate`arn:${target.partition}:cloudtrail:${config.region}:${target.accountId}:trail/${trailName}`;

  const key = new KmsKey(
    'cloudtrail',
    {
      description: `CloudTrail logs of ${config.project} ${config.environment}`,
      alias: physicalName(config, 'kms-alias', 'cloudtrail'),
      // Encrypt, describe and decrypt (the bucket has an S3 Bucket Key), each for this trail only.
      serviceUsers: cloudTrailKeyGrants({ trailArn }),
      deletionWindowInDays: config.kmsKeyDeletionWindowDays,
    },
    opts,
  );
  const onlyThisTrail = { StringEquals: { 'aws:SourceArn': trailArn } };
  const bucket = new SecureBucket(
    'cloudtrail',
    {
      kmsKeyArn: key.arn,
      logsBucket,
      bucketName: physicalName(config, 's3-bucket', BASELINE_BUCKET_PURPOSES.cloudTrail),
      policyStatements: ({ arn }) => [
        {
          Sid: 'AllowCloudTrailAclCheck',
          Effect: 'Allow',
          Principal: { Service: 'cloudtrail.amazonaws.com' },
          Action: 's3:GetBucketAcl',
          Resource: arn,
          Condition: onlyThisTrail,
        },
        {
          Sid: 'AllowCloudTrailWrite',
          Effect: 'Allow',
          Principal: { Service: 'cloudtrail.amazonaws.com' },
          Action: 's3:PutObject',
          Resource: pulumi.interpolate`${arn}/AWSLogs/${target.accountId}/*`,
          Condition: { StringEquals: { 'aws:SourceArn': trailArn, 's3:x-amz-acl': 'bucket-owner-full-control' } },
        },
      ],
    },
    opts,
  );

  const trail = new aws.cloudtrail.Trail(
    'audit',
    {
      name: trailName,
      s3BucketName: bucket.bucketName,
      kmsKeyId: key.arn,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableLogFileValidation: true,
      enableLogging: true,
      advancedEventSelectors: [
        { name: 'Management events', fieldSelectors: [{ field: 'eventCategory', equals: ['Management'] }] },
        {
          name: 'S3 object data events',
          fieldSelectors: [
            { field: 'eventCategory', equals: ['Data'] },
            { field: 'resources.type', equals: ['AWS::S3::Object'] },
            // The trail's own deliveries would otherwise log themselves, without end.
            { field: 'resources.ARN', notStartsWiths: [pulumi.interpolate`${bucket.arn}/`] },
          ],
        },
        {
          name: 'Lambda invocation data events',
          fieldSelectors: [
            { field: 'eventCategory', equals: ['Data'] },
            { field: 'resources.type', equals: ['AWS::Lambda::Function'] },
          ],
        },
      ],
    },
    { provider, dependsOn: [bucket.policy] },
  );
  return { key, bucket, trail, trailArn };
}
