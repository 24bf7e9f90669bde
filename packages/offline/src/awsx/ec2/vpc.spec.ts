import * as aws from '@pulumi/aws';
import * as awsx from '@pulumi/awsx';
import * as pulumi from '@pulumi/pulumi';
import { ProgramError, runProgram } from '../../engine/run-program';
import { UNKNOWN, type ResourceRecord } from '../../types';
import { childrenOf, PROJECT, recordOf, runBothModes, typesAndNames } from '../testing/component-records';

const VPC = 'awsx:ec2:Vpc';
const vpcChildren = (args: awsx.ec2.VpcArgs, opts?: pulumi.ComponentResourceOptions) => runBothModes(() => void new awsx.ec2.Vpc('main', args, opts));

/** A child's type without the `aws:ec2/...:` prefix, and its name: how the tables below list children. */
const short = (records: readonly ResourceRecord[]) => typesAndNames(records).map(([type, name]) => `${type.split(':').pop()} ${name}`);

describe('awsx:ec2:Vpc', () => {
  describe('with numberOfAvailabilityZones: 2 (defaults everywhere else)', () => {
    const program = () => {
      const vpc = new awsx.ec2.Vpc('main', { numberOfAvailabilityZones: 2 });
      const appSecurityGroup = new aws.ec2.SecurityGroup('app', { vpcId: vpc.vpcId });
      return {
        vpcId: vpc.vpcId,
        privateSubnetIds: vpc.privateSubnetIds,
        publicSubnetIds: vpc.publicSubnetIds,
        isolatedSubnetIds: vpc.isolatedSubnetIds,
        cidrBlock: vpc.vpc.cidrBlock,
        zones: vpc.publicSubnets.apply((subnets) => pulumi.all(subnets.map((subnet) => subnet.availabilityZone))),
        natGatewayCount: vpc.natGateways.apply((gateways) => gateways.length),
        layout: vpc.subnetLayout,
        appVpcId: appSecurityGroup.vpcId,
      };
    };

    it('builds what the provider builds: the VPC, its gateway, per zone a public and a private subnet with route tables, routes, an EIP and a NAT gateway', async () => {
      const { preview, update } = await runBothModes(program);
      for (const result of [preview, update]) {
        expect(short(childrenOf(result, VPC, 'main'))).toEqual([
          'Vpc main',
          'InternetGateway main',
          'Subnet main-public-1',
          'RouteTable main-public-1',
          'RouteTableAssociation main-public-1',
          'Eip main-1',
          'NatGateway main-1',
          'Route main-public-1',
          'Subnet main-private-1',
          'RouteTable main-private-1',
          'RouteTableAssociation main-private-1',
          'Route main-private-1',
          'Subnet main-public-2',
          'RouteTable main-public-2',
          'RouteTableAssociation main-public-2',
          'Eip main-2',
          'NatGateway main-2',
          'Route main-public-2',
          'Subnet main-private-2',
          'RouteTable main-private-2',
          'RouteTableAssociation main-private-2',
          'Route main-private-2',
        ]);
        expect(result.expandedComponents).toEqual([{ urn: `urn:pulumi:dev::${PROJECT}::awsx:ec2:Vpc::main`, type: VPC, modelVersion: '3.9.0', childCount: 22 }]);
      }
    });

    it('parents each child as the provider does, with engine URNs carrying the parent type chain', async () => {
      const { preview } = await runBothModes(program);
      const component = recordOf(preview, VPC, 'main');
      expect(component).toMatchObject({ custom: false, inputs: { numberOfAvailabilityZones: 2 } });
      const vpc = recordOf(preview, 'aws:ec2/vpc:Vpc', 'main');
      expect(vpc.urn).toBe(`urn:pulumi:dev::${PROJECT}::awsx:ec2:Vpc$aws:ec2/vpc:Vpc::main`);
      expect(vpc.parent).toBe(component.urn);
      const subnet = recordOf(preview, 'aws:ec2/subnet:Subnet', 'main-private-1');
      expect(subnet.parent).toBe(vpc.urn);
      const routeTable = recordOf(preview, 'aws:ec2/routeTable:RouteTable', 'main-private-1');
      expect(routeTable.parent).toBe(subnet.urn);
      expect(recordOf(preview, 'aws:ec2/route:Route', 'main-private-1').urn).toBe(
        `urn:pulumi:dev::${PROJECT}::awsx:ec2:Vpc$aws:ec2/vpc:Vpc$aws:ec2/subnet:Subnet$aws:ec2/routeTable:RouteTable$aws:ec2/route:Route::main-private-1`,
      );
      expect(recordOf(preview, 'aws:ec2/natGateway:NatGateway', 'main-1').parent).toBe(recordOf(preview, 'aws:ec2/subnet:Subnet', 'main-public-1').urn);
      // Children are on the default aws provider for the @pulumi/aws version the awsx provider is built with.
      expect(vpc.provider).toBe(`urn:pulumi:dev::${PROJECT}::pulumi:providers:aws::default_7_43_0::aws-default-provider`);
    });

    it('gives the children the provider’s inputs: CIDR blocks of the Legacy strategy, tags, routes', async () => {
      const { preview } = await runBothModes(program);
      const inputs = (type: string, name: string) => recordOf(preview, type, name).inputs;
      expect(inputs('aws:ec2/vpc:Vpc', 'main')).toEqual({ cidrBlock: '10.0.0.0/16', tags: { Name: 'main' } });
      expect(inputs('aws:ec2/subnet:Subnet', 'main-private-1')).toEqual({
        assignIpv6AddressOnCreation: false,
        availabilityZone: 'us-east-1a',
        cidrBlock: '10.0.0.0/18',
        ipv6CidrBlock: UNKNOWN,
        mapPublicIpOnLaunch: false,
        tags: { Name: 'main-private-1', SubnetType: 'Private' },
        vpcId: UNKNOWN,
      });
      expect(inputs('aws:ec2/subnet:Subnet', 'main-public-2')).toMatchObject({ availabilityZone: 'us-east-1b', cidrBlock: '10.0.192.0/19', mapPublicIpOnLaunch: true });
      expect(inputs('aws:ec2/route:Route', 'main-public-1')).toEqual({ destinationCidrBlock: '0.0.0.0/0', gatewayId: UNKNOWN, routeTableId: UNKNOWN });
      expect(inputs('aws:ec2/route:Route', 'main-private-2')).toEqual({ destinationCidrBlock: '0.0.0.0/0', natGatewayId: UNKNOWN, routeTableId: UNKNOWN });
      expect(inputs('aws:ec2/eip:Eip', 'main-2')).toEqual({ tags: { Name: 'main-2' } });
    });

    it('records property dependencies and dependencies where one child’s input is another’s output', async () => {
      const { preview, update } = await runBothModes(program);
      for (const result of [preview, update]) {
        const urn = (type: string, name: string) => recordOf(result, type, name).urn;
        const subnet = recordOf(result, 'aws:ec2/subnet:Subnet', 'main-private-1');
        expect(subnet.propertyDependencies['vpcId']).toEqual([urn('aws:ec2/vpc:Vpc', 'main')]);
        expect(subnet.propertyDependencies['cidrBlock']).toEqual([]);
        expect(subnet.dependencies).toEqual([urn('aws:ec2/vpc:Vpc', 'main')]);
        const route = recordOf(result, 'aws:ec2/route:Route', 'main-private-1');
        expect(route.propertyDependencies).toEqual({
          destinationCidrBlock: [],
          natGatewayId: [urn('aws:ec2/natGateway:NatGateway', 'main-1')],
          routeTableId: [urn('aws:ec2/routeTable:RouteTable', 'main-private-1')],
        });
        expect(recordOf(result, 'aws:ec2/natGateway:NatGateway', 'main-2').propertyDependencies['allocationId']).toEqual([urn('aws:ec2/eip:Eip', 'main-2')]);
      }
    });

    it('resolves ids by mode: unknown in a preview, the created ones in an update', async () => {
      const { preview, update } = await runBothModes(program);
      expect(recordOf(preview, 'aws:ec2/subnet:Subnet', 'main-public-1').inputs['vpcId']).toBe(UNKNOWN);
      const vpcId = recordOf(update, 'aws:ec2/vpc:Vpc', 'main').id;
      expect(vpcId).toMatch(/^vpc-[0-9a-f]{17}$/);
      expect(recordOf(update, 'aws:ec2/subnet:Subnet', 'main-public-1').inputs['vpcId']).toBe(vpcId);
      const eip = recordOf(update, 'aws:ec2/eip:Eip', 'main-1');
      expect(recordOf(update, 'aws:ec2/natGateway:NatGateway', 'main-1').inputs['allocationId']).toBe(eip.id);
    });

    it('answers with the component’s outputs, so downstream resources and exports see them in both modes', async () => {
      const { preview, update } = await runBothModes(program);
      expect(preview.outputs).toMatchObject({ vpcId: UNKNOWN, privateSubnetIds: UNKNOWN, appVpcId: UNKNOWN, cidrBlock: '10.0.0.0/16', zones: ['us-east-1a', 'us-east-1b'] });
      const app = recordOf(preview, 'aws:ec2/securityGroup:SecurityGroup', 'app');
      expect(app.propertyDependencies['vpcId']).toEqual([recordOf(preview, VPC, 'main').urn]);
      const subnetId = (name: string) => recordOf(update, 'aws:ec2/subnet:Subnet', name).id;
      expect(update.outputs).toEqual({
        vpcId: recordOf(update, 'aws:ec2/vpc:Vpc', 'main').id,
        privateSubnetIds: [subnetId('main-private-1'), subnetId('main-private-2')],
        publicSubnetIds: [subnetId('main-public-1'), subnetId('main-public-2')],
        isolatedSubnetIds: [],
        cidrBlock: '10.0.0.0/16',
        zones: ['us-east-1a', 'us-east-1b'],
        natGatewayCount: 2,
        // awsx reads "the first zone" of the Legacy layout as the first half of its list: both private subnets.
        layout: [
          { type: 'Private', cidrMask: 18 },
          { type: 'Unused', cidrMask: 18 },
          { type: 'Private', cidrMask: 18 },
        ],
        appVpcId: recordOf(update, 'aws:ec2/vpc:Vpc', 'main').id,
      });
    });
  });

  // The args → children table for the other settings; each row runs in both modes.
  it.each<[string, awsx.ec2.VpcArgs, string[], (record: (type: string, name: string) => ResourceRecord) => void]>([
    [
      'named zones, a Single NAT gateway and tags',
      { availabilityZoneNames: ['eu-west-1a', 'eu-west-1c'], natGateways: { strategy: 'Single' }, tags: { Env: 'prod' } },
      [
        'Vpc main',
        'InternetGateway main',
        'Subnet main-public-1',
        'RouteTable main-public-1',
        'RouteTableAssociation main-public-1',
        'Eip main-1',
        'NatGateway main-1',
        'Route main-public-1',
        'Subnet main-private-1',
        'RouteTable main-private-1',
        'RouteTableAssociation main-private-1',
        'Route main-private-1',
        'Subnet main-public-2',
        'RouteTable main-public-2',
        'RouteTableAssociation main-public-2',
        'Route main-public-2',
        'Subnet main-private-2',
        'RouteTable main-private-2',
        'RouteTableAssociation main-private-2',
        'Route main-private-2',
      ],
      (record) => {
        expect(record('aws:ec2/subnet:Subnet', 'main-private-2').inputs).toMatchObject({
          availabilityZone: 'eu-west-1c',
          tags: { Env: 'prod', Name: 'main-private-2', SubnetType: 'Private' },
        });
        expect(record('aws:ec2/vpc:Vpc', 'main').inputs['tags']).toEqual({ Env: 'prod', Name: 'main' });
        expect(record('aws:ec2/eip:Eip', 'main-1').inputs['tags']).toEqual({ Env: 'prod', Name: 'main-1' });
        // Both zones' private subnets route through the single gateway.
        expect(record('aws:ec2/route:Route', 'main-private-2').propertyDependencies['natGatewayId']).toEqual([record('aws:ec2/natGateway:NatGateway', 'main-1').urn]);
      },
    ],
    [
      'no NAT gateways, Auto strategy, private and isolated subnets',
      { numberOfAvailabilityZones: 2, natGateways: { strategy: 'None' }, subnetStrategy: 'Auto', subnetSpecs: [{ type: 'Private', cidrMask: 20 }, { type: 'Isolated', name: 'db', cidrMask: 24 }] },
      [
        'Vpc main',
        'InternetGateway main',
        'Subnet main-private-1',
        'RouteTable main-private-1',
        'RouteTableAssociation main-private-1',
        'Subnet main-db-1',
        'RouteTable main-db-1',
        'RouteTableAssociation main-db-1',
        'Subnet main-private-2',
        'RouteTable main-private-2',
        'RouteTableAssociation main-private-2',
        'Subnet main-db-2',
        'RouteTable main-db-2',
        'RouteTableAssociation main-db-2',
      ],
      (record) => {
        expect(record('aws:ec2/subnet:Subnet', 'main-db-2').inputs).toMatchObject({ cidrBlock: '10.0.144.0/24', tags: { Name: 'main-db-2', SubnetType: 'Isolated' } });
      },
    ],
    [
      'elastic IPs given: NAT gateways use them and no EIP is created',
      { numberOfAvailabilityZones: 2, natGateways: { strategy: 'OnePerAz', elasticIpAllocationIds: ['eipalloc-0aaa', 'eipalloc-0bbb'] } },
      [
        'Vpc main',
        'InternetGateway main',
        'Subnet main-public-1',
        'RouteTable main-public-1',
        'RouteTableAssociation main-public-1',
        'NatGateway main-1',
        'Route main-public-1',
        'Subnet main-private-1',
        'RouteTable main-private-1',
        'RouteTableAssociation main-private-1',
        'Route main-private-1',
        'Subnet main-public-2',
        'RouteTable main-public-2',
        'RouteTableAssociation main-public-2',
        'NatGateway main-2',
        'Route main-public-2',
        'Subnet main-private-2',
        'RouteTable main-private-2',
        'RouteTableAssociation main-private-2',
        'Route main-private-2',
      ],
      (record) => {
        expect(record('aws:ec2/natGateway:NatGateway', 'main-2').inputs['allocationId']).toBe('eipalloc-0bbb');
      },
    ],
    [
      'Auto VPC endpoints: a gateway on every route table, an interface with its security group, private DNS on',
      {
        numberOfAvailabilityZones: 2,
        natGateways: { strategy: 'None' },
        subnetSpecs: [{ type: 'Private' }],
        subnetStrategy: 'Auto',
        vpcEndpointStrategy: 'Auto',
        vpcEndpointSpecs: [{ serviceName: 'com.amazonaws.us-east-1.s3' }, { serviceName: 'com.amazonaws.us-east-1.ssm', vpcEndpointType: 'Interface' }],
      },
      [
        'Vpc main',
        'InternetGateway main',
        'Subnet main-private-1',
        'RouteTable main-private-1',
        'RouteTableAssociation main-private-1',
        'Subnet main-private-2',
        'RouteTable main-private-2',
        'RouteTableAssociation main-private-2',
        'VpcEndpoint com.amazonaws.us-east-1.s3',
        'SecurityGroup com.amazonaws.us-east-1.ssm-sg',
        'SecurityGroupRule com.amazonaws.us-east-1.ssm-ingress',
        'VpcEndpoint com.amazonaws.us-east-1.ssm',
      ],
      (record) => {
        expect(record('aws:ec2/vpc:Vpc', 'main').inputs).toMatchObject({ enableDnsHostnames: true, enableDnsSupport: true });
        const s3 = record('aws:ec2/vpcEndpoint:VpcEndpoint', 'com.amazonaws.us-east-1.s3');
        expect(s3.propertyDependencies['routeTableIds']).toEqual([
          record('aws:ec2/routeTable:RouteTable', 'main-private-1').urn,
          record('aws:ec2/routeTable:RouteTable', 'main-private-2').urn,
        ]);
        const ssm = record('aws:ec2/vpcEndpoint:VpcEndpoint', 'com.amazonaws.us-east-1.ssm');
        expect(ssm.inputs).toMatchObject({ privateDnsEnabled: true, vpcEndpointType: 'Interface', serviceName: 'com.amazonaws.us-east-1.ssm' });
        expect(ssm.propertyDependencies['subnetIds']).toHaveLength(2);
        expect(record('aws:ec2/securityGroupRule:SecurityGroupRule', 'com.amazonaws.us-east-1.ssm-ingress').inputs).toMatchObject({
          type: 'ingress',
          protocol: 'tcp',
          fromPort: 443,
          toPort: 443,
          cidrBlocks: ['10.0.0.0/16'],
        });
      },
    ],
    [
      'a Legacy endpoint: passed as given, no route tables',
      { numberOfAvailabilityZones: 2, vpcEndpointSpecs: [{ serviceName: 'com.amazonaws.us-east-1.s3', policy: '{"Statement":[]}' }] },
      expect.arrayContaining(['VpcEndpoint com.amazonaws.us-east-1.s3']) as unknown as string[],
      (record) => {
        const endpoint = record('aws:ec2/vpcEndpoint:VpcEndpoint', 'com.amazonaws.us-east-1.s3');
        expect(Object.keys(endpoint.inputs).sort()).toEqual(['policy', 'serviceName', 'tags', 'vpcId']);
        expect(endpoint.parent).toBe(record('aws:ec2/vpc:Vpc', 'main').urn);
      },
    ],
  ])('%s', async (_title, args, expected, check) => {
    const results = await vpcChildren(args);
    for (const result of [results.preview, results.update]) {
      expect(short(childrenOf(result, VPC, 'main'))).toEqual(expected);
      check((type, name) => recordOf(result, type, name));
    }
  });

  it('gives subnets IPv6 blocks from the VPC’s /56 when asked: unknown in a preview, the /64 by subnet index in an update', async () => {
    const { preview, update } = await vpcChildren({ numberOfAvailabilityZones: 2, assignGeneratedIpv6CidrBlock: true });
    expect(recordOf(preview, 'aws:ec2/subnet:Subnet', 'main-public-1').inputs).toMatchObject({ assignIpv6AddressOnCreation: true, ipv6CidrBlock: UNKNOWN });
    const vpcBlock = String(recordOf(update, 'aws:ec2/vpc:Vpc', 'main').outputs['ipv6CidrBlock']);
    expect(vpcBlock).toMatch(/^[0-9a-f:]+00::\/56$/);
    const prefix = vpcBlock.slice(0, vpcBlock.length - '00::/56'.length);
    // The subnet index replaces the low byte of the fourth hextet, e.g. ...:ab00::/56 → ...:ab02::/64.
    const block = (name: string) => recordOf(update, 'aws:ec2/subnet:Subnet', name).inputs['ipv6CidrBlock'];
    // Subnets are numbered zone by zone across the zones: public-1 0, public-2 1, private-1 2, private-2 3.
    expect([block('main-public-1'), block('main-public-2'), block('main-private-1'), block('main-private-2')]).toEqual(
      ['00', '01', '02', '03'].map((index) => `${prefix}${index}::/64`),
    );
  });

  it('uses the aws provider the program gives the component, in its region', async () => {
    const result = await runProgram(
      () => {
        const oregon = new aws.Provider('oregon', { region: 'us-west-2' });
        new awsx.ec2.Vpc('main', { numberOfAvailabilityZones: 2 }, { providers: { aws: oregon } });
      },
      { project: PROJECT },
    );
    const provider = recordOf(result, 'pulumi:providers:aws', 'oregon');
    const subnet = recordOf(result, 'aws:ec2/subnet:Subnet', 'main-private-2');
    expect(subnet.provider).toBe(`${provider.urn}::${provider.id}`);
    expect(subnet.inputs['availabilityZone']).toBe('us-west-2b');
    expect(result.resources.some((record) => record.name === 'default_7_43_0')).toBe(false);
  });

  it.each<[string, awsx.ec2.VpcArgs, string]>([
    ['both availability zone arguments', { numberOfAvailabilityZones: 2, availabilityZoneNames: ['us-east-1a', 'us-east-1b'] }, 'Only one of [availabilityZoneNames] and [numberOfAvailabilityZones] can be specified'],
    ['a NAT strategy without public subnets', { subnetStrategy: 'Auto', subnetSpecs: [{ type: 'Private' }] }, "If NAT Gateway strategy is 'OnePerAz' or 'Single', public subnets must be declared"],
    ['more elastic IPs than a Single gateway uses', { natGateways: { strategy: 'Single', elasticIpAllocationIds: ['eipalloc-1', 'eipalloc-2'] } }, "Exactly one Elastic IP may be specified when NAT Gateway strategy is 'Single'."],
  ])('fails the run as the provider does for %s', async (_title, args, message) => {
    const run = runProgram(() => void new awsx.ec2.Vpc('main', args), { project: PROJECT });
    await expect(run).rejects.toThrow(ProgramError);
    await expect(run).rejects.toThrow(`awsx:ec2:Vpc component urn:pulumi:dev::${PROJECT}::awsx:ec2:Vpc::main: the awsx provider would reject its arguments: ${message}`);
  });
});
