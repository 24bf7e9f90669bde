/** The compute stack's outputs: plain values, as a StackReference returns them. */
export interface ComputeOutputs {
  /** ARN of the stack's customer managed key (EBS volumes, Lambda environment, log groups). */
  readonly kmsKeyArn: string;
  /** The auto scaling group of application instances. */
  readonly autoScalingGroupName: string;
  /** The launch template the group launches from. */
  readonly launchTemplateId: string;
  /** The instances' role: SSM managed instance core plus read on one prefix of one data bucket. */
  readonly instanceRoleArn: string;
  /** The instances' own security group (they are in the network's application security group too). */
  readonly instanceSecurityGroupId: string;
  /** The VPC Lambda function. */
  readonly functionName: string;
  readonly functionArn: string;
  /** The function's own security group. */
  readonly functionSecurityGroupId: string;
  /** The data the workloads may read: `s3://<bucket>/<prefix>`. */
  readonly readableDataLocation: string;
}
