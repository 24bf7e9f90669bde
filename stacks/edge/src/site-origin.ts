import type * as pulumi from '@pulumi/pulumi';
import { type BucketReference, cloudFrontOriginKeyGrant, KmsKey, physicalName, SecureBucket } from '@bulwark/core';
import { type EdgeStackConfig } from './config';
import { EDGE_BUCKET_PURPOSES } from './bucket-purposes';

/** The Sid of the bucket policy statement letting the distribution read the site. */
export const CLOUDFRONT_READ_STATEMENT_SID = 'AllowCloudFrontDistributionRead';

/** The private origin of the site. */
export interface SiteOrigin {
  readonly key: KmsKey;
  readonly siteBucket: SecureBucket;
}

/**
 * The site bucket: a {@link SecureBucket} (private, SSE-KMS, versioned, TLS only) sending its server access logs to
 * `accessLogs` (the baseline's central bucket, in this primary region and account), readable by exactly one
 * CloudFront distribution (`AWS:SourceArn` condition); the key lets CloudFront decrypt for this account's
 * distributions (core's `cloudFrontOriginKeyGrant()`).
 */
export function createSiteOrigin(
  config: EdgeStackConfig,
  distributionArn: pulumi.Input<string>,
  accessLogs: BucketReference,
  opts: pulumi.CustomResourceOptions,
): SiteOrigin {
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
  const siteBucket = new SecureBucket(
    'site',
    {
      kmsKeyArn: key.arn,
      logsBucket: accessLogs,
      // Named from config, so the baseline's access-logs bucket admits it (`<project>-<env>-*`) before it exists.
      bucketName: physicalName(config, 's3-bucket', EDGE_BUCKET_PURPOSES.site),
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
  return { key, siteBucket };
}
