import { formatArn } from '@bulwark/aws-model';
import type * as pulumi from '@pulumi/pulumi';
import { type PolicyConditions } from './policy-document';

/** The account, partition and region a key lives in, for building service-grant conditions. */
export interface KeyPolicyContext {
  readonly accountId: string;
  readonly partition: string;
  readonly region: string;
}

/**
 * Lets an AWS service principal use a key on this account's behalf. Conditions are mandatory: a service
 * principal without them could be driven by any account's resources (the confused-deputy problem).
 */
export interface KeyServiceGrant {
  /** Statement id in the key policy (letters and digits). */
  readonly sid: string;
  /** The service principal, e.g. `cloudtrail.amazonaws.com`; a function for regional principals. */
  readonly servicePrincipal: string | ((context: KeyPolicyContext) => string);
  /** Usage actions only (`kms:Encrypt`, `kms:GenerateDataKey*`, ...): services never administer keys. */
  readonly actions: readonly string[];
  /** The conditions that tie the service's use of the key to this account. */
  readonly conditions: (context: KeyPolicyContext) => PolicyConditions;
}

/** CloudWatch Logs in the key's region, for log groups of this account only (encryption context on the log group ARN). */
export function cloudWatchLogsKeyGrant(): KeyServiceGrant {
  return {
    sid: 'AllowCloudWatchLogs',
    servicePrincipal: ({ region }) => `logs.${region}.amazonaws.com`,
    actions: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
    conditions: ({ accountId, partition, region }) => ({
      ArnLike: { 'kms:EncryptionContext:aws:logs:arn': formatArn({ partition, service: 'logs', region, account: accountId, resource: 'log-group:*' }) },
    }),
  };
}

/** The trail whose logs a key encrypts. */
export interface CloudTrailKeyGrantTrail {
  /**
   * The trail's ARN (`arn:<partition>:cloudtrail:<home region>:<account>:trail/<name>`), known before the trail
   * exists when it is built from the trail's name.
   */
  readonly trailArn: pulumi.Input<string>;
}

/**
 * What CloudTrail needs from the key of one trail, per AWS's "Configure AWS KMS key policies for CloudTrail" page
 * (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-kms-key-policy-for-cloudtrail.html): generate
 * data keys under the encryption context of this account's trails, describe the key, and decrypt, which creating
 * or updating a trail needs when its bucket uses an S3 Bucket Key (every Bulwark bucket does). DescribeKey and
 * Decrypt requests carry no `aws:cloudtrail:arn` encryption context, so each action has its own statement and
 * all three are tied to the one trail by `aws:SourceArn`, as the page recommends. Without them `CreateTrail`
 * fails with InsufficientEncryptionPolicyException.
 */
export function cloudTrailKeyGrants(trail: CloudTrailKeyGrantTrail): readonly KeyServiceGrant[] {
  const onlyThisTrail = { StringEquals: { 'aws:SourceArn': trail.trailArn } };
  return [
    {
      sid: 'AllowCloudTrailEncryptLogs',
      servicePrincipal: 'cloudtrail.amazonaws.com',
      actions: ['kms:GenerateDataKey*'],
      conditions: ({ accountId, partition }) => ({
        ...onlyThisTrail,
        StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': `arn:${partition}:cloudtrail:*:${accountId}:trail/*` },
      }),
    },
    { sid: 'AllowCloudTrailDescribeKey', servicePrincipal: 'cloudtrail.amazonaws.com', actions: ['kms:DescribeKey'], conditions: () => onlyThisTrail },
    { sid: 'AllowCloudTrailDecrypt', servicePrincipal: 'cloudtrail.amazonaws.com', actions: ['kms:Decrypt'], conditions: () => onlyThisTrail },
  ];
}

/** The log delivery service (VPC flow logs and other vended logs to S3), for this account only. */
export function logDeliveryKeyGrant(): KeyServiceGrant {
  return {
    sid: 'AllowLogDelivery',
    servicePrincipal: 'delivery.logs.amazonaws.com',
    actions: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
    conditions: ({ accountId }) => ({ StringEquals: { 'aws:SourceAccount': accountId } }),
  };
}

/**
 * AWS Config delivering configuration history and snapshots into an SSE-KMS bucket, for this account's recorder
 * only (Config is a service principal any account's recorder could otherwise drive).
 */
export function configDeliveryKeyGrant(): KeyServiceGrant {
  return {
    sid: 'AllowConfigDelivery',
    servicePrincipal: 'config.amazonaws.com',
    actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
    conditions: ({ accountId }) => ({ StringEquals: { 'aws:SourceAccount': accountId } }),
  };
}

/**
 * CloudFront, through origin access control, decrypting SSE-KMS origin objects for this account's distributions.
 * The key policy cannot name one distribution (the distribution needs the bucket, which needs the key), so the
 * bucket policy is what names it.
 */
export function cloudFrontOriginKeyGrant(): KeyServiceGrant {
  return {
    sid: 'AllowCloudFrontOriginDecrypt',
    servicePrincipal: 'cloudfront.amazonaws.com',
    actions: ['kms:Decrypt'],
    conditions: ({ accountId, partition }) => ({
      StringEquals: { 'aws:SourceAccount': accountId },
      ArnLike: { 'aws:SourceArn': formatArn({ partition, service: 'cloudfront', account: accountId, resource: 'distribution/*' }) },
    }),
  };
}
