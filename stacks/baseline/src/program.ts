import { configDeliveryKeyGrant, createAwsProvider, KmsKey, LogsBucket, physicalName, physicalNamePattern, s3BucketArn } from '@bulwark/core';
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { serviceLinkedRoleArn } from '@bulwark/aws-model';
import { adoptionOptions, SERVICE_LINKED_ROLES } from './adopt-existing';
import { createAuditTrail } from './audit-trail';
import { BASELINE_BUCKET_PURPOSES } from './bucket-purposes';
import { adoptedServiceLinkedRole, loadBaselineConfig } from './config';
import { createConfigRecording } from './config-recording';
import { lookUpDeploymentTarget } from './deployment-target';
import { createMfaEnforcement } from './mfa-enforcement';
import { type BaselineOutputs } from './outputs';
import { createRegionalControls } from './regional-controls';

/** The stack outputs as the program returns them: each contract value, possibly still an output. */
export type BaselineProgramOutputs = { readonly [Key in keyof BaselineOutputs]: pulumi.Input<BaselineOutputs[Key]> };

/**
 * The account baseline: the password policy, MFA enforcement for human users, AWS Config with managed rules
 * mirroring the policy pack, a multi-region CloudTrail trail, and in every configured region GuardDuty, IAM
 * Access Analyzer and EBS encryption by default; plus the account-wide S3 public access block.
 */
export function program(): BaselineProgramOutputs {
  const config = loadBaselineConfig();
  const providers = new Map(config.regions.map((region) => [region, createAwsProvider(config, { region })]));
  const provider = providers.get(config.region) as aws.Provider;
  const opts = { provider };
  const target = lookUpDeploymentTarget(provider);

  new aws.iam.AccountPasswordPolicy(
    'account',
    {
      minimumPasswordLength: config.settings.passwordMinimumLength,
      requireUppercaseCharacters: true,
      requireLowercaseCharacters: true,
      requireNumbers: true,
      requireSymbols: true,
      passwordReusePrevention: config.settings.passwordReusePrevention,
      maxPasswordAge: config.settings.passwordMaxAgeDays,
      allowUsersToChangePassword: true,
      // An expired password is changed at sign-in rather than locking the user out and paging an administrator.
      hardExpiry: false,
    },
    opts,
  );
  const mfa = createMfaEnforcement(config, target, provider);

  new aws.s3.AccountPublicAccessBlock(
    'account',
    { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
    opts,
  );

  // One key for AWS Config history; the trail has its own key. S3 access logs use SSE-S3, the only default
  // encryption S3 server access log delivery supports.
  const auditKey = new KmsKey(
    'audit-logs',
    {
      description: `AWS Config history of ${config.project} ${config.environment}`,
      alias: physicalName(config, 'kms-alias', 'audit-logs'),
      serviceUsers: [configDeliveryKeyGrant()],
      deletionWindowInDays: config.kmsKeyDeletionWindowDays,
    },
    opts,
  );
  // The central target of the foundation's S3 server access logs: the audit buckets here, and the data and edge
  // stacks' buckets, which log into it by name (`accessLogsBucketName`). This stack deploys first, so it admits the
  // buckets by the name every foundation bucket of this environment has (`<project>-<env>-*`, from config), not by
  // ARNs of buckets that do not exist yet; aws:SourceAccount keeps it to this account. S3 delivers server access
  // logs only within one account and region, which the consumers check against `accountId` and `region`.
  const accessLogs = new LogsBucket(
    'access-logs',
    {
      expirationDays: config.logArchiveRetentionDays,
      bucketName: physicalName(config, 's3-bucket', BASELINE_BUCKET_PURPOSES.accessLogs),
      sourceBucketArns: [s3BucketArn(target.partition, physicalNamePattern(config, 's3-bucket'))],
    },
    opts,
  );

  const recording = createConfigRecording(config, { kmsKeyArn: auditKey.arn, logsBucket: accessLogs, target, provider });
  const audit = createAuditTrail(config, accessLogs, target, provider);

  // EC2 Auto Scaling's service-linked role exists only once an account used Auto Scaling; the EBS default keys name
  // it (and compute's grant does), so the baseline creates it first. One per account: see baseline:adoptExisting.
  const autoScalingRole = new aws.iam.ServiceLinkedRole(
    'autoscaling',
    { awsServiceName: SERVICE_LINKED_ROLES.autoScalingServiceLinkedRole },
    { ...opts, ...adoptionOptions(adoptedServiceLinkedRole(config, 'autoScalingServiceLinkedRole')) },
  );
  // The role's ARN follows from the account and partition (AWS names service-linked roles itself), so the key
  // policies that name it are known, and judged by the policy packs, in a first preview; the keys wait for the
  // role, since KMS rejects a key policy whose principal does not exist yet.
  const autoScalingRoleArn = pulumi
    .all([target.partition, target.accountId])
    .apply(([partitionName, accountId]) => serviceLinkedRoleArn(partitionName, accountId, SERVICE_LINKED_ROLES.autoScalingServiceLinkedRole));
  const regional = config.regions.map((region) =>
    createRegionalControls(
      config,
      region,
      { primary: provider, regional: providers.get(region) as aws.Provider },
      { autoScalingServiceLinkedRole: { arn: autoScalingRoleArn, role: autoScalingRole } },
    ),
  );
  const byRegion = (value: (controls: (typeof regional)[number]) => pulumi.Output<string>) =>
    pulumi.all(Object.fromEntries(regional.map((controls) => [controls.region, value(controls)])));

  return {
    region: config.region,
    regions: [...config.regions],
    accountId: target.accountId,
    cloudTrailArn: audit.trail.arn,
    cloudTrailBucketName: audit.bucket.bucketName,
    cloudTrailKeyArn: audit.key.arn,
    configBucketName: recording.bucket.bucketName,
    configRecorderName: recording.recorder.name,
    accessLogsBucketName: accessLogs.bucketName,
    guardDutyDetectorIds: byRegion((controls) => controls.detector.id),
    ebsDefaultKeyArns: byRegion((controls) => controls.ebsKey.arn),
    humanUsersGroupName: mfa.group.name,
    mfaPolicyArn: mfa.policy.arn,
    autoScalingServiceLinkedRoleArn: autoScalingRole.arn,
  };
}
