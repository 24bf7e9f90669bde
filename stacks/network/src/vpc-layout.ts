import type * as awsx from '@pulumi/awsx';
import { type NetworkConfig } from './config';
import { formatIpv4Network, nthSubnet } from './ipv4-cidr';

/** The NAT gateway strategy of `awsx.ec2.Vpc` for each `network:natGateways` mode. */
export const NAT_GATEWAY_STRATEGIES = { none: 'None', single: 'Single', perAz: 'OnePerAz' } as const;

/**
 * The subnets of the VPC as `awsx.ec2.Vpc` subnet specs, each with its explicit blocks per zone: private subnets take
 * the first blocks of the VPC, public ones (behind an internet gateway) the next, every block of
 * `network:subnetPrefixLength`, so adding a zone later appends and the layout is the one this stack always had.
 * With explicit blocks awsx's `Auto` strategy allocates nothing itself and accepts that the blocks leave space free.
 */
export function subnetSpecs(config: NetworkConfig): awsx.types.input.ec2.SubnetSpecArgs[] {
  const { network } = config;
  const zoneCount = network.availabilityZones.length;
  const blocks = (first: number) =>
    network.availabilityZones.map((_zone, index) => formatIpv4Network(nthSubnet(network.vpcNetwork, network.subnetPrefixLength, first + index)));
  const specs: awsx.types.input.ec2.SubnetSpecArgs[] = [{ type: 'Private', cidrBlocks: blocks(0) }];
  if (network.internetGateway) specs.push({ type: 'Public', cidrBlocks: blocks(zoneCount) });
  return specs;
}
