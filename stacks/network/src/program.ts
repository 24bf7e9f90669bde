import { createAwsProvider, physicalName } from '@bulwark/core';
import * as aws from '@pulumi/aws';
import * as awsx from '@pulumi/awsx';
import * as pulumi from '@pulumi/pulumi';
import { loadNetworkConfig, type NetworkConfig } from './config';
import { type NetworkAclRules, privateNetworkAclRules, publicNetworkAclRules } from './network-acl-entries';
import { type NetworkOutputs } from './outputs';
import { NAT_GATEWAY_STRATEGIES, subnetSpecs } from './vpc-layout';
import { createVpcFlowLogs } from './vpc-flow-logs';
import { createWorkloadSecurityGroups } from './workload-security-groups';

/** The stack outputs as the program returns them: each contract value, possibly still an output. */
export type NetworkProgramOutputs = { readonly [Key in keyof NetworkOutputs]: pulumi.Input<NetworkOutputs[Key]> };

/**
 * The network stack: a VPC from `awsx.ec2.Vpc` (the VPC, a private and, behind the internet gateway, a public subnet
 * per availability zone, a route table per subnet, NAT gateways as configured), restrictive network ACLs, flow logs of
 * all traffic, a closed default security group and default NACL, the bastion and application security groups, and S3
 * and DynamoDB gateway endpoints on the private route tables. awsx builds its children in the awsx provider; the
 * offline engine expands them from its model of awsx 3.9.0, so the policy pack sees them as a real preview does.
 */
export function program(): NetworkProgramOutputs {
  const config = loadNetworkConfig();
  const { network } = config;
  const provider = createAwsProvider(config);
  const opts = { provider };

  // The component's name is its EC2 Name tag and the prefix of its children's (`bulwark-dev-vpc-private-1a`).
  const vpc = new awsx.ec2.Vpc(
    physicalName(config, 'ec2-name-tag', 'vpc'),
    {
      cidrBlock: network.vpcCidr,
      availabilityZoneNames: [...network.availabilityZones],
      enableDnsSupport: true,
      enableDnsHostnames: true,
      subnetStrategy: 'Auto',
      subnetSpecs: subnetSpecs(config),
      subnetNameTagStrategy: 'AvailabilityZone',
      natGateways: { strategy: NAT_GATEWAY_STRATEGIES[network.natGateways] },
    },
    { providers: { aws: provider } },
  );

  // Through the VPC resource itself (not the component's `vpcId` output), so what uses the VPC depends on the
  // aws:ec2/vpc:Vpc child: the policy pack links a flow log to its VPC by that dependency, also in a first preview.
  const vpcId = vpc.vpc.id;

  // The default security group and NACL admit traffic until told otherwise; with no rules both deny everything,
  // so a resource launched without an explicit group or subnet association gets no network at all.
  new aws.ec2.DefaultSecurityGroup('default', { vpcId, tags: nameTag(config, 'default-closed') }, opts);
  new aws.ec2.DefaultNetworkAcl('default', { defaultNetworkAclId: vpc.vpc.defaultNetworkAclId, tags: nameTag(config, 'default-closed') }, opts);

  createNetworkAcl('private', vpcId, vpc.privateSubnetIds, privateNetworkAclRules(network), config, provider);
  if (network.internetGateway) createNetworkAcl('public', vpcId, vpc.publicSubnetIds, publicNetworkAclRules(network), config, provider);

  const flowLogs = createVpcFlowLogs(config, vpcId, provider);
  const securityGroups = createWorkloadSecurityGroups(
    { naming: config, vpcId, vpcCidr: network.vpcCidr, sshAllowedCidrs: network.sshAllowedCidrs, appPorts: network.appPorts },
    provider,
  );

  // awsx gives every subnet its own route table, tagged with the subnet's type; the private ones, in zone order,
  // carry the NAT routes and the gateway endpoints.
  const privateRouteTableIds = vpc.routeTables.apply((tables) =>
    pulumi.all(tables.map((table) => pulumi.all([table.id, table.tags]))).apply((entries) =>
      entries.filter(([, tags]) => tags?.SubnetType === 'Private').map(([id]) => id),
    ),
  );
  // Gateway endpoints keep S3 and DynamoDB traffic of private subnets off the NAT gateway and the internet.
  const gatewayEndpoint = (service: 's3' | 'dynamodb') =>
    new aws.ec2.VpcEndpoint(
      service,
      {
        vpcId,
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
    vpcId,
    vpcCidr: network.vpcCidr,
    availabilityZones: [...network.availabilityZones],
    privateSubnetIds: vpc.privateSubnetIds,
    publicSubnetIds: vpc.publicSubnetIds,
    privateRouteTableIds,
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

function createNetworkAcl(
  tier: 'public' | 'private',
  vpcId: pulumi.Input<string>,
  subnetIds: pulumi.Input<pulumi.Input<string>[]>,
  rules: NetworkAclRules,
  config: NetworkConfig,
  provider: aws.Provider,
): aws.ec2.NetworkAcl {
  return new aws.ec2.NetworkAcl(
    tier,
    {
      vpcId,
      subnetIds,
      ingress: rules.ingress.map((entry) => ({ ...entry })),
      egress: rules.egress.map((entry) => ({ ...entry })),
      tags: nameTag(config, tier),
    },
    { provider },
  );
}
