/**
 * `awsx:ec2:Vpc`: what the awsx provider registers for a VPC. The `aws:ec2/vpc:Vpc` under the component, an
 * internet gateway under the VPC (always, even with only isolated subnets: AWS does not charge for it), per zone
 * and subnet spec a subnet with its route table, association and route (to the gateway for public subnets, to a
 * NAT gateway for private ones, none for isolated), NAT gateways and their elastic IPs by `natGateways.strategy`
 * (`OnePerAz` by default: one in each zone's first public subnet; `Single`; `None`), and the VPC endpoints of
 * `vpcEndpointSpecs` (with a security group for `Auto` interface endpoints). Names, parents, dependencies, tags
 * and CIDR blocks are the provider's; see `subnet-allocation.ts` for the blocks.
 */
import { type WireValue } from '../../types';
import { type ComponentBuilder, type ModelValue, type ResourceHandle } from '../component-builder';
import { type ComponentInputs } from '../component-inputs';
import { type ComponentModel, type ComponentOutputs } from '../component-model';
import { ComponentArgumentError, UndecidableInputError } from '../model-errors';
import { derive, TracedValue } from '../traced-value';
import {
  planSubnets,
  validateAzSuffixes,
  type NameTagStrategy,
  type SubnetSpecArgs,
  type SubnetStrategy,
} from './subnet-allocation';

/** How many availability zones the offline engine's `getAvailabilityZones` answers with, for any region. */
const EMULATED_ZONES = 3;

const SUBNET = 'aws:ec2/subnet:Subnet';

/** The VPC's subnet specs, with what decides the layout (tags and IPv6 settings stay inputs, read by index). */
function subnetSpecs(inputs: ComponentInputs): SubnetSpecArgs[] | undefined {
  if (!inputs.has('subnetSpecs')) return undefined;
  return Array.from({ length: inputs.decideLength('subnetSpecs') }, (_unused, index) => {
    const at = (property: string) => ['subnetSpecs', index, property] as const;
    const type = inputs.decideString(...at('type'));
    if (type === undefined) throw new ComponentArgumentError(`subnetSpecs[${index}] has no type`);
    const name = inputs.decideString(...at('name'));
    const cidrMask = inputs.decideNumber(...at('cidrMask'));
    const size = inputs.decideNumber(...at('size'));
    const cidrBlocks = inputs.decide(...at('cidrBlocks'));
    return {
      type,
      ...(name !== undefined ? { name } : {}),
      ...(cidrMask !== undefined ? { cidrMask } : {}),
      ...(size !== undefined ? { size } : {}),
      ...(cidrBlocks !== undefined ? { cidrBlocks: cidrBlocks as string[] } : {}),
      source: index,
    };
  });
}

/** The zones the subnets go into: the given names, else the first N the region offers. */
function availabilityZones(build: ComponentBuilder, inputs: ComponentInputs): string[] {
  if (inputs.isTruthy('availabilityZoneNames') && inputs.isTruthy('numberOfAvailabilityZones')) {
    throw new ComponentArgumentError('Only one of [availabilityZoneNames] and [numberOfAvailabilityZones] can be specified');
  }
  if (inputs.isTruthy('availabilityZoneNames')) return inputs.decide('availabilityZoneNames') as string[];
  const desired = inputs.decideNumber('numberOfAvailabilityZones') ?? 3;
  if (desired > EMULATED_ZONES) {
    throw new UndecidableInputError(
      'numberOfAvailabilityZones',
      `asks for ${desired} availability zones, more than the ${EMULATED_ZONES} the offline engine knows per region (give availabilityZoneNames instead)`,
    );
  }
  if (inputs.has('region') && !inputs.value('region')?.known) {
    throw new ComponentArgumentError(
      'Vpc.region must be a plain string when availabilityZoneNames is not set. If region is dynamic, specify availabilityZoneNames explicitly.',
    );
  }
  const region = inputs.decideString('region');
  const zones = build.invoke('aws:index/getAvailabilityZones:getAvailabilityZones', region ? { region } : {});
  return (zones['names'] as string[]).slice(0, desired);
}

