import { physicalName, SERVER_ACCESS_LOGGING_TAG } from '@bulwark/core';
import { BASELINE_BUCKET_PURPOSES } from './bucket-purposes';
import { type BaselineConfig } from './config';

/** An AWS managed Config rule that checks, in the live account, what a policy pack rule checks before deploy. */
export interface ManagedConfigRule {
  /** The Config rule name (the managed rule's conventional name). */
  readonly name: string;
  /** The managed rule's source identifier. */
  readonly sourceIdentifier: string;
  /** The aws-security pack rule it mirrors. */
  readonly packRule: string;
  /** Parameters, as the managed rule names them (values are strings, as Config expects). */
  readonly inputParameters?: Readonly<Record<string, string>>;
  /** Which resources the rule evaluates (https://docs.aws.amazon.com/config/latest/APIReference/API_Scope.html). */
  readonly scope?: { readonly complianceResourceTypes: readonly string[]; readonly tagKey: string; readonly tagValue: string };
}

/**
 * The managed Config rules the baseline deploys: each mirrors a pack rule, so drift made outside Pulumi (a
 * console change, another tool) is caught in the live account by the same standard the pack enforces on every
 * preview. Thresholds come from the same stack config as the controls. CloudFront and WAF mirrors are left
 * out: Config evaluates CloudFront only from us-east-1, and the recorder lives in the primary region. Rules that
 * would flag the foundation's own deliberate choices are scoped or parameterised, so the foundation is compliant
 * with its own rules: log targets do not log themselves, the trail does not log data events of its own bucket, and
 * dev databases are single-AZ.
 */
