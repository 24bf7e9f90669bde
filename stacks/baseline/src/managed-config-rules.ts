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
}

/**
 * The managed Config rules the baseline deploys: each mirrors a pack rule, so drift made outside Pulumi (a
 * console change, another tool) is caught in the live account by the same standard the pack enforces on every
 * preview. Thresholds come from the same stack config as the controls. CloudFront and WAF mirrors are left
 * out: Config evaluates CloudFront only from us-east-1, and the recorder lives in the primary region.
 */
export function managedConfigRules(config: BaselineConfig): readonly ManagedConfigRule[] {
  return [
    { name: 's3-bucket-ssl-requests-only', sourceIdentifier: 'S3_BUCKET_SSL_REQUESTS_ONLY', packRule: 's3-bucket-tls-only' },
    { name: 's3-bucket-level-public-access-prohibited', sourceIdentifier: 'S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED', packRule: 's3-bucket-public-access-block' },
    { name: 's3-account-level-public-access-blocks-periodic', sourceIdentifier: 'S3_ACCOUNT_LEVEL_PUBLIC_ACCESS_BLOCKS_PERIODIC', packRule: 's3-account-public-access-block' },
    { name: 's3-bucket-public-read-prohibited', sourceIdentifier: 'S3_BUCKET_PUBLIC_READ_PROHIBITED', packRule: 's3-bucket-no-public-policy' },
    { name: 's3-default-encryption-kms', sourceIdentifier: 'S3_DEFAULT_ENCRYPTION_KMS', packRule: 's3-bucket-kms-encryption' },
    { name: 's3-bucket-versioning-enabled', sourceIdentifier: 'S3_BUCKET_VERSIONING_ENABLED', packRule: 's3-bucket-versioning' },
    { name: 's3-bucket-logging-enabled', sourceIdentifier: 'S3_BUCKET_LOGGING_ENABLED', packRule: 's3-bucket-access-logging' },
    { name: 'cmk-backing-key-rotation-enabled', sourceIdentifier: 'CMK_BACKING_KEY_ROTATION_ENABLED', packRule: 'kms-key-rotation' },
    { name: 'iam-policy-no-statements-with-admin-access', sourceIdentifier: 'IAM_POLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS', packRule: 'iam-no-wildcard-action' },
    {
      name: 'iam-password-policy',
      sourceIdentifier: 'IAM_PASSWORD_POLICY',
      packRule: 'iam-password-policy',
      inputParameters: {
        RequireUppercaseCharacters: 'true',
        RequireLowercaseCharacters: 'true',
        RequireSymbols: 'true',
        RequireNumbers: 'true',
        MinimumPasswordLength: String(config.settings.passwordMinimumLength),
        PasswordReusePrevention: String(config.settings.passwordReusePrevention),
        MaxPasswordAge: String(config.settings.passwordMaxAgeDays),
      },
    },
    { name: 'mfa-enabled-for-iam-console-access', sourceIdentifier: 'MFA_ENABLED_FOR_IAM_CONSOLE_ACCESS', packRule: 'iam-mfa-enforced' },
    { name: 'encrypted-volumes', sourceIdentifier: 'ENCRYPTED_VOLUMES', packRule: 'ec2-ebs-encryption-kms' },
    { name: 'ec2-ebs-encryption-by-default', sourceIdentifier: 'EC2_EBS_ENCRYPTION_BY_DEFAULT', packRule: 'ec2-ebs-default-encryption' },
    { name: 'ec2-imdsv2-check', sourceIdentifier: 'EC2_IMDSV2_CHECK', packRule: 'ec2-imdsv2-required' },
    { name: 'ec2-instance-no-public-ip', sourceIdentifier: 'EC2_INSTANCE_NO_PUBLIC_IP', packRule: 'ec2-no-public-ip' },
    { name: 'restricted-ssh', sourceIdentifier: 'INCOMING_SSH_DISABLED', packRule: 'sg-no-public-admin-ingress' },
    { name: 'restricted-rdp', sourceIdentifier: 'RESTRICTED_INCOMING_TRAFFIC', packRule: 'sg-no-public-admin-ingress', inputParameters: { blockedPort1: '3389' } },
    { name: 'nacl-no-unrestricted-ssh-rdp', sourceIdentifier: 'NACL_NO_UNRESTRICTED_SSH_RDP', packRule: 'nacl-no-public-admin-ingress' },
    { name: 'vpc-flow-logs-enabled', sourceIdentifier: 'VPC_FLOW_LOGS_ENABLED', packRule: 'vpc-flow-logs', inputParameters: { trafficType: 'ALL' } },
    { name: 'cloudwatch-log-group-encrypted', sourceIdentifier: 'CLOUDWATCH_LOG_GROUP_ENCRYPTED', packRule: 'log-group-retention-kms' },
    { name: 'multi-region-cloudtrail-enabled', sourceIdentifier: 'MULTI_REGION_CLOUD_TRAIL_ENABLED', packRule: 'cloudtrail-secure' },
    { name: 'cloud-trail-encryption-enabled', sourceIdentifier: 'CLOUD_TRAIL_ENCRYPTION_ENABLED', packRule: 'cloudtrail-secure' },
    { name: 'cloud-trail-log-file-validation-enabled', sourceIdentifier: 'CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED', packRule: 'cloudtrail-secure' },
    { name: 'cloudtrail-s3-dataevents-enabled', sourceIdentifier: 'CLOUDTRAIL_S3_DATAEVENTS_ENABLED', packRule: 'cloudtrail-data-events' },
    { name: 'guardduty-enabled-centralized', sourceIdentifier: 'GUARDDUTY_ENABLED_CENTRALIZED', packRule: 'guardduty-enabled' },
    {
      name: 'db-instance-backup-enabled',
      sourceIdentifier: 'DB_INSTANCE_BACKUP_ENABLED',
      packRule: 'rds-backup-retention',
      inputParameters: { backupRetentionMinimum: String(config.backupRetentionDays) },
    },
    { name: 'rds-instance-public-access-check', sourceIdentifier: 'RDS_INSTANCE_PUBLIC_ACCESS_CHECK', packRule: 'rds-not-public' },
    { name: 'rds-storage-encrypted', sourceIdentifier: 'RDS_STORAGE_ENCRYPTED', packRule: 'rds-encryption-kms' },
    { name: 'rds-multi-az-support', sourceIdentifier: 'RDS_MULTI_AZ_SUPPORT', packRule: 'rds-multi-az' },
    { name: 'dynamodb-table-encrypted-kms', sourceIdentifier: 'DYNAMODB_TABLE_ENCRYPTED_KMS', packRule: 'dynamodb-encryption-kms' },
    { name: 'dynamodb-pitr-enabled', sourceIdentifier: 'DYNAMODB_PITR_ENABLED', packRule: 'dynamodb-pitr' },
    { name: 'elasticache-repl-grp-encrypted-at-rest', sourceIdentifier: 'ELASTICACHE_REPL_GRP_ENCRYPTED_AT_REST', packRule: 'elasticache-encryption-in-vpc' },
    { name: 'elasticache-repl-grp-encrypted-in-transit', sourceIdentifier: 'ELASTICACHE_REPL_GRP_ENCRYPTED_IN_TRANSIT', packRule: 'elasticache-encryption-in-vpc' },
    { name: 'lambda-function-public-access-prohibited', sourceIdentifier: 'LAMBDA_FUNCTION_PUBLIC_ACCESS_PROHIBITED', packRule: 'lambda-no-public-invoke' },
    {
      name: 'required-tags',
      sourceIdentifier: 'REQUIRED_TAGS',
      packRule: 'required-tags',
      inputParameters: { tag1Key: 'Environment', tag2Key: 'Owner', tag3Key: 'Project' },
    },
  ];
}
