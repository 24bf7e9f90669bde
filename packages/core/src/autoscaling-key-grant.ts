import * as aws from '@pulumi/aws';
import type * as pulumi from '@pulumi/pulumi';

/**
 * What EC2 Auto Scaling's service-linked role does with a customer managed key when it launches instances with
 * encrypted EBS volumes: use the key, and create grants for EC2 on it. AWS's key-policy page asks for the second as a
 * key-policy statement (CreateGrant with `kms:GrantIsForAWSResource`); the pack's separation-of-duties rule counts
 * CreateGrant as key administration, so Bulwark hands it over in a KMS grant instead, which the same page's
 * cross-account example uses (https://docs.aws.amazon.com/autoscaling/ec2/userguide/key-policy-requirements-EBS-encryption.html).
 */
export const AUTO_SCALING_KEY_GRANT_OPERATIONS = [
  'Encrypt',
  'Decrypt',
  'ReEncryptFrom',
  'ReEncryptTo',
  'GenerateDataKey',
  'GenerateDataKeyWithoutPlaintext',
  'DescribeKey',
  'CreateGrant',
] as const;

/** Arguments of {@link autoScalingKeyGrant}. */
export interface AutoScalingKeyGrantArgs {
  /** The key (ARN or id) that encrypts the launched instances' volumes. */
  readonly keyArn: pulumi.Input<string>;
  /**
   * The ARN of the `AWSServiceRoleForAutoScaling` service-linked role. Pass a resource's output (the baseline's
   * `aws.iam.ServiceLinkedRole`, or its StackReference output), never a string built from the account id: the role
   * exists only once something created it, and a grant naming a missing role fails with InvalidArnException.
   */
  readonly serviceLinkedRoleArn: pulumi.Input<string>;
}

/**
 * A KMS grant letting EC2 Auto Scaling launch instances whose volumes the key encrypts (a launch template naming the
 * key, or EBS encryption by default under it). Create it through a provider of the key's region.
 * @example
 * autoScalingKeyGrant('ebs-autoscaling', { keyArn: key.arn, serviceLinkedRoleArn: baseline.output('autoScalingServiceLinkedRoleArn') }, { provider });
 */
export function autoScalingKeyGrant(name: string, args: AutoScalingKeyGrantArgs, opts: pulumi.CustomResourceOptions): aws.kms.Grant {
  return new aws.kms.Grant(
    name,
    { name: 'autoscaling-encrypted-volumes', keyId: args.keyArn, granteePrincipal: args.serviceLinkedRoleArn, operations: [...AUTO_SCALING_KEY_GRANT_OPERATIONS] },
    opts,
  );
}