function validateElasticIps(strategy: string, count: number, azCount: number): void {
  switch (strategy.toLowerCase()) {
    case 'none':
      if (count > 0) throw new ComponentArgumentError(`Elastic IP allocation IDs cannot be specified when NAT Gateway strategy is '${strategy}'.`);
      return;
    case 'single':
      if (count > 1) throw new ComponentArgumentError(`Exactly one Elastic IP may be specified when NAT Gateway strategy is '${strategy}'.`);
      return;
    case 'oneperaz':
      if (count > 0 && count !== azCount) {
        throw new ComponentArgumentError(
          `The number of Elastic IPs, if specified, must match the number of availability zones for the VPC (${azCount}) when NAT Gateway strategy is '${strategy}'`,
        );
      }
      return;
    default:
      throw new ComponentArgumentError(`Unknown NatGatewayStrategy '${strategy}'`);
  }
}

/** Public subnets first, then private, then isolated: NAT gateways exist before the private routes need them. */
function compareSubnetTypes(a: { type: string }, b: { type: string }): number {
  if (a.type === b.type) return 0;
  if (a.type.toLowerCase() === 'public') return -1;
  if (a.type.toLowerCase() === 'private' && b.type.toLowerCase() === 'public') return 1;
  if (a.type.toLowerCase() === 'private' && b.type.toLowerCase() === 'isolated') return -1;
  return 1;
}

function shouldCreateNatGateway(strategy: string, existing: number, azIndex: number): boolean {
  switch (strategy.toLowerCase()) {
    case 'single':
      return existing < 1;
    case 'oneperaz':
      return existing < azIndex + 1;
    default:
      return false;
  }
}

/** The /64 of a /56 VPC block that the `index`-th subnet gets (the provider's classic mapping). */
export function ipv6SubnetBlock(vpcCidr: string, index: number): string {
  const [address = '', mask] = vpcCidr.split('/');
  if (mask !== '56') throw new ComponentArgumentError(`VPC must be a /56 block (got /${mask})`);
  if (!Number.isInteger(index) || index < 0 || index > 0xff) throw new ComponentArgumentError('index must be an integer from 0-255');
  const hextets = address.split(':');
  const existing = Number.parseInt(hextets[3] ?? '', 16);
  if (hextets.length < 4 || Number.isNaN(existing)) throw new ComponentArgumentError(`Vpc ipv6 cidr block was not in an expected form: ${vpcCidr}`);
  return `${hextets.slice(0, 3).join(':')}:${((existing & 0xff00) | index).toString(16)}::/64`;
}

/** `vpcEndpointType` as the Auto strategy reads it: `gateway` when not given, undefined when not a plain string. */
function endpointType(inputs: ComponentInputs, index: number): string | undefined {
  const type = inputs.value('vpcEndpointSpecs', index, 'vpcEndpointType');
  if (type === undefined) return 'gateway';
  return typeof type.value === 'string' && type.known ? type.value.toLowerCase() : undefined;
}

interface EndpointSpec {
  readonly index: number;
  readonly serviceName: string;
  readonly type: string | undefined;
}

/** `enableDnsHostnames` and `enableDnsSupport`: on by default when an Auto interface endpoint wants private DNS. */
function dnsSettings(inputs: ComponentInputs, strategy: string, endpoints: readonly EndpointSpec[]): { hostnames?: TracedValue; support?: TracedValue } {
  const given = { hostnames: inputs.value('enableDnsHostnames'), support: inputs.value('enableDnsSupport') };
  if (strategy !== 'Auto') return given;
  const wantsPrivateDns = endpoints.some(({ index, type }) => {
    const privateDns = inputs.decide('vpcEndpointSpecs', index, 'privateDnsEnabled');
    return type === 'interface' && (privateDns === undefined || privateDns === true);
  });
  if (!wantsPrivateDns) return given;
  for (const [name, value] of [['enableDnsHostnames', given.hostnames], ['enableDnsSupport', given.support]] as const) {
    if (value?.known && value.value === false) {
      throw new ComponentArgumentError(`vpcEndpointStrategy "Auto" requires ${name} to be true when Interface endpoint private DNS is enabled.`);
    }
  }
  return { hostnames: given.hostnames ?? TracedValue.of(true), support: given.support ?? TracedValue.of(true) };
}

