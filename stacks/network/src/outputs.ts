/**
 * The network stack's output contract: what `pulumi stack output` shows and what consumer stacks (data, compute)
 * read through a `pulumi.StackReference`. Import it as a type only:
 * `import type { NetworkOutputs } from '@bulwark/stack-network/outputs'`.
 */
export interface NetworkOutputs {
  /** The region the VPC is in (`aws:region` of the network stack). */
  readonly region: string;
  /** The VPC id (`vpc-...`). */
  readonly vpcId: string;
  /** The VPC's IPv4 CIDR block, e.g. `10.20.0.0/16`. */
  readonly vpcCidr: string;
  /** The availability zones the subnets span, in the order of the subnet lists. */
  readonly availabilityZones: string[];
  /** One private subnet per availability zone, in `availabilityZones` order: databases, caches, workloads. */
  readonly privateSubnetIds: string[];
  /** One public subnet per availability zone, in `availabilityZones` order; empty without an internet gateway. */
  readonly publicSubnetIds: string[];
  /** The private route tables, one per availability zone (for more gateway endpoints or peering routes). */
  readonly privateRouteTableIds: string[];
  /** The security group for application workloads (HTTPS and the app ports from the VPC, SSH from the bastion). */
  readonly appSecurityGroupId: string;
  /** The security group for a bastion host (SSH only from `network:sshAllowedCidrs`). */
  readonly bastionSecurityGroupId: string;
  /** The S3 gateway endpoint id, for `aws:SourceVpce` conditions in bucket policies. */
  readonly s3GatewayEndpointId: string;
  /** The DynamoDB gateway endpoint id. */
  readonly dynamodbGatewayEndpointId: string;
  /** The CloudWatch log group receiving the VPC flow logs. */
  readonly flowLogGroupName: string;
}
