import type * as pulumi from '@pulumi/pulumi';
import { type KeyServiceGrant, KmsKey, LogsBucket, physicalName, s3ServerAccessLogsKeyGrant, SecureBucket } from '@bulwark/core';
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
 * CloudFront (through origin access control) decrypts the SSE-KMS site objects. The key policy cannot name the
 * distribution (the distribution needs the bucket, which needs the key), so it is bound to this account's
 * distributions; the bucket policy names the one distribution.
 */
function cloudFrontOriginKeyGrant(): KeyServiceGrant {
  return {
    sid: 'AllowCloudFrontOriginDecrypt',
    servicePrincipal: 'cloudfront.amazonaws.com',
    actions: ['kms:Decrypt'],
    conditions: ({ accountId, partition }) => ({
      StringEquals: { 'aws:SourceAccount': accountId },
      ArnLike: { 'aws:SourceArn': `arn:${partition}:cloudfront::${accountId}:distribution/*` },
    }),
  };
}

/**
 * The site bucket: a {@link SecureBucket} (private, SSE-KMS, versioned, TLS only) logging to its own
 * {@link LogsBucket}, readable by exactly one CloudFront distribution (`AWS:SourceArn` condition).
 */
export function createSiteOrigin(config: EdgeStackConfig, distributionArn: pulumi.Input<string>, opts: pulumi.CustomResourceOptions): SiteOrigin {
  const key = new KmsKey(
    'site',
    {
      description: `${config.project} ${config.environment}: static site and its access logs`,
      alias: physicalName(config, 'kms-alias', 'site'),
      deletionWindowInDays: config.kmsKeyDeletionWindowDays,
      serviceUsers: [s3ServerAccessLogsKeyGrant(), cloudFrontOriginKeyGrant()],
    },
    opts,
  );
  const logsBucket = new LogsBucket(
    'site-access-logs',
    { kmsKeyArn: key.arn, bucketName: physicalName(config, 's3-bucket', 'site-access-logs'), expirationDays: config.logArchiveRetentionDays },
    opts,
  );
  const siteBucket = new SecureBucket(
    'site',
    {
      kmsKeyArn: key.arn,
      logsBucket,
      bucketName: physicalName(config, 's3-bucket', 'site'),
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
