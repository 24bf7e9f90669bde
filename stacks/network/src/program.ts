import { createAwsProvider, physicalName } from '@bulwark/core';
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { loadNetworkConfig, type NetworkConfig } from './config';
import { formatIpv4Network, nthSubnet } from './ipv4-cidr';
import { type NetworkAclRules, privateNetworkAclRules, publicNetworkAclRules } from './network-acl-entries';
import { type NetworkOutputs } from './outputs';
import { createVpcFlowLogs } from './vpc-flow-logs';
import { createWorkloadSecurityGroups } from './workload-security-groups';

/** The stack outputs as the program returns them: each contract value, possibly still an output. */
export type NetworkProgramOutputs = { readonly [Key in keyof NetworkOutputs]: pulumi.Input<NetworkOutputs[Key]> };

/** One availability zone's subnets and private route table. */
interface ZoneNetwork {
  readonly zone: string;
  readonly privateSubnet: aws.ec2.Subnet;
  readonly publicSubnet?: aws.ec2.Subnet;
  readonly privateRouteTable: aws.ec2.RouteTable;
}

/**
 * The network stack: a VPC built from plain `aws` resources (so every child is visible to the policy pack),
 * a private and (behind an internet gateway) a public subnet per availability zone, NAT gateways as configured,
 * restrictive network ACLs, flow logs of all traffic, a closed default security group and default NACL, the
 * bastion and application security groups, and S3 and DynamoDB gateway endpoints.
 */
export function program(): NetworkProgramOutputs {
  const config = loadNetworkConfig();
  const { network } = config;
  const provider = createAwsProvider(config);
  const opts = { provider };

  const vpc = new aws.ec2.Vpc(
    'main',
    { cidrBlock: network.vpcCidr, enableDnsSupport: true, enableDnsHostnames: true, tags: nameTag(config, 'vpc') },
    opts,
  );
  // The default security group and NACL admit traffic until told otherwise; with no rules both deny everything,
  // so a resource launched without an explicit group or subnet association gets no network at all.
  new aws.ec2.DefaultSecurityGroup('default', { vpcId: vpc.id, tags: nameTag(config, 'default-closed') }, opts);
  new aws.ec2.DefaultNetworkAcl('default', { defaultNetworkAclId: vpc.defaultNetworkAclId, tags: nameTag(config, 'default-closed') }, opts);

  const internetGateway = network.internetGateway
    ? new aws.ec2.InternetGateway('main', { vpcId: vpc.id, tags: nameTag(config, 'igw') }, opts)
    : undefined;

  const zoneCount = network.availabilityZones.length;
  const zones: ZoneNetwork[] = network.availabilityZones.map((zone, index) => {
    // Private subnets take the first blocks of the VPC, public ones the next: adding a zone later appends.
    const privateSubnet = new aws.ec2.Subnet(
      `private-${zone}`,
      {
        vpcId: vpc.id,
        availabilityZone: zone,
        cidrBlock: formatIpv4Network(nthSubnet(network.vpcNetwork, network.subnetPrefixLength, index)),
        mapPublicIpOnLaunch: false,
        tags: { ...nameTag(config, `private-${zone}`), Tier: 'private' },
      },
      opts,
    );
    const publicSubnet = internetGateway
      ? new aws.ec2.Subnet(
          `public-${zone}`,
          {
            vpcId: vpc.id,
            availabilityZone: zone,
            cidrBlock: formatIpv4Network(nthSubnet(network.vpcNetwork, network.subnetPrefixLength, zoneCount + index)),
            // Instances in public subnets get a public address only when they ask for one (the bastion).
            mapPublicIpOnLaunch: false,
            tags: { ...nameTag(config, `public-${zone}`), Tier: 'public' },
          },
          opts,
        )
      : undefined;
    const privateRouteTable = new aws.ec2.RouteTable(`private-${zone}`, { vpcId: vpc.id, tags: nameTag(config, `private-${zone}`) }, opts);
    new aws.ec2.RouteTableAssociation(`private-${zone}`, { subnetId: privateSubnet.id, routeTableId: privateRouteTable.id }, opts);
    return { zone, privateSubnet, publicSubnet, privateRouteTable };
  });

  if (internetGateway) {
    const publicRouteTable = new aws.ec2.RouteTable('public', { vpcId: vpc.id, tags: nameTag(config, 'public') }, opts);
    new aws.ec2.Route('public-internet', { routeTableId: publicRouteTable.id, destinationCidrBlock: '0.0.0.0/0', gatewayId: internetGateway.id }, opts);
    for (const { zone, publicSubnet } of zones) {
      new aws.ec2.RouteTableAssociation(`public-${zone}`, { subnetId: (publicSubnet as aws.ec2.Subnet).id, routeTableId: publicRouteTable.id }, opts);
    }
    createNatGateways(config, zones, internetGateway, provider);
  }

  createNetworkAcl('private', vpc, zones.map((zone) => zone.privateSubnet), privateNetworkAclRules(network), config, provider);
  if (internetGateway) {
    const publicSubnets = zones.map((zone) => zone.publicSubnet as aws.ec2.Subnet);
    createNetworkAcl('public', vpc, publicSubnets, publicNetworkAclRules(network), config, provider);
  }

  const flowLogs = createVpcFlowLogs(config, vpc, provider);
  const securityGroups = createWorkloadSecurityGroups(
    { naming: config, vpcId: vpc.id, vpcCidr: network.vpcCidr, sshAllowedCidrs: network.sshAllowedCidrs, appPorts: network.appPorts },
    provider,
  );

  // Gateway endpoints keep S3 and DynamoDB traffic of private subnets off the NAT gateway and the internet.
  const privateRouteTableIds = zones.map((zone) => zone.privateRouteTable.id);
  const gatewayEndpoint = (service: 's3' | 'dynamodb') =>
    new aws.ec2.VpcEndpoint(
      service,
      {
        vpcId: vpc.id,
        serviceName: `com.amazonaws.${config.region}.${service}`,
        vpcEndpointType: 'Gateway',
        routeTableIds: privateRouteTableIds,
        tags: nameTag(config, `${service}-endpoint`),
      },
      opts,
    );
  const s3Endpoint = gatewayEndpoint('s3');
  const dynamodbEndpoint = gatewayEndpoint('dynamodb');

  return {
    region: config.region,
    vpcId: vpc.id,
    vpcCidr: network.vpcCidr,
    availabilityZones: [...network.availabilityZones],
    privateSubnetIds: pulumi.all(zones.map((zone) => zone.privateSubnet.id)),
    publicSubnetIds: pulumi.all(zones.flatMap((zone) => (zone.publicSubnet ? [zone.publicSubnet.id] : []))),
    privateRouteTableIds: pulumi.all(privateRouteTableIds),
    appSecurityGroupId: securityGroups.app.id,
    bastionSecurityGroupId: securityGroups.bastion.id,
    s3GatewayEndpointId: s3Endpoint.id,
    dynamodbGatewayEndpointId: dynamodbEndpoint.id,
    flowLogGroupName: flowLogs.logGroup.logGroupName,
  };
}