export function managedConfigRules(config: BaselineConfig): readonly ManagedConfigRule[] {
  const bucketName = (purpose: string) => physicalName(config, 's3-bucket', purpose);
  // Every foundation bucket but the trail's, which the trail excludes (its own deliveries would log themselves).
  const dataEventBuckets = [BASELINE_BUCKET_PURPOSES.accessLogs, BASELINE_BUCKET_PURPOSES.configHistory, ...config.settings.dataEventBucketPurposes].map(bucketName);
  return [
    mirror('S3_BUCKET_SSL_REQUESTS_ONLY', 's3-bucket-tls-only'),
    mirror('S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED', 's3-bucket-public-access-block'),
    mirror('S3_ACCOUNT_LEVEL_PUBLIC_ACCESS_BLOCKS_PERIODIC', 's3-account-public-access-block'),
    mirror('S3_BUCKET_PUBLIC_READ_PROHIBITED', 's3-bucket-no-public-policy'),
    mirror('S3_DEFAULT_ENCRYPTION_KMS', 's3-bucket-kms-encryption'),
    mirror('S3_BUCKET_VERSIONING_ENABLED', 's3-bucket-versioning'),
    // Log targets cannot log into themselves (an endless loop), and the rule cannot exclude them: it evaluates the
    // buckets tagged as needing logs (every SecureBucket) and checks they log into the central bucket.
    // https://docs.aws.amazon.com/config/latest/developerguide/s3-bucket-logging-enabled.html
    {
      ...mirror('S3_BUCKET_LOGGING_ENABLED', 's3-bucket-access-logging', { targetBucket: bucketName(BASELINE_BUCKET_PURPOSES.accessLogs) }),
      scope: { complianceResourceTypes: ['AWS::S3::Bucket'], tagKey: SERVER_ACCESS_LOGGING_TAG.key, tagValue: SERVER_ACCESS_LOGGING_TAG.value },
    },
    mirror('CMK_BACKING_KEY_ROTATION_ENABLED', 'kms-key-rotation'),
    mirror('IAM_POLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS', 'iam-no-wildcard-action'),
    mirror('IAM_PASSWORD_POLICY', 'iam-password-policy', {
      RequireUppercaseCharacters: 'true',
      RequireLowercaseCharacters: 'true',
      RequireSymbols: 'true',
      RequireNumbers: 'true',
      MinimumPasswordLength: String(config.settings.passwordMinimumLength),
      PasswordReusePrevention: String(config.settings.passwordReusePrevention),
      MaxPasswordAge: String(config.settings.passwordMaxAgeDays),
    }),
    mirror('MFA_ENABLED_FOR_IAM_CONSOLE_ACCESS', 'iam-mfa-enforced'),
    mirror('ENCRYPTED_VOLUMES', 'ec2-ebs-encryption-kms'),
    mirror('EC2_EBS_ENCRYPTION_BY_DEFAULT', 'ec2-ebs-default-encryption'),
    mirror('EC2_IMDSV2_CHECK', 'ec2-imdsv2-required'),
    mirror('EC2_INSTANCE_NO_PUBLIC_IP', 'ec2-no-public-ip'),
    { ...mirror('INCOMING_SSH_DISABLED', 'sg-no-public-admin-ingress'), name: 'restricted-ssh' },
    { ...mirror('RESTRICTED_INCOMING_TRAFFIC', 'sg-no-public-admin-ingress', { blockedPort1: '3389' }), name: 'restricted-rdp' },
    mirror('NACL_NO_UNRESTRICTED_SSH_RDP', 'nacl-no-public-admin-ingress'),
    mirror('VPC_FLOW_LOGS_ENABLED', 'vpc-flow-logs', { trafficType: 'ALL' }),
    mirror('CLOUDWATCH_LOG_GROUP_ENCRYPTED', 'log-group-retention-kms'),
    { ...mirror('MULTI_REGION_CLOUD_TRAIL_ENABLED', 'cloudtrail-secure'), name: 'multi-region-cloudtrail-enabled' },
    mirror('CLOUD_TRAIL_ENCRYPTION_ENABLED', 'cloudtrail-secure'),
    mirror('CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED', 'cloudtrail-secure'),
    // Without S3BucketNames the rule wants data events of every bucket, which the trail's exclusion of its own bucket
    // never gives. https://docs.aws.amazon.com/config/latest/developerguide/cloudtrail-s3-dataevents-enabled.html
    mirror('CLOUDTRAIL_S3_DATAEVENTS_ENABLED', 'cloudtrail-data-events', { S3BucketNames: dataEventBuckets.join(',') }),
    mirror('GUARDDUTY_ENABLED_CENTRALIZED', 'guardduty-enabled'),
    mirror('DB_INSTANCE_BACKUP_ENABLED', 'rds-backup-retention', { backupRetentionMinimum: String(config.backupRetentionDays) }),
    mirror('RDS_INSTANCE_PUBLIC_ACCESS_CHECK', 'rds-not-public'),
    mirror('RDS_STORAGE_ENCRYPTED', 'rds-encryption-kms'),
    // Only where Multi-AZ is required: the dev database is single-AZ by design (data:databaseMultiAz), and the pack's
    // rds-multi-az is advisory. https://docs.aws.amazon.com/config/latest/developerguide/rds-multi-az-support.html
    ...(config.settings.requireRdsMultiAz ? [mirror('RDS_MULTI_AZ_SUPPORT', 'rds-multi-az')] : []),
    mirror('DYNAMODB_TABLE_ENCRYPTED_KMS', 'dynamodb-encryption-kms'),
    mirror('DYNAMODB_PITR_ENABLED', 'dynamodb-pitr'),
    mirror('ELASTICACHE_REPL_GRP_ENCRYPTED_AT_REST', 'elasticache-encryption-in-vpc'),
    mirror('ELASTICACHE_REPL_GRP_ENCRYPTED_IN_TRANSIT', 'elasticache-encryption-in-vpc'),
    mirror('LAMBDA_FUNCTION_PUBLIC_ACCESS_PROHIBITED', 'lambda-no-public-invoke'),
    mirror('REQUIRED_TAGS', 'required-tags', { tag1Key: 'Environment', tag2Key: 'Owner', tag3Key: 'Project' }),
  ];
}

/** A managed rule under its conventional name: the source identifier in lower case, words joined by hyphens. */
function mirror(sourceIdentifier: string, packRule: string, inputParameters?: Readonly<Record<string, string>>): ManagedConfigRule {
  return { name: sourceIdentifier.toLowerCase().replaceAll('_', '-'), sourceIdentifier, packRule, ...(inputParameters ? { inputParameters } : {}) };
}
