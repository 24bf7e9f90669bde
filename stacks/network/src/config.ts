import {
  availabilityZoneSchema,
  booleanKey,
  type ConfigIssue,
  listKey,
  type LoadedStackConfig,
  loadStackConfig,
  numberKey,
  sshAllowedCidrsKey,
  StackConfigError,
  stringKey,
} from '@bulwark/core';
import { z } from 'zod';
import { formatIpv4Network, type Ipv4Network, parseIpv4Network, subnetCount } from './ipv4-cidr';

/** The namespace of the network stack's own keys (`network:vpcCidr`), fixed so a renamed project keeps its config. */
export const NETWORK_CONFIG_NAMESPACE = 'network';

/** How many NAT gateways the stack runs: none (no outbound internet from private subnets), one shared, or one per AZ. */
export const NAT_GATEWAY_MODES = ['none', 'single', 'perAz'] as const;
export type NatGatewayMode = (typeof NAT_GATEWAY_MODES)[number];

// Private address space only: a VPC on public addresses would shadow real internet hosts.
const PRIVATE_RANGES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].map((text) => parseIpv4Network(text) as Ipv4Network);
const VPC_CIDR_FORM =
  'an IPv4 network in CIDR form from /16 to /24 inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16, with no host bits set (e.g. "10.20.0.0/16")';
const AZ_FORM = 'a list of 1 to 6 availability zone names, e.g. ["eu-west-1a", "eu-west-1b"]';
const SUBNET_PREFIX_FORM = 'a whole number from 17 to 28: the prefix length of every subnet (e.g. 20 for /20 subnets)';
const APP_PORTS_FORM = 'a YAML list of 1 to 10 TCP ports from 1 to 65535, not 22 (SSH) or 3389 (RDP), e.g. [443, 8443]';
const ADMIN_PORTS = [22, 3389];
/** The most SSH hosts the public network ACL takes (one entry each, within the default quota of 20 per direction). */
export const MAXIMUM_SSH_HOSTS = 10;

function isPrivateNetwork(network: Ipv4Network): boolean {
  return PRIVATE_RANGES.some(
    (range) => network.prefixLength >= range.prefixLength && (network.address >>> (32 - range.prefixLength)) === (range.address >>> (32 - range.prefixLength)),
  );
}

const vpcCidrSchema = z
  .string({ error: VPC_CIDR_FORM })
  .refine(
    (text) => {
      const network = parseIpv4Network(text);
      return network !== undefined && network.prefixLength >= 16 && network.prefixLength <= 24 && isPrivateNetwork(network);
    },
    { error: VPC_CIDR_FORM },
  );

/** The network stack's own keys, read from the `network:` namespace. */
export const networkSettingKeys = {
  vpcCidr: stringKey(vpcCidrSchema.default('10.0.0.0/16'), VPC_CIDR_FORM),
  availabilityZones: listKey(
    z.array(availabilityZoneSchema).min(1, { error: AZ_FORM }).max(6, { error: AZ_FORM }),
    AZ_FORM,
  ),
  subnetPrefixLength: numberKey(
    z.number({ error: SUBNET_PREFIX_FORM }).int({ error: SUBNET_PREFIX_FORM }).min(17, { error: SUBNET_PREFIX_FORM }).max(28, { error: SUBNET_PREFIX_FORM }).optional(),
    SUBNET_PREFIX_FORM,
  ),
  internetGateway: booleanKey(z.boolean().default(true), '`true` or `false`'),
  natGateways: stringKey(z.enum(NAT_GATEWAY_MODES, { error: `one of ${NAT_GATEWAY_MODES.join(', ')}` }).default('perAz'), `one of ${NAT_GATEWAY_MODES.join(', ')}`),
  appPorts: listKey(
    z
      .array(
        z
          .number({ error: APP_PORTS_FORM })
          .int({ error: APP_PORTS_FORM })
          .min(1, { error: APP_PORTS_FORM })
          .max(65535, { error: APP_PORTS_FORM })
          .refine((port) => !ADMIN_PORTS.includes(port), {
            error: 'a TCP port other than 22 and 3389: administration reaches applications only from the bastion security group',
          }),
      )
      .min(1, { error: APP_PORTS_FORM })
      .max(10, { error: APP_PORTS_FORM })
      .default([443]),
    APP_PORTS_FORM,
  ),
  sshAllowedCidrs: sshAllowedCidrsKey,
} as const;

