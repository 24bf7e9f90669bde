import { autoScalingKeyGrant, KmsKey, physicalName } from '@bulwark/core';
import * as aws from '@pulumi/aws';
import type * as pulumi from '@pulumi/pulumi';
import { adoptionOptions } from './adopt-existing';
import { type BaselineConfig } from './config';

/** The GuardDuty protection plans every detector turns on: S3 data events, EKS audit logs, EBS malware scans. */
export const GUARDDUTY_FEATURES = ['S3_DATA_EVENTS', 'EKS_AUDIT_LOGS', 'EBS_MALWARE_PROTECTION'] as const;

/** The controls of one region. */
export interface RegionalControls {
  readonly region: string;
  readonly detector: aws.guardduty.Detector;
  readonly detectorFeatures: readonly aws.guardduty.DetectorFeature[];
  readonly analyzer: aws.accessanalyzer.Analyzer;
  readonly ebsKey: KmsKey;
  /** Lets Auto Scaling's service-linked role launch instances with volumes under the key. */
  readonly ebsKeyAutoScalingGrant: aws.kms.Grant;
  readonly ebsEncryptionByDefault: aws.ebs.EncryptionByDefault;
  readonly ebsDefaultKey: aws.ebs.DefaultKmsKey;
}

/** What every region's controls share. */
export interface RegionalControlsArgs {
  /**
   * The account's `AWSServiceRoleForAutoScaling` (the baseline creates or adopts it): its ARN, known before it
   * exists, and the role resource, which the keys naming it wait for.
   */
  readonly autoScalingServiceLinkedRole: { readonly arn: pulumi.Input<string>; readonly role: pulumi.Resource };
}

/** The providers regional controls are built through. */
export interface RegionalProviders {
  /** The stack's primary provider: regional resources pick their region with the v7 per-resource `region`. */
  readonly primary: aws.Provider;
  /**
   * A provider for `region`, for the EBS key only: the KmsKey component reads its region from its provider and
   * has no `region` argument.
   */
  readonly regional: aws.Provider;
}

/**
 * What must be on in every region the organisation uses, because AWS scopes it per region: a GuardDuty detector
 * publishing findings every 15 minutes with the S3, EKS and malware protection plans, an IAM Access Analyzer
 * for the account, and EBS encryption by default under a customer managed key of that region. That key lets EC2 Auto
 * Scaling's service-linked role use it (key policy) and create grants for EC2 (a KMS grant): every instance Auto
 * Scaling launches in the account gets volumes encrypted by default, and without both the launches fail
 * (https://docs.aws.amazon.com/autoscaling/ec2/userguide/key-policy-requirements-EBS-encryption.html).
 */
export function createRegionalControls(config: BaselineConfig, region: string, providers: RegionalProviders, args: RegionalControlsArgs): RegionalControls {
  const opts = { provider: providers.primary };
  // GuardDuty allows one detector per account and region; baseline:adoptExisting imports an existing one.
  const adopt = config.settings.adoptExisting;
  const detector = new aws.guardduty.Detector(
    `guardduty-${region}`,
    { region, enable: true, findingPublishingFrequency: 'FIFTEEN_MINUTES' },
    { ...opts, ...adoptionOptions(adopt.guardDutyDetectors?.[region]) },
  );
  const detectorFeatures = GUARDDUTY_FEATURES.map(
    (feature) =>
      new aws.guardduty.DetectorFeature(
        `guardduty-${region}-${feature.toLowerCase().replace(/_/g, '-')}`,
        { region, detectorId: detector.id, name: feature, status: 'ENABLED' },
        opts,
      ),
  );
  const adoptedAnalyzer = adopt.accessAnalyzers?.[region];
  const analyzer = new aws.accessanalyzer.Analyzer(
    `access-analyzer-${region}`,
    { region, analyzerName: adoptedAnalyzer ?? physicalName(config, 'access-analyzer', 'account'), type: 'ACCOUNT' },
    { ...opts, ...adoptionOptions(adoptedAnalyzer) },
  );
  const ebsKey = new KmsKey(
    `ebs-default-${region}`,
    {
      description: `EBS encryption by default in ${region} for ${config.project} ${config.environment}`,
      alias: physicalName(config, 'kms-alias', 'ebs-default'),
      deletionWindowInDays: config.kmsKeyDeletionWindowDays,
      // The first statement of AWS's key policy for Auto Scaling; the CreateGrant it also needs comes in the grant below.
      users: [args.autoScalingServiceLinkedRole.arn],
    },
    { provider: providers.regional, dependsOn: [args.autoScalingServiceLinkedRole.role] },
  );
  const ebsKeyAutoScalingGrant = autoScalingKeyGrant(
    `ebs-default-${region}-autoscaling`,
    { keyArn: ebsKey.arn, serviceLinkedRoleArn: args.autoScalingServiceLinkedRole.arn },
    { provider: providers.regional, dependsOn: [args.autoScalingServiceLinkedRole.role] },
  );
  const ebsDefaultKey = new aws.ebs.DefaultKmsKey(`ebs-${region}`, { region, keyArn: ebsKey.arn }, opts);
  const ebsEncryptionByDefault = new aws.ebs.EncryptionByDefault(`ebs-${region}`, { region, enabled: true }, { ...opts, dependsOn: [ebsDefaultKey] });
  return { region, detector, detectorFeatures, analyzer, ebsKey, ebsKeyAutoScalingGrant, ebsEncryptionByDefault, ebsDefaultKey };
}
