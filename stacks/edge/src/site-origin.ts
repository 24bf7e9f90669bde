import type * as pulumi from '@pulumi/pulumi';
import { cloudFrontOriginKeyGrant, KmsKey, LogsBucket, physicalName, s3BucketArn, SecureBucket } from '@bulwark/core';
import * as aws from '@pulumi/aws';
import { type EdgeStackConfig } from './config';

/** The Sid of the bucket policy statement letting the distribution read the site. */
export const CLOUDFRONT_READ_STATEMENT_SID = 'AllowCloudFrontDistributionRead';

/** The private origin of the site. */
export interface SiteOrigin {
  readonly key: KmsKey;
  readonly logsBucket: LogsBucket;
  readonly siteBucket: SecureBucket;
}

/**
 * The site bucket: a {@link SecureBucket} (private, SSE-KMS, versioned, TLS only) logging to its own
 * {@link LogsBucket} that accepts its logs only, readable by exactly one CloudFront distribution (`AWS:SourceArn`
 * condition); the key lets CloudFront decrypt for this account's distributions (core's `cloudFrontOriginKeyGrant()`).
 */
export function createSiteOrigin(config: EdgeStackConfig, distributionArn: pulumi.Input<string>, opts: pulumi.CustomResourceOptions): SiteOrigin {
  const key = new KmsKey(
    'site',
    {
      description: `${config.project} ${config.environment}: static site`,
      alias: physicalName(config, 'kms-alias', 'site'),
      deletionWindowInDays: config.kmsKeyDeletionWindowDays,
      serviceUsers: [cloudFrontOriginKeyGrant()],
    },
    opts,
  );
  // Bucket names follow from config, so the logs bucket can admit the site bucket's logs and no other bucket's.
  const siteBucketName = physicalName(config, 's3-bucket', 'site');
  const partition = aws.getPartitionOutput({}, opts).partition;
  const logsBucket = new LogsBucket(
    'site-access-logs',
    {
      bucketName: physicalName(config, 's3-bucket', 'site-access-logs'),
      expirationDays: config.logArchiveRetentionDays,
      sourceBucketArns: [s3BucketArn(partition, siteBucketName)],
    },
    opts,
  );
  const siteBucket = new SecureBucket(
    'site',
    {
      kmsKeyArn: key.arn,
      logsBucket,
      bucketName: siteBucketName,
      policyStatements: ({ arn }) => [
        {
          Sid: CLOUDFRONT_READ_STATEMENT_SID,
          Effect: 'Allow',
          Principal: { Service: 'cloudfront.amazonaws.com' },
          Action: 's3:GetObject',
          Resource: arn.apply((bucketArn) => `${bucketArn}/*`),
          Condition: { StringEquals: { 'AWS:SourceArn': distributionArn } },
        },
      ],
    },
    opts,
  );
  return { key, logsBucket, siteBucket };
}