/** The network stack's validated settings, with the derived layout. */
export interface NetworkSettings {
  readonly vpcCidr: string;
  readonly vpcNetwork: Ipv4Network;
  readonly availabilityZones: readonly string[];
  readonly subnetPrefixLength: number;
  readonly internetGateway: boolean;
  readonly natGateways: NatGatewayMode;
  readonly appPorts: readonly number[];
  readonly sshAllowedCidrs: readonly string[];
}

/** The shared config plus the network settings. */
export type NetworkConfig = LoadedStackConfig<typeof networkSettingKeys> & { readonly network: NetworkSettings };

/**
 * Reads and validates the network stack's config: every key on its own, then the rules that tie keys together
 * (zones in the stack's region, subnets that fit the VPC, NAT only behind an internet gateway). Throws a
 * `StackConfigError` naming each bad key, its value and the expected form, before any resource exists.
 */
export function loadNetworkConfig(): NetworkConfig {
  const config = loadStackConfig({ settings: networkSettingKeys, settingsNamespace: NETWORK_CONFIG_NAMESPACE });
  const settings = config.settings;
  const key = (name: keyof typeof networkSettingKeys) => `${NETWORK_CONFIG_NAMESPACE}:${name}`;
  const issues: ConfigIssue[] = [];

  const seen = new Set<string>();
  settings.availabilityZones.forEach((zone, index) => {
    if (!zone.startsWith(config.region) || zone.length !== config.region.length + 1) {
      issues.push({ key: `${key('availabilityZones')}[${index}]`, value: zone, expected: `an availability zone of aws:region "${config.region}" (e.g. "${config.region}a")` });
    } else if (seen.has(zone)) {
      issues.push({ key: `${key('availabilityZones')}[${index}]`, value: zone, expected: 'each zone listed once' });
    }
    seen.add(zone);
  });

  const vpcNetwork = parseIpv4Network(settings.vpcCidr) as Ipv4Network;
  const subnetPrefixLength = settings.subnetPrefixLength ?? Math.min(vpcNetwork.prefixLength + 4, 28);
  // Public and private subnets per zone; a public tier is only built behind an internet gateway.
  const subnetsNeeded = settings.availabilityZones.length * (settings.internetGateway ? 2 : 1);
  if (subnetPrefixLength <= vpcNetwork.prefixLength) {
    issues.push({
      key: key('subnetPrefixLength'),
      value: subnetPrefixLength,
      expected: `a prefix longer than the VPC's /${vpcNetwork.prefixLength} (${formatIpv4Network(vpcNetwork)})`,
    });
  } else if (subnetCount(vpcNetwork, subnetPrefixLength) < subnetsNeeded) {
    issues.push({
      key: key('subnetPrefixLength'),
      value: subnetPrefixLength,
      expected:
        `a prefix length that fits ${subnetsNeeded} subnets (${settings.availabilityZones.length} zones, ` +
        `${settings.internetGateway ? 'public and private' : 'private only'}) into ${settings.vpcCidr}: at least ` +
        `/${vpcNetwork.prefixLength + Math.ceil(Math.log2(subnetsNeeded))}`,
    });
  }

  // A NACL holds 20 entries per direction by default; the public one spends 5 of its ingress entries elsewhere.
  if (settings.sshAllowedCidrs.length > MAXIMUM_SSH_HOSTS) {
    issues.push({
      key: key('sshAllowedCidrs'),
      value: settings.sshAllowedCidrs,
      expected: `at most ${MAXIMUM_SSH_HOSTS} single hosts (each is one entry in the public subnets' network ACL)`,
    });
  }

  if (settings.natGateways !== 'none' && !settings.internetGateway) {
    issues.push({
      key: key('natGateways'),
      value: settings.natGateways,
      expected: `"none" while ${key('internetGateway')} is false (a NAT gateway reaches the internet through the internet gateway)`,
    });
  }

  if (issues.length > 0) throw new StackConfigError(issues);
  return {
    ...config,
    network: {
      vpcCidr: settings.vpcCidr,
      vpcNetwork,
      availabilityZones: settings.availabilityZones,
      subnetPrefixLength,
      internetGateway: settings.internetGateway,
      natGateways: settings.natGateways,
      appPorts: settings.appPorts,
      sshAllowedCidrs: settings.sshAllowedCidrs,
    },
  };
}
