/**
 * @bulwark/core: typed stack config, naming and tagging, and the secure-by-default components every Bulwark
 * stack is built from.
 */
export { type ConfigIssue, StackConfigError } from './config/stack-config-error';
export { type ConfigKey, type ConfigKeyValue, type ConfigValueKind, booleanKey, listKey, mapKey, numberKey, stringKey } from './config/config-key';
export { ENVIRONMENTS, type Environment, environmentSchema } from './config/environment';
export { availabilityZoneSchema, awsRegionSchema } from './config/aws-region';
export { ownerSchema, projectSchema } from './config/ownership';
export { uniqueIdSchema } from './config/unique-id';
export {
  CLOUDWATCH_RETENTION_DAYS,
  MINIMUM_LOG_RETENTION_DAYS,
  MINIMUM_BACKUP_RETENTION_DAYS,
  MAXIMUM_BACKUP_RETENTION_DAYS,
  backupRetentionDaysSchema,
  logRetentionDaysSchema,
  logArchiveRetentionDaysSchema,
  kmsKeyDeletionWindowDaysSchema,
} from './config/retention';
export { isSingleHostCidr, singleHostCidrSchema } from './config/single-host-cidr';
export { sshAllowedCidrsKey } from './config/ssh-allowed-cidrs';
export { type StackReferenceParts, organizationKey, producerProjectKey, stackReferenceName } from './config/stack-reference-name';
export { type TypedStackReference, referenceStack } from './typed-stack-reference';
export { STACK_CONFIG_NAMESPACE, type StackConfig, stackConfigKeys } from './config/stack-config';
export {
  type LoadStackConfigOptions,
  type LoadedStackConfig,
  type StackSettingKeys,
  type StackSettings,
  loadStackConfig,
} from './config/load-stack-config';
export {
  type NameRule,
  type NamedService,
  type NamingContext,
  type PhysicalNameOptions,
  nameProblems,
  nameRules,
  physicalName,
  physicalNamePattern,
} from './naming';
export { type AwsProviderOptions, MANAGED_BY, type StandardTags, createAwsProvider, standardTags } from './tagging';
export { type PolicyConditions, type PolicyDocument, type PolicyStatementDocument } from './policy-document';
export { TLS_ONLY_STATEMENT_SID, tlsOnlyStatement } from './tls-only-bucket-policy';
export { s3BucketArn } from './s3-bucket-arn';
export {
  type KeyPolicyContext,
  type KeyServiceGrant,
  cloudFrontOriginKeyGrant,
  type CloudTrailKeyGrantTrail,
  cloudTrailKeyGrants,
  cloudWatchLogsKeyGrant,
  configDeliveryKeyGrant,
  logDeliveryKeyGrant,
} from './key-service-grants';
export { AUTO_SCALING_KEY_GRANT_OPERATIONS, type AutoScalingKeyGrantArgs, autoScalingKeyGrant } from './autoscaling-key-grant';
export { KEY_ADMINISTRATION_ACTIONS, KEY_USAGE_ACTIONS, KmsKey, type KmsKeyArgs } from './kms-key';
export { LogsBucket, type LogsBucketArgs, S3_LOG_DELIVERY_STATEMENT_SID } from './logs-bucket';
export { type BucketReference } from './bucket-reference';
export {
  type CentralAccessLogsOutputs,
  type CentralAccessLogsSource,
  type LogDestination,
  type LogSource,
  SERVER_ACCESS_LOGGING_PAGE,
  centralAccessLogs,
  logDestinationIssues,
} from './log-destination';
export { type BucketPolicyStatements, SecureBucket, type SecureBucketArgs } from './secure-bucket';
export { SERVER_ACCESS_LOGGING_TAG } from './server-access-logging-tag';
export { LeastPrivilegeRole, type LeastPrivilegeRoleArgs, type RoleStatement, type RoleTrust } from './least-privilege-role';
export { EncryptedLogGroup, type EncryptedLogGroupArgs } from './encrypted-log-group';
