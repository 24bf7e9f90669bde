import { type BucketReference, physicalName, SecureBucket } from '@bulwark/core';
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { adoptionOptions, SERVICE_LINKED_ROLES } from './adopt-existing';
import { BASELINE_BUCKET_PURPOSES } from './bucket-purposes';
import { adoptedServiceLinkedRole, type BaselineConfig } from './config';
import { type DeploymentTarget } from './deployment-target';
import { managedConfigRules } from './managed-config-rules';


/** The AWS Config resources of the baseline. */
export interface ConfigRecording {
  readonly bucket: SecureBucket;
  readonly serviceRole: aws.iam.ServiceLinkedRole;
  readonly recorder: aws.cfg.Recorder;
  readonly deliveryChannel: aws.cfg.DeliveryChannel;
  readonly status: aws.cfg.RecorderStatus;
  readonly rules: readonly aws.cfg.Rule[];
}

/** What {@link createConfigRecording} builds on. */
export interface ConfigRecordingArgs {
  /** The key that encrypts the history bucket; its policy must carry core's `configDeliveryKeyGrant()`. */
  readonly kmsKeyArn: pulumi.Input<string>;
  /** The account Config delivers for (its bucket admits only that account). */
  readonly target: DeploymentTarget;
  /** Where the history bucket's server access logs go. */
  readonly logsBucket: BucketReference;
  readonly provider: aws.Provider;
}

/**
 * AWS Config in the primary region: a recorder for every supported resource type including the global ones
 * (IAM, recorded once, here), continuous recording, delivery into a dedicated KMS-encrypted bucket that admits
 * only Config for this account, the recorder switched on, and the managed rules that mirror the policy pack.
 * The recorder uses Config's service-linked role, whose permissions AWS maintains, rather than a custom role.
 */
export function createConfigRecording(config: BaselineConfig, args: ConfigRecordingArgs): ConfigRecording {
  const { provider } = args;
  const opts = { provider };
  const { accountId } = args.target;
  const onlyThisAccount = { StringEquals: { 'aws:SourceAccount': accountId } };
  const bucket = new SecureBucket(
    'config-history',
    {
      kmsKeyArn: args.kmsKeyArn,
      logsBucket: args.logsBucket,
      bucketName: physicalName(config, 's3-bucket', BASELINE_BUCKET_PURPOSES.configHistory),
      policyStatements: ({ arn }) => [
        {
          Sid: 'AllowConfigBucketChecks',
          Effect: 'Allow',
          Principal: { Service: 'config.amazonaws.com' },
          Action: ['s3:GetBucketAcl', 's3:ListBucket'],
          Resource: arn,
          Condition: onlyThisAccount,
        },
        {
          Sid: 'AllowConfigDelivery',
          Effect: 'Allow',
          Principal: { Service: 'config.amazonaws.com' },
          Action: 's3:PutObject',
          Resource: pulumi.interpolate`${arn}/AWSLogs/${accountId}/Config/*`,
          Condition: { StringEquals: { 'aws:SourceAccount': accountId, 's3:x-amz-acl': 'bucket-owner-full-control' } },
        },
      ],
    },
    opts,
  );
  // One of each per account (per region for the recorder and channel): baseline:adoptExisting imports them where
  // Control Tower, Security Hub or a console click made them already, keeping their names.
  const adopt = config.settings.adoptExisting;
  const serviceRole = new aws.iam.ServiceLinkedRole(
    'config',
    { awsServiceName: SERVICE_LINKED_ROLES.configServiceLinkedRole },
    { ...opts, ...adoptionOptions(adoptedServiceLinkedRole(config, 'configServiceLinkedRole')) },
  );
  const recorder = new aws.cfg.Recorder(
    'account',
    {
      name: adopt.configRecorder ?? physicalName(config, 'config-recorder', 'recorder'),
      roleArn: serviceRole.arn,
      recordingGroup: { allSupported: true, includeGlobalResourceTypes: true },
      recordingMode: { recordingFrequency: 'CONTINUOUS' },
    },
    { ...opts, ...adoptionOptions(adopt.configRecorder) },
  );
  const deliveryChannel = new aws.cfg.DeliveryChannel(
    'account',
    {
      name: adopt.configDeliveryChannel ?? physicalName(config, 'config-delivery-channel', 'delivery'),
      s3BucketName: bucket.bucketName,
      s3KmsKeyArn: args.kmsKeyArn,
      snapshotDeliveryProperties: { deliveryFrequency: 'TwentyFour_Hours' },
    },
    { provider, dependsOn: [recorder, bucket.policy], ...adoptionOptions(adopt.configDeliveryChannel) },
  );
  // Deleting the status stops the recorder: never stop an adopted one.
  const status = new aws.cfg.RecorderStatus(
    'account',
    { name: recorder.name, isEnabled: true },
    { provider, dependsOn: [deliveryChannel], ...(adopt.configRecorder === undefined ? {} : { retainOnDelete: true }) },
  );
  const rules = managedConfigRules(config).map(
    (rule) =>
      new aws.cfg.Rule(
        rule.name,
        {
          name: rule.name,
          description: `AWS managed rule ${rule.sourceIdentifier}; mirrors the Bulwark policy pack rule ${rule.packRule}.`,
          source: { owner: 'AWS', sourceIdentifier: rule.sourceIdentifier },
          inputParameters: rule.inputParameters === undefined ? undefined : JSON.stringify(rule.inputParameters),
          scope: rule.scope === undefined ? undefined : { ...rule.scope, complianceResourceTypes: [...rule.scope.complianceResourceTypes] },
        },
        // Managed rules can only be created once a recorder exists and evaluate only while it records.
        { provider, dependsOn: [status] },
      ),
  );
  return { bucket, serviceRole, recorder, deliveryChannel, status, rules };
}