interface BuiltSubnet {
  readonly handle: ResourceHandle;
  readonly type: string;
  readonly azName: string;
}

function expandVpc(build: ComponentBuilder, inputs: ComponentInputs): ComponentOutputs {
  const name = build.component.name;
  if (inputs.has('ipv4IpamPoolId')) {
    if (inputs.has('cidrBlock') && inputs.has('ipv4NetmaskLength')) throw new ComponentArgumentError("Only one of 'cidrBlock', 'ipv4NetmaskLength' is allowed.");
    if (!inputs.has('cidrBlock') && !inputs.has('ipv4NetmaskLength')) {
      throw new ComponentArgumentError("If 'ipv4IpamPoolId' is specified, 'ipv4NetmaskLength' or 'cidrBlock' must also be specified.");
    }
  }
  const endpointStrategy = inputs.decideString('vpcEndpointStrategy') ?? 'Legacy';
  const endpoints: EndpointSpec[] = Array.from({ length: inputs.decideLength('vpcEndpointSpecs') }, (_unused, index) => {
    const serviceName = inputs.decideString('vpcEndpointSpecs', index, 'serviceName');
    if (serviceName === undefined) throw new ComponentArgumentError(`vpcEndpointSpecs[${index}] has no serviceName`);
    const type = endpointType(inputs, index);
    if (endpointStrategy === 'Auto' && type === undefined) {
      throw new ComponentArgumentError(
        `vpcEndpointStrategy "Auto" requires vpcEndpointType for endpoint "${serviceName}" to be omitted or a plain string. Use vpcEndpointStrategy "Legacy" for dynamic endpoint types.`,
      );
    }
    return { index, serviceName, type };
  });
  const dns = dnsSettings(inputs, endpointStrategy, endpoints);
  const azNames = availabilityZones(build, inputs);
  const natStrategy = inputs.decideString('natGateways', 'strategy') ?? 'OnePerAz';
  const allocationIdCount = inputs.decideLength('natGateways', 'elasticIpAllocationIds');
  validateElasticIps(natStrategy, allocationIdCount, azNames.length);
  const subnetStrategy = (inputs.decideString('subnetStrategy') ?? 'Legacy') as SubnetStrategy;
  const nameTagStrategy = (inputs.decideString('subnetNameTagStrategy') ?? 'Legacy') as NameTagStrategy;
  if (nameTagStrategy === 'AvailabilityZone') validateAzSuffixes(azNames);
  const vpcAssignsIpv6 = inputs.value('assignGeneratedIpv6CidrBlock') ?? TracedValue.of(false);
  const userTags = inputs.entries('tags');
  const sharedTags: Record<string, ModelValue> = { Name: name, ...userTags };

  let cidrBlock: TracedValue;
  if (inputs.has('cidrBlock')) {
    if (!inputs.value('cidrBlock')?.known) throw new UndecidableInputError('cidrBlock');
    cidrBlock = inputs.value('cidrBlock') as TracedValue;
  } else if (inputs.has('ipv4IpamPoolId')) {
    if (subnetStrategy === 'Legacy') {
      throw new ComponentArgumentError('Dynamically allocated cidrBlock ranges are not supported with subnetStrategy="Legacy". "Try using subnetStrategy="Auto"');
    }
    throw new UndecidableInputError('cidrBlock', 'is left to IPAM (ipv4IpamPoolId), which allocates it only when the VPC is created');
  } else {
    cidrBlock = TracedValue.of('10.0.0.0/16');
  }
  if (subnetStrategy === 'Legacy' && cidrBlock.dependencies.length > 0) {
    // With dependencies the provider receives the block as an Output, which the Legacy allocator refuses.
    throw new ComponentArgumentError('Dynamically allocated cidrBlock ranges are not supported with subnetStrategy="Legacy". "Try using subnetStrategy="Auto"');
  }
  const plan = planSubnets({
    vpcName: name,
    vpcCidr: cidrBlock.value as string,
    azNames,
    strategy: subnetStrategy,
    ...(inputs.has('subnetSpecs') ? { specs: subnetSpecs(inputs) } : {}),
    ...(inputs.has('availabilityZoneCidrMask') ? { azCidrMask: inputs.decideNumber('availabilityZoneCidrMask') } : {}),
    nameTagStrategy,
    natGatewayStrategy: natStrategy,
  });

  const vpc = build.child('aws:ec2/vpc:Vpc', name, {
    ...inputs.values(),
    enableDnsHostnames: dns.hostnames,
    enableDnsSupport: dns.support,
    cidrBlock,
    tags: sharedTags,
  });
  const region = inputs.value('region');
  const underVpc = { parent: vpc, dependsOn: [vpc] };
  const internetGateway = build.child('aws:ec2/internetGateway:InternetGateway', name, { region, vpcId: vpc.id, tags: sharedTags }, underVpc);

  const subnets: BuiltSubnet[] = [];
  const routeTables: ResourceHandle[] = [];
  const routeTableAssociations: ResourceHandle[] = [];
  const routes: ResourceHandle[] = [];
  const natGateways: ResourceHandle[] = [];
  const eips: ResourceHandle[] = [];
  azNames.forEach((azName, azIndex) => {
    let subnetIndex = azIndex;
    const inZone = plan.subnets.filter((subnet) => subnet.azName === azName && subnet.type !== 'Unused').sort(compareSubnetTypes);
    for (const spec of inZone) {
      const type = spec.type.toLowerCase();
      const specAssigns = spec.source === undefined ? undefined : inputs.value('subnetSpecs', spec.source, 'assignIpv6AddressOnCreation');
      const assignIpv6 = derive([specAssigns, vpcAssignsIpv6], (subnet, vpcLevel) => subnet ?? vpcLevel ?? false);
      const index = subnetIndex;
      const ipv6CidrBlock = derive([vpc.output('ipv6CidrBlock'), assignIpv6], (vpcIpv6, assign) => {
        if (!assign) return undefined;
        if (!vpcIpv6) {
          throw new ComponentArgumentError(
            'Subnets with assignIpv6AddressOnCreation=true require the VPC to have an IPv6 CIDR block. Set assignGeneratedIpv6CidrBlock=true or provide ipv6CidrBlock.',
          );
        }
        return ipv6SubnetBlock(String(vpcIpv6), index);
      });
      const specTags = spec.source === undefined ? {} : inputs.entries('subnetSpecs', spec.source, 'tags');
      const subnet = build.child(
        SUBNET,
        spec.resourceName,
        {
          region,
          vpcId: vpc.id,
          availabilityZone: spec.azName,
          mapPublicIpOnLaunch: type === 'public',
          // Derived from the VPC block, so it carries the block's dependencies as the provider's Output does.
          cidrBlock: derive([cidrBlock], () => spec.cidrBlock),
          assignIpv6AddressOnCreation: assignIpv6,
          ipv6CidrBlock,
          tags: { ...sharedTags, ...specTags, Name: spec.nameTag, SubnetType: spec.type },
        },
        underVpc,
      );
      subnetIndex += azNames.length;
      subnets.push({ handle: subnet, type, azName: spec.azName });

      const routeTable = build.child(
        'aws:ec2/routeTable:RouteTable',
        spec.resourceName,
        { region, vpcId: vpc.id, tags: { ...sharedTags, Name: spec.nameTag, SubnetType: spec.type } },
        { parent: subnet, dependsOn: [subnet] },
      );
      routeTables.push(routeTable);
      const underRouteTable = { parent: routeTable, dependsOn: [routeTable] };
      routeTableAssociations.push(
        build.child(
          'aws:ec2/routeTableAssociation:RouteTableAssociation',
          spec.resourceName,
          { region, routeTableId: routeTable.id, subnetId: subnet.id },
          underRouteTable,
        ),
      );

      if (type === 'public' && shouldCreateNatGateway(natStrategy, natGateways.length, azIndex)) {
        const natName = `${name}-${azIndex + 1}`;
        const natTags = { ...userTags, Name: natName };
        const createEip = allocationIdCount === 0;
        if (createEip) eips.push(build.child('aws:ec2/eip:Eip', natName, { region, tags: natTags }, { parent: subnet, dependsOn: [subnet] }));
        const eip = eips[azIndex];
        if (createEip && eip === undefined) throw new ComponentArgumentError("Cannot read properties of undefined (reading 'allocationId')");
        natGateways.push(
          build.child(
            'aws:ec2/natGateway:NatGateway',
            natName,
            {
              region,
              subnetId: subnet.id,
              allocationId: createEip ? eip!.output('allocationId') : inputs.value('natGateways', 'elasticIpAllocationIds', azIndex),
              tags: natTags,
            },
            { parent: subnet, dependsOn: [subnet] },
          ),
        );
      }

      if (type === 'public') {
        routes.push(
          build.child(
            'aws:ec2/route:Route',
            spec.resourceName,
            { region, routeTableId: routeTable.id, gatewayId: internetGateway.id, destinationCidrBlock: '0.0.0.0/0' },
            underRouteTable,
          ),
        );
      } else if (type === 'private' && natStrategy.toLowerCase() !== 'none') {
        const natGateway = natStrategy.toLowerCase() === 'single' ? natGateways[0] : natGateways[azIndex];
        if (natGateway === undefined) throw new ComponentArgumentError("Cannot read properties of undefined (reading 'id')");
        routes.push(
          build.child(
            'aws:ec2/route:Route',
            spec.resourceName,
            { region, routeTableId: routeTable.id, natGatewayId: natGateway.id, destinationCidrBlock: '0.0.0.0/0' },
            underRouteTable,
          ),
        );
      }
    }
  });

  const vpcEndpoints = endpoints.map((endpoint) => buildEndpoint(build, inputs, endpoint, { endpointStrategy, vpc, azNames, subnets, routeTables, sharedTags }));

  const ids = (type: string) => subnets.filter((subnet) => subnet.type === type).map((subnet) => subnet.handle.id);
  const handles = (type: string) => subnets.filter((subnet) => subnet.type === type).map((subnet) => subnet.handle);
  const layout: WireValue[] = plan.layout.map((entry) => {
    const wire: { [key: string]: WireValue } = { type: entry.type };
    if (entry.name !== undefined) wire['name'] = entry.name;
    if (entry.cidrBlocks !== undefined) wire['cidrBlocks'] = [...entry.cidrBlocks];
    if (entry.cidrMask !== undefined) wire['cidrMask'] = entry.cidrMask;
    if (entry.size !== undefined) wire['size'] = entry.size;
    return wire;
  });
  return {
    vpc,
    subnets: subnets.map((subnet) => subnet.handle),
    publicSubnets: handles('public'),
    privateSubnets: handles('private'),
    isolatedSubnets: subnets.filter((subnet) => subnet.type !== 'public' && subnet.type !== 'private').map((subnet) => subnet.handle),
    routeTables,
    routes,
    routeTableAssociations,
    internetGateway,
    natGateways,
    eips,
    subnetLayout: layout,
    publicSubnetIds: ids('public'),
    privateSubnetIds: ids('private'),
    isolatedSubnetIds: subnets.filter((subnet) => subnet.type !== 'public' && subnet.type !== 'private').map((subnet) => subnet.handle.id),
    vpcEndpoints,
    vpcId: vpc.id,
  };
}

