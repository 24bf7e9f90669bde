/**
 * The account's default VPC, as AWS creates one in every region: 172.31.0.0/16 with one default subnet per
 * availability zone, each a /20 that maps public IPs on launch (so a default VPC has no private subnets). awsx
 * components that are given no network (`awsx.ec2.DefaultVpc`, a load balancer without subnets, a Fargate service
 * without a network configuration) look it up, and so may a program (`aws.ec2.getVpc({ default: true })`).
 * Its ids are derived from the account and region, so every run sees the same default VPC.
 */
import { partitionOf } from '@bulwark/aws-model';
import { type AwsEnvironment } from './aws-environment';
import { stableHex } from './stable-ids';

/** The zones the offline engine emulates in every region (see `getAvailabilityZones` in invokes.ts). */
const ZONE_LETTERS = ['a', 'b', 'c'];

export interface DefaultSubnet {
  readonly id: string;
  readonly availabilityZone: string;
  readonly cidrBlock: string;
}

export interface DefaultVpc {
  readonly id: string;
  readonly arn: string;
  readonly cidrBlock: string;
  readonly subnets: readonly DefaultSubnet[];
}

/** The default VPC of an account in a region. */
export function defaultVpc(environment: AwsEnvironment): DefaultVpc {
  const seed = `default-vpc:${environment.account}:${environment.region}`;
  const id = `vpc-${stableHex(seed, 17)}`;
  return {
    id,
    arn: `arn:${partitionOf(environment.region)}:ec2:${environment.region}:${environment.account}:vpc/${id}`,
    cidrBlock: '172.31.0.0/16',
    subnets: ZONE_LETTERS.map((letter, index) => ({
      id: `subnet-${stableHex(`${seed}:${letter}`, 17)}`,
      availabilityZone: `${environment.region}${letter}`,
      cidrBlock: `172.31.${index * 16}.0/20`,
    })),
  };
}

/** `aws.ec2.getVpc` of the default VPC (by `default: true` or by its id), or undefined for any other VPC. */
export function defaultVpcLookup(args: Record<string, unknown>, environment: AwsEnvironment): Record<string, unknown> | undefined {
  const vpc = defaultVpc(environment);
  if (args['default'] !== true && args['id'] !== vpc.id) return undefined;
  return {
    id: vpc.id,
    arn: vpc.arn,
    cidrBlock: vpc.cidrBlock,
    default: true,
    enableDnsHostnames: true,
    enableDnsSupport: true,
    instanceTenancy: 'default',
    ownerId: environment.account,
    state: 'available',
    region: environment.region,
    tags: {},
  };
}

/** `aws.ec2.getSubnets` filtered by the default VPC's id, or undefined for any other query. */
export function defaultSubnetsLookup(args: Record<string, unknown>, environment: AwsEnvironment): Record<string, unknown> | undefined {
  const vpc = defaultVpc(environment);
  const filters = Array.isArray(args['filters']) ? (args['filters'] as { name?: unknown; values?: unknown }[]) : [];
  const byVpc = filters.length === 1 && filters[0]?.name === 'vpc-id' && Array.isArray(filters[0].values) && filters[0].values.length === 1;
  if (!byVpc || (filters[0]!.values as unknown[])[0] !== vpc.id) return undefined;
  return { id: environment.region, ids: vpc.subnets.map((subnet) => subnet.id), filters, region: environment.region };
}

/** `aws.ec2.getSubnet` of one of the default VPC's subnets, by id, or undefined for any other subnet. */
export function defaultSubnetLookup(args: Record<string, unknown>, environment: AwsEnvironment): Record<string, unknown> | undefined {
  const vpc = defaultVpc(environment);
  const subnet = vpc.subnets.find((candidate) => candidate.id === args['id']);
  if (!subnet) return undefined;
  return {
    id: subnet.id,
    arn: `arn:${partitionOf(environment.region)}:ec2:${environment.region}:${environment.account}:subnet/${subnet.id}`,
    vpcId: vpc.id,
    availabilityZone: subnet.availabilityZone,
    cidrBlock: subnet.cidrBlock,
    defaultForAz: true,
    mapPublicIpOnLaunch: true,
    ownerId: environment.account,
    state: 'available',
    region: environment.region,
    tags: {},
  };
}
