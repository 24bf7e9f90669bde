import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { BaselineBucket, type BaselineBucketArgs } from './bucket-baseline';
import { MINIMUM_LOG_RETENTION_DAYS } from './config/retention';
import { type PolicyConditions, type PolicyDocument } from './policy-document';
import { tlsOnlyStatement } from './tls-only-bucket-policy';

/** The Sid of the statement letting S3 server access logging write into the bucket. */
export const S3_LOG_DELIVERY_STATEMENT_SID = 'AllowS3ServerAccessLogDelivery';

/** Arguments of {@link LogsBucket}. */
export interface LogsBucketArgs extends BaselineBucketArgs {
  /**
   * Days a log object is kept before it expires; at least 90 (pass `config.logArchiveRetentionDays`).
   * @default 365
   */
  readonly expirationDays?: number;
  /**
   * Only these source buckets may deliver logs (an `ArnLike` `aws:SourceArn` condition on top of
   * `aws:SourceAccount`); `*` patterns admit buckets by name before they exist (see `physicalNamePattern`).
   * @default [] (any bucket of this account)
   */
  readonly sourceBucketArns?: readonly pulumi.Input<string>[];
}

/**
 * The dedicated target for S3 server access logs. S3 delivers logs as `logging.s3.amazonaws.com`, allowed only
 * for source buckets in this account (aws:SourceAccount, optionally aws:SourceArn); TLS is required; logs expire.
 *
 * Encryption: SSE-S3. AWS's "Enabling Amazon S3 server access logging" page says a destination bucket may use
 * default encryption only with SSE-S3 (AES256); SSE-KMS is not supported, and logs sent to an SSE-KMS bucket are
 * not delivered (https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html). The
 * policy pack's `s3-bucket-kms-encryption` makes the same exception for server access log targets. Access to the
 * logs is scoped by the bucket policy, the public access block and IAM instead of a key policy.
 * ACLs are disabled (bucket-owner-enforced), so log delivery relies on this bucket policy, not the old log-delivery ACL.
 * S3 delivers server access logs only between buckets of the same account and region, so source buckets in other
 * stacks must deploy into this bucket's account and region.
 * @example
 * const accessLogs = new LogsBucket('access-logs', {
 *   bucketName: physicalName(config, 's3-bucket', 'access-logs'),
 *   expirationDays: config.logArchiveRetentionDays,
 *   // Every bucket the foundation names in this environment, created before or after this one.
 *   sourceBucketArns: [s3BucketArn(partition, physicalNamePattern(config, 's3-bucket'))],
 * }, { provider });
 * new SecureBucket('app-data', { kmsKeyArn: key.arn, logsBucket: accessLogs }, { provider });
 */
export class LogsBucket extends BaselineBucket {
  readonly lifecycle: aws.s3.BucketLifecycleConfiguration;
  readonly policy: aws.s3.BucketPolicy;

  constructor(name: string, args: LogsBucketArgs, opts?: pulumi.ComponentResourceOptions) {
    const expirationDays = args.expirationDays ?? 365;
    if (!Number.isInteger(expirationDays) || expirationDays < MINIMUM_LOG_RETENTION_DAYS) {
      throw new Error(`LogsBucket "${name}": expirationDays ${expirationDays} must be a whole number of days, at least ${MINIMUM_LOG_RETENTION_DAYS}`);
    }
    super('bulwark:core:LogsBucket', name, args, { s3Managed: true }, opts);

    this.lifecycle = new aws.s3.BucketLifecycleConfiguration(
      name,
      {
        bucket: this.bucket.id,
        rules: [
          {
            id: 'expire-logs',
            status: 'Enabled',
            filter: {},
            expiration: { days: expirationDays },
            noncurrentVersionExpiration: { noncurrentDays: 30 },
            abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
          },
        ],
      },
      { parent: this, dependsOn: [this.versioning] },
    );

    const accountId = aws.getCallerIdentityOutput({}, { parent: this }).accountId;
    const document = pulumi.all([this.arn, accountId, pulumi.output(args.sourceBucketArns ?? [])]).apply(
      ([bucketArn, account, sourceArns]): PolicyDocument => {
        const conditions: Record<string, Record<string, string | string[]>> = { StringEquals: { 'aws:SourceAccount': account } };
        if (sourceArns.length > 0) conditions.ArnLike = { 'aws:SourceArn': [...sourceArns] };
        return {
          Version: '2012-10-17',
          Statement: [
            {
              Sid: S3_LOG_DELIVERY_STATEMENT_SID,
              Effect: 'Allow',
              Principal: { Service: 'logging.s3.amazonaws.com' },
              Action: 's3:PutObject',
              Resource: `${bucketArn}/*`,
              Condition: conditions as PolicyConditions,
            },
            tlsOnlyStatement(bucketArn),
          ],
        };
      },
    );
    this.policy = this.attachPolicy(name, document);
  }
}