interface EndpointContext {
  readonly endpointStrategy: string;
  readonly vpc: ResourceHandle;
  readonly azNames: readonly string[];
  readonly subnets: readonly BuiltSubnet[];
  readonly routeTables: readonly ResourceHandle[];
  readonly sharedTags: Record<string, ModelValue>;
}

/** One VPC endpoint; an Auto interface endpoint also gets subnets, private DNS and a security group by default. */
function buildEndpoint(build: ComponentBuilder, inputs: ComponentInputs, endpoint: EndpointSpec, context: EndpointContext): ResourceHandle {
  const { endpointStrategy, vpc, sharedTags } = context;
  const at = (property: string) => inputs.value('vpcEndpointSpecs', endpoint.index, property);
  const given = (property: string) => inputs.has('vpcEndpointSpecs', endpoint.index, property);
  const region = at('region') ?? inputs.value('region');
  const autoInterface = endpointStrategy === 'Auto' && endpoint.type === 'interface';
  const autoGateway = endpointStrategy === 'Auto' && endpoint.type === 'gateway';
  const tags = { ...sharedTags, ...inputs.entries('vpcEndpointSpecs', endpoint.index, 'tags') };

  let subnetIds: ModelValue = at('subnetIds');
  if (autoInterface && !given('subnetIds') && !given('subnetConfigurations')) {
    // One subnet per zone, private preferred, then isolated, then public.
    subnetIds = context.azNames.flatMap((azName) => {
      for (const type of ['private', 'isolated', 'public']) {
        const subnet = context.subnets.find((candidate) => candidate.azName === azName && candidate.type === type);
        if (subnet) return [subnet.handle.id];
      }
      return [];
    });
  }
  let securityGroupIds: ModelValue = at('securityGroupIds');
  if (autoInterface && !given('securityGroupIds')) {
    const securityGroup = build.child(
      'aws:ec2/securityGroup:SecurityGroup',
      `${endpoint.serviceName}-sg`,
      { region, vpcId: vpc.id, tags },
      { parent: vpc, dependsOn: [vpc] },
    );
    const addressType = at('ipAddressType');
    const ipv6 = addressType?.known && typeof addressType.value === 'string' && ['ipv6', 'dualstack'].includes(addressType.value.toLowerCase());
    build.child(
      'aws:ec2/securityGroupRule:SecurityGroupRule',
      `${endpoint.serviceName}-ingress`,
      {
        region,
        type: 'ingress',
        securityGroupId: securityGroup.id,
        protocol: 'tcp',
        fromPort: 443,
        toPort: 443,
        cidrBlocks: [vpc.output('cidrBlock')],
        ...(ipv6 ? { ipv6CidrBlocks: [vpc.output('ipv6CidrBlock')] } : {}),
      },
      { parent: vpc, dependsOn: [securityGroup] },
    );
    securityGroupIds = [securityGroup.id];
  }
  const routeTableIds: ModelValue = autoGateway && !given('routeTableIds') ? context.routeTables.map((table) => table.id) : at('routeTableIds');
  const privateDnsEnabled: ModelValue = autoInterface && !given('privateDnsEnabled') ? true : at('privateDnsEnabled');
  return build.child(
    'aws:ec2/vpcEndpoint:VpcEndpoint',
    endpoint.serviceName,
    {
      autoAccept: at('autoAccept'),
      dnsOptions: at('dnsOptions'),
      ipAddressType: at('ipAddressType'),
      policy: at('policy'),
      privateDnsEnabled,
      region,
      resourceConfigurationArn: at('resourceConfigurationArn'),
      routeTableIds,
      securityGroupIds,
      serviceName: at('serviceName'),
      serviceNetworkArn: at('serviceNetworkArn'),
      serviceRegion: at('serviceRegion'),
      subnetConfigurations: at('subnetConfigurations'),
      subnetIds,
      tags,
      vpcEndpointType: at('vpcEndpointType'),
      vpcId: vpc.id,
    },
    { parent: vpc, dependsOn: [vpc] },
  );
}

export const vpcModel: ComponentModel = { type: 'awsx:ec2:Vpc', expand: expandVpc };
