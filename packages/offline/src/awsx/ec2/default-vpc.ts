/**
 * `awsx:ec2:DefaultVpc`: registers nothing; the provider looks up the account's default VPC and its subnets (a
 * subnet is public when it maps public IPs on launch) and answers with their ids. Load balancers without subnets
 * and Fargate services without a network configuration make the same lookup.
 */
import { type ComponentBuilder } from '../component-builder';
import { type ComponentModel } from '../component-model';

export interface DefaultVpcIds {
  readonly vpcId: string;
  readonly publicSubnetIds: string[];
  readonly privateSubnetIds: string[];
}

/** The lookup `getDefaultVpc` makes: the default VPC, its subnets, each subnet's details. */
export function lookupDefaultVpc(build: ComponentBuilder): DefaultVpcIds {
  const vpc = build.invoke('aws:ec2/getVpc:getVpc', { default: true });
  const vpcId = String(vpc['id']);
  const { ids } = build.invoke('aws:ec2/getSubnets:getSubnets', { filters: [{ name: 'vpc-id', values: [vpcId] }] });
  const subnets = (ids as string[]).map((id) => build.invoke('aws:ec2/getSubnet:getSubnet', { id }));
  return {
    vpcId,
    publicSubnetIds: subnets.filter((subnet) => subnet['mapPublicIpOnLaunch'] === true).map((subnet) => String(subnet['id'])),
    privateSubnetIds: subnets.filter((subnet) => subnet['mapPublicIpOnLaunch'] !== true).map((subnet) => String(subnet['id'])),
  };
}

export const defaultVpcModel: ComponentModel = {
  type: 'awsx:ec2:DefaultVpc',
  expand: (build) => ({ ...lookupDefaultVpc(build) }),
};
