import { ComponentArgumentError } from '../model-errors';
import { azSuffix, planSubnets, type SubnetPlanArgs, type SubnetSpecArgs } from './subnet-allocation';

const TWO_ZONES = ['us-east-1a', 'us-east-1b'];
const THREE_ZONES = ['us-east-1a', 'us-east-1b', 'us-east-1c'];

function plan(args: Partial<SubnetPlanArgs> & { specs?: SubnetSpecArgs[] }) {
  return planSubnets({
    vpcName: 'main',
    vpcCidr: '10.0.0.0/16',
    azNames: TWO_ZONES,
    strategy: 'Legacy',
    nameTagStrategy: 'Legacy',
    natGatewayStrategy: 'OnePerAz',
    ...args,
  });
}

const blocks = (args: Parameters<typeof plan>[0]) => plan(args).subnets.map((subnet) => [subnet.resourceName, subnet.cidrBlock]);

describe('subnet allocation', () => {
  // The table: strategy, VPC block, zones and specs → each subnet's name and block, in the provider's order.
  it.each<[string, Parameters<typeof plan>[0], string[][]]>([
    [
      'Legacy, no specs, 2 zones: each zone a /17, private /18 then public /19, all privates first',
      {},
      [
        ['main-private-1', '10.0.0.0/18'],
        ['main-private-2', '10.0.128.0/18'],
        ['main-public-1', '10.0.64.0/19'],
        ['main-public-2', '10.0.192.0/19'],
      ],
    ],
    [
      'Legacy, no specs, 3 zones: zones of a /18 (rounded up to 4), private /19, public /20',
      { azNames: THREE_ZONES },
      [
        ['main-private-1', '10.0.0.0/19'],
        ['main-private-2', '10.0.64.0/19'],
        ['main-private-3', '10.0.128.0/19'],
        ['main-public-1', '10.0.32.0/20'],
        ['main-public-2', '10.0.96.0/20'],
        ['main-public-3', '10.0.160.0/20'],
      ],
    ],
    [
      'Legacy with specs in a large VPC: private /19, public /20, isolated /24 whatever the spec order',
      { azNames: ['us-east-1a'], specs: [{ type: 'Public' }, { type: 'Private' }, { type: 'Isolated' }] },
      [
        ['main-private-1', '10.0.0.0/19'],
        ['main-public-1', '10.0.32.0/20'],
        ['main-isolated-1', '10.0.48.0/24'],
      ],
    ],
    [
      'Legacy with masks: a public /21 and an isolated /22 in a /18',
      { vpcCidr: '10.0.0.0/18', azNames: ['us-east-1a'], specs: [{ type: 'Isolated', cidrMask: 22 }, { type: 'Public', cidrMask: 21 }] },
      [
        ['main-public-1', '10.0.0.0/21'],
        ['main-isolated-1', '10.0.8.0/22'],
      ],
    ],
    [
      'Auto, no specs: per zone, private then public packed from the zone start',
      { strategy: 'Auto' },
      [
        ['main-private-1', '10.0.0.0/18'],
        ['main-public-1', '10.0.64.0/19'],
        ['main-private-2', '10.0.128.0/18'],
        ['main-public-2', '10.0.192.0/19'],
      ],
    ],
    [
      'Auto with three unsized specs: the zone split evenly',
      { strategy: 'Auto', azNames: ['us-east-1a'], specs: [{ type: 'Private' }, { type: 'Public' }, { type: 'Isolated' }] },
      [
        ['main-private-1', '10.0.0.0/18'],
        ['main-public-1', '10.0.64.0/18'],
        ['main-isolated-1', '10.0.128.0/18'],
      ],
    ],
    [
      'Auto with a size and a mask: each block after the previous one’s last host',
      { strategy: 'Auto', specs: [{ type: 'Private', size: 4096 }, { type: 'Public', cidrMask: 24 }] },
      [
        ['main-private-1', '10.0.0.0/20'],
        ['main-public-1', '10.0.16.0/24'],
        ['main-private-2', '10.0.128.0/20'],
        ['main-public-2', '10.0.144.0/24'],
      ],
    ],
    [
      'Auto with an availability zone mask',
      { strategy: 'Auto', azCidrMask: 20 },
      [
        ['main-private-1', '10.0.0.0/21'],
        ['main-public-1', '10.0.8.0/22'],
        ['main-private-2', '10.0.16.0/21'],
        ['main-public-2', '10.0.24.0/22'],
      ],
    ],
    [
      'AutoMerge: a sized public spec overrides the default public one, the default private one stays',
      { strategy: 'AutoMerge', specs: [{ type: 'Public', size: 4096 }] },
      [
        ['main-private-1', '10.0.0.0/18'],
        ['main-public-1', '10.0.64.0/20'],
        ['main-private-2', '10.0.128.0/18'],
        ['main-public-2', '10.0.192.0/20'],
      ],
    ],
    [
      'Exact with explicit blocks: as given, per zone',
      {
        strategy: 'Exact',
        natGatewayStrategy: 'None',
        specs: [{ type: 'Public', cidrBlocks: ['10.0.0.0/17', '10.0.128.0/17'] }],
      },
      [
        ['main-public-1', '10.0.0.0/17'],
        ['main-public-2', '10.0.128.0/17'],
      ],
    ],
    [
      'named specs of one type',
      { strategy: 'Auto', azNames: ['us-east-1a'], specs: [{ type: 'Private', name: 'app' }, { type: 'Private', name: 'db' }, { type: 'Public' }] },
      [
        ['main-app-1', '10.0.0.0/18'],
        ['main-db-1', '10.0.64.0/18'],
        ['main-public-1', '10.0.128.0/18'],
      ],
    ],
  ])('%s', (_title, args, expected) => {
    expect(blocks(args)).toEqual(expected);
  });

  it('reports the layout as awsx does: Legacy reads "the first zone" as the first half of its list', () => {
    expect(plan({}).layout).toEqual([
      { type: 'Private', cidrMask: 18 },
      { type: 'Unused', cidrMask: 18 },
      { type: 'Private', cidrMask: 18 },
    ]);
    expect(plan({ strategy: 'Auto' }).layout).toEqual([
      { type: 'Private', cidrMask: 18 },
      { type: 'Public', cidrMask: 19 },
    ]);
    expect(plan({ strategy: 'Auto', specs: [{ type: 'Private', name: 'app', size: 4096 }, { type: 'Public' }] }).layout).toEqual([
      { type: 'Private', name: 'app', cidrMask: 20, size: 4096 },
      { type: 'Public' },
    ]);
  });

  it('tags subnets with the zone suffix under the AvailabilityZone strategy, keeping index-based resource names', () => {
    const [subnet] = plan({ nameTagStrategy: 'AvailabilityZone' }).subnets;
    expect(subnet).toMatchObject({ resourceName: 'main-private-1', nameTag: 'main-private-1a', azName: 'us-east-1a' });
    expect(azSuffix('us-gov-west-1a')).toBe('1a');
    expect(azSuffix('us-west-2-lax-1a')).toBe('2-lax-1a');
  });

  it.each<[string, Parameters<typeof plan>[0], string]>([
    ['two unnamed specs of a type', { strategy: 'Auto', specs: [{ type: 'Private' }, { type: 'Private' }, { type: 'Public' }] }, 'Multiple subnet specs of type "private" require unique names'],
    ['an invalid size', { strategy: 'Auto', specs: [{ type: 'Private', size: 1000 }, { type: 'Public' }] }, 'The following subnet sizes are invalid: 1000'],
    ['a size that contradicts the mask', { strategy: 'Auto', specs: [{ type: 'Private', cidrMask: 20, size: 256 }, { type: 'Public' }] }, 'Subnet size 256 does not match the expected size for a /20 subnet (4096)'],
    ['subnets larger than a zone', { strategy: 'Auto', specs: [{ type: 'Private', cidrMask: 17 }, { type: 'Public', cidrMask: 17 }] }, 'Subnets are too large for VPC. VPC has 32768 addresses, but subnets require 65536 addresses.'],
    ['explicit blocks for only some specs', { strategy: 'Exact', specs: [{ type: 'Public', cidrBlocks: ['10.0.0.0/17', '10.0.128.0/17'] }, { type: 'Private' }] }, 'If any subnet spec has explicit cidrBlocks, all subnets must have explicit cidrBlocks.'],
    ['explicit blocks that overlap', { strategy: 'Auto', natGatewayStrategy: 'None', azNames: ['us-east-1a'], specs: [{ type: 'Private', cidrBlocks: ['10.0.0.0/17'] }, { type: 'Public', cidrBlocks: ['10.0.0.0/18'] }] }, 'The following subnets overlap with at least one other subnet'],
    ['an Exact layout with a gap', { strategy: 'Exact', natGatewayStrategy: 'None', specs: [{ type: 'Public', cidrBlocks: ['10.0.0.0/18', '10.0.128.0/17'] }] }, 'There are gaps in the subnet ranges. Please fix the following gaps: main-public-1 (10.0.0.0/18) <=> main-public-2 (10.0.128.0/17)'],
    ['NAT gateways without private subnets to serve', { strategy: 'Auto', specs: [{ type: 'Public' }] }, "If NAT Gateway strategy is 'OnePerAz' or 'Single', public subnets must be declared"],
    ['explicit blocks with AutoMerge', { strategy: 'AutoMerge', specs: [{ type: 'Public', cidrBlocks: ['10.0.0.0/17', '10.0.128.0/17'] }] }, 'subnetStrategy="AutoMerge" does not support subnetSpecs with explicit cidrBlocks'],
  ])('rejects %s as the provider does', (_title, args, message) => {
    expect(() => plan(args)).toThrow(ComponentArgumentError);
    expect(() => plan(args)).toThrow(message);
  });
});
