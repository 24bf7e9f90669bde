/**
 * The baseline stack's output contract: what `pulumi stack output` shows and what other stacks may read through
 * a `pulumi.StackReference`. Import it as a type only:
 * `import type { BaselineOutputs } from '@bulwark/stack-baseline/outputs'`.
 */
export interface BaselineOutputs {
  /** The primary region (`aws:region`), where the trail's home, AWS Config and the global controls live. */
  readonly region: string;
  /** Every region the regional controls cover (`bulwark:regions`). */
  readonly regions: string[];
  /**
   * The account the baseline deployed into. S3 delivers server access logs only between buckets of one account and
   * region, so a stack logging into `accessLogsBucketName` checks it deploys into this account and `region`.
   */
  readonly accountId: string;
  /** The multi-region CloudTrail trail's ARN. */
  readonly cloudTrailArn: string;
  /** The bucket the trail delivers to. */
  readonly cloudTrailBucketName: string;
  /** The KMS key that encrypts the trail's logs (readers need kms:Decrypt on it). */
  readonly cloudTrailKeyArn: string;
  /** The bucket AWS Config delivers configuration history and snapshots to. */
  readonly configBucketName: string;
  /** The AWS Config recorder's name. */
  readonly configRecorderName: string;
  /**
   * The central bucket receiving the S3 server access logs of the foundation's buckets (audit, data, edge), in
   * `region` of `accountId`; it admits every bucket named `<project>-<environment>-*` of that account.
   */
  readonly accessLogsBucketName: string;
  /** The GuardDuty detector id of each region, by region code. */
  readonly guardDutyDetectorIds: Record<string, string>;
  /** The EBS default encryption key ARN of each region, by region code. */
  readonly ebsDefaultKeyArns: Record<string, string>;
  /** The IAM group human users join; its members must use MFA. */
  readonly humanUsersGroupName: string;
  /** The ARN of the managed policy that enforces MFA. */
  readonly mfaPolicyArn: string;
  /**
   * The ARN of the account's EC2 Auto Scaling service-linked role (`AWSServiceRoleForAutoScaling`), which the
   * baseline creates (or adopts) so that keys can grant it before any stack uses Auto Scaling (compute's volume key).
   */
  readonly autoScalingServiceLinkedRoleArn: string;
}
