/**
 * The account and partition the baseline deploys into, as the provider's caller-identity and partition lookups
 * answer them. The program looks each up once and hands the result to every part that builds ARNs or policies
 * from them (the trail's ARN, Config's delivery path, the MFA policy, the Auto Scaling role), instead of each part
 * asking the provider again.
 */
import * as aws from '@pulumi/aws';
import type * as pulumi from '@pulumi/pulumi';

/** The deploying account's id and its partition (`aws`, `aws-cn`, `aws-us-gov`). */
export interface DeploymentTarget {
  readonly accountId: pulumi.Output<string>;
  readonly partition: pulumi.Output<string>;
}

/** Looks up the account and partition once, through `provider`. */
export function lookUpDeploymentTarget(provider: aws.Provider): DeploymentTarget {
  const opts = { provider };
  return {
    accountId: aws.getCallerIdentityOutput({}, opts).accountId,
    partition: aws.getPartitionOutput({}, opts).partition,
  };
}
