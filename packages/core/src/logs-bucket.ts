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
   * ARN of the customer managed KMS key that encrypts the logs. Its key policy must let
   * `logging.s3.amazonaws.com` use it: give the `KmsKey` a `s3ServerAccessLogsKeyGrant()`.
   */
  readonly kmsKeyArn: pulumi.Input<string>;
  /**
   * Days a log object is kept before it expires; at least 90 (pass `config.logArchiveRetentionDays`).
   * @default 365
   */
  readonly expirationDays?: number;
  /**
   * Only these source buckets may deliver logs (an `aws:SourceArn` condition on top of `aws:SourceAccount`).
   * @default [] (any bucket of this account)
   */
  readonly sourceBucketArns?: readonly pulumi.Input<string>[];
}

/**
 * The dedicated target for S3 server access logs. S3 delivers logs as `logging.s3.amazonaws.com`, allowed only
 * for source buckets in this account (aws:SourceAccount, optionally aws:SourceArn); TLS is required; logs expire.
 *
 * Encryption trade-off: older AWS documentation said server access log target buckets must use SSE-S3. S3 log
 * delivery does work with SSE-KMS when the key policy lets `logging.s3.amazonaws.com` generate data keys, and the
 * policy pack requires a customer managed key on every bucket, so this bucket uses SSE-KMS. The cost is one more
 * key-policy grant, and reading the logs needs kms:Decrypt on the key, which is the control we want anyway.
 * ACLs are disabled (bucket-owner-enforced), so log delivery relies on this bucket policy, not the old log-delivery ACL.
 */
export class LogsBucket extends BaselineBucket {
  readonly lifecycle: aws.s3.BucketLifecycleConfiguration;
  readonly policy: aws.s3.BucketPolicy;

  constructor(name: string, args: LogsBucketArgs, opts?: pulumi.ComponentResourceOptions) {
    const expirationDays = args.expirationDays ?? 365;
    if (!Number.isInteger(expirationDays) || expirationDays < MINIMUM_LOG_RETENTION_DAYS) {
      throw new Error(`LogsBucket "${name}": expirationDays ${expirationDays} must be a whole number of days, at least ${MINIMUM_LOG_RETENTION_DAYS}`);
    }
    super('bulwark:core:LogsBucket', name, args, opts);

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