/** The `Name` tag the EC2 console lists a network resource by. */
function nameTag(config: NetworkConfig, purpose: string): { Name: string } {
  return { Name: physicalName(config, 'ec2-name-tag', purpose) };
}

/**
 * NAT gateways in the public subnets: one per zone (`perAz`, so losing a zone never cuts the others off the
 * internet) or one shared (`single`, cheaper for dev); each private route table sends 0.0.0.0/0 to its zone's
 * gateway, or to the shared one. With `none`, private subnets have no route to the internet at all.
 */
function createNatGateways(config: NetworkConfig, zones: readonly ZoneNetwork[], internetGateway: aws.ec2.InternetGateway, provider: aws.Provider): void {
  const mode = config.network.natGateways;
  if (mode === 'none') return;
  const opts = { provider };
  const gatewayZones = mode === 'perAz' ? zones : zones.slice(0, 1);
  const gateways = gatewayZones.map(({ zone, publicSubnet }) => {
    const tags = nameTag(config, `nat-${zone}`);
    const address = new aws.ec2.Eip(`nat-${zone}`, { domain: 'vpc', tags }, opts);
    return new aws.ec2.NatGateway(
      zone,
      {
        subnetId: (publicSubnet as aws.ec2.Subnet).id,
        allocationId: address.id,
        connectivityType: 'public',
        tags,
      },
      { provider, dependsOn: [internetGateway] },
    );
  });
  zones.forEach(({ zone, privateRouteTable }, index) => {
    const gateway = mode === 'perAz' ? gateways[index] : gateways[0];
    new aws.ec2.Route(`private-${zone}-internet`, { routeTableId: privateRouteTable.id, destinationCidrBlock: '0.0.0.0/0', natGatewayId: gateway.id }, opts);
  });
}

function createNetworkAcl(
  tier: 'public' | 'private',
  vpc: aws.ec2.Vpc,
  subnets: readonly aws.ec2.Subnet[],
  rules: NetworkAclRules,
  config: NetworkConfig,
  provider: aws.Provider,
): aws.ec2.NetworkAcl {
  return new aws.ec2.NetworkAcl(
    tier,
    {
      vpcId: vpc.id,
      subnetIds: subnets.map((subnet) => subnet.id),
      ingress: rules.ingress.map((entry) => ({ ...entry })),
      egress: rules.egress.map((entry) => ({ ...entry })),
      tags: nameTag(config, tier),
    },
    { provider },
  );
}
