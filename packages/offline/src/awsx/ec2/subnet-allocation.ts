/**
 * Which subnets an `awsx.ec2.Vpc` gets and which CIDR block each one takes, for every `subnetStrategy`:
 * `Legacy` (the default: the VPC split evenly between the zones, then private /19, public /20 and isolated /24
 * blocks where they fit), `Auto` (subnets packed from the start of each zone's block, by spec order), `AutoMerge`
 * (`Auto` with the default private and public specs kept beside the user's) and `Exact` (like `Auto`, or the given
 * `cidrBlocks`, with no gaps allowed). The allocations reproduce awsx's, quirks included: a policy that checks
 * subnet ranges must see the ranges a real preview shows.
 */
import { ComponentArgumentError } from '../model-errors';
import {
  blockSize,
  endOf,
  formatAddress,
  formatWrittenBlock,
  isInside,
  NetworkBlock,
  networkAddress,
  overlaps,
  parseWrittenBlock,
  startOf,
  type WrittenBlock,
} from './ipv4';

/** One entry of the VPC's `subnetSpecs`, with the values that decide the layout. */
export interface SubnetSpecArgs {
  readonly type: string;
  readonly name?: string;
  readonly cidrMask?: number;
  readonly size?: number;
  readonly cidrBlocks?: readonly string[];
  /** The index of the program's `subnetSpecs` entry it came from (its tags, IPv6 setting); none for a default. */
  readonly source?: number;
}

/** A subnet the VPC will have (or, for type `Unused`, a range it keeps free). */
export interface PlannedSubnet {
  readonly type: string;
  readonly azName: string;
  readonly cidrBlock: string;
  /** The Pulumi name of the subnet and of its route table, association and route (always index-based). */
  readonly resourceName: string;
  /** The AWS `Name` tag (zone-suffixed under `subnetNameTagStrategy: "AvailabilityZone"`). */
  readonly nameTag: string;
  readonly source?: number;
}

/** An entry of the component's `subnetLayout` output. */
export interface LayoutEntry {
  readonly type: string;
  readonly name?: string;
  readonly cidrMask?: number;
  readonly size?: number;
  readonly cidrBlocks?: readonly string[];
}

export type SubnetStrategy = 'Legacy' | 'Auto' | 'AutoMerge' | 'Exact';
export type NameTagStrategy = 'Legacy' | 'AvailabilityZone';

/** Valid subnet sizes, indexed by prefix length. */
const VALID_SIZES: readonly number[] = Array.from({ length: 31 }, (_unused, prefixLength) => blockSize(prefixLength));

/** The part of a zone name subnets are tagged with under the AvailabilityZone strategy (`us-east-1a` → `1a`). */
export function azSuffix(azName: string): string {
  const regionPrefix = /^[a-z]{2}(?:-[a-z]+)+-/;
  return regionPrefix.test(azName) ? azName.replace(regionPrefix, '') : azName;
}

/** Rejects zones that would tag two subnets alike under the AvailabilityZone strategy. */
export function validateAzSuffixes(azNames: readonly string[]): void {
  const seen = new Map<string, string>();
  for (const azName of azNames) {
    const suffix = azSuffix(azName);
    const other = seen.get(suffix);
    if (other !== undefined) {
      throw new ComponentArgumentError(
        `subnetNameTagStrategy="AvailabilityZone" requires availability zones with distinct suffixes, but "${other}" and "${azName}" both reduce to "${suffix}".`,
      );
    }
    seen.set(suffix, azName);
  }
}

function subnetNames(vpcName: string, spec: SubnetSpecArgs, azNumber: number, azName: string, strategy: NameTagStrategy) {
  const specName = spec.name ?? spec.type.toLowerCase();
  const resourceName = `${vpcName}-${specName}-${azNumber}`;
  return { resourceName, nameTag: strategy === 'AvailabilityZone' ? `${vpcName}-${specName}-${azSuffix(azName)}` : resourceName };
}

function planned(vpcName: string, spec: SubnetSpecArgs, azIndex: number, azName: string, cidrBlock: string, strategy: NameTagStrategy): PlannedSubnet {
  return {
    type: spec.type,
    azName,
    cidrBlock,
    ...subnetNames(vpcName, spec, azIndex + 1, azName, strategy),
    ...(spec.source !== undefined ? { source: spec.source } : {}),
  };
}

// ---- Legacy ----------------------------------------------------------------------------------------------------

/** `cidrSubnetV4`: the `netNumber`-th block of `newBits` more bits, counted from the written address. */
function legacySplit(range: string, newBits: number, netNumber: number): string {
  const block = parseWrittenBlock(range);
  const prefixLength = block.prefixLength + newBits;
  if (prefixLength > 32) {
    throw new ComponentArgumentError(`Requested ${newBits} new bits, but only ${32 - block.prefixLength} are available.`);
  }
  return `${formatAddress(block.address + blockSize(prefixLength) * netNumber)}/${prefixLength}`;
}

/** The block of `prefixLength` right after `previous` ends. */
function legacyNextBlock(previous: WrittenBlock, prefixLength: number): WrittenBlock {
  const lastInNewSize = networkAddress(endOf(previous), prefixLength) + blockSize(prefixLength) - 1;
  return { address: lastInNewSize + 1, prefixLength };
}

function nextPowerOfTwo(n: number): number {
  return n === 0 ? 1 : 2 ** Math.ceil(Math.log2(n));
}

/** The Legacy strategy (also what `Exact` without specs uses). */
export function legacySubnets(
  vpcName: string,
  vpcCidr: string,
  azNames: readonly string[],
  specs: readonly SubnetSpecArgs[] | undefined,
  nameTagStrategy: NameTagStrategy,
): PlannedSubnet[] {
  const newBitsPerAz = Math.log2(nextPowerOfTwo(azNames.length));
  const azBases = azNames.map((_azName, index) => legacySplit(vpcCidr, newBitsPerAz, index));

  if (specs === undefined) {
    // The default layout: every zone's private subnet first, then every zone's public one.
    const privates = azNames.map((azName, index) =>
      planned(vpcName, { type: 'Private' }, index, azName, legacySplit(azBases[index] as string, 1, 0), nameTagStrategy),
    );
    const publics = azNames.map((azName, index) =>
      planned(vpcName, { type: 'Public' }, index, azName, legacySplit(legacySplit(privates[index]!.cidrBlock, 0, 1), 1, 0), nameTagStrategy),
    );
    return [...privates, ...publics];
  }

  const baseMask = parseWrittenBlock(azBases[0] as string).prefixLength;
  const ofType = (type: string) => specs.filter((spec) => spec.type.toLowerCase() === type);
  const privateSpecs = ofType('private');
  const publicSpecs = ofType('public');
  const isolatedSpecs = ofType('isolated');
  // A single subnet may take a small VPC's whole zone block.
  const newBitsPerSubnet = specs.length === 1 ? 0 : 1;

  const result: PlannedSubnet[] = [];
  azNames.forEach((azName, azIndex) => {
    const azBase = azBases[azIndex] as string;
    let current: WrittenBlock = { address: startOf(parseWrittenBlock(azBase)) - 1, prefixLength: 32 };
    const place = (spec: SubnetSpecArgs, type: string, splitBase: string, defaultMask: number, index: number, baseLength: number): PlannedSubnet => {
      const mask = spec.cidrMask ?? Math.max(baseMask + newBitsPerSubnet, defaultMask);
      let next = parseWrittenBlock(legacySplit(splitBase, mask - baseLength, index));
      if (overlaps(current, next)) next = legacyNextBlock(current, mask);
      current = next;
      return planned(vpcName, { ...spec, type }, azIndex, azName, formatWrittenBlock(next), nameTagStrategy);
    };
    const privates = privateSpecs.map((spec, index) => place(spec, 'Private', azBase, 19, index, baseMask));
    const publics = publicSpecs.map((spec, index) => {
      const base = privates.length > 0 ? privates[privates.length - 1]!.cidrBlock : azBase;
      const splitBase = privates.length > 0 ? legacySplit(base, 0, 1) : azBase;
      return place(spec, 'Public', splitBase, 20, index, parseWrittenBlock(base).prefixLength);
    });
    const isolated = isolatedSpecs.map((spec, index) => {
      const before = publics.length > 0 ? publics : privates;
      const base = before.length > 0 ? before[before.length - 1]!.cidrBlock : azBase;
      const splitBase = before.length > 0 ? legacySplit(base, 0, 1) : azBase;
      return place(spec, 'Isolated', splitBase, 24, index, parseWrittenBlock(base).prefixLength);
    });
    result.push(...privates, ...publics, ...isolated);
  });
  return result;
}

// ---- Auto, AutoMerge, Exact ----------------------------------------------------------------------------------

/** Bits needed to number `count` things. */
function newBits(count: number): number {
  return count === 0 ? 0 : Math.ceil(Math.log2(count));
}

const BARE_DEFAULT_SPECS: readonly SubnetSpecArgs[] = [{ type: 'Private' }, { type: 'Public' }];

function defaultSpecs(azPrefixLength: number): SubnetSpecArgs[] {
  if (azPrefixLength > 26) {
    throw new ComponentArgumentError(
      `Automatic subnet creation requires a VPC with at least /26 available per AZ, but only /${azPrefixLength} is available.` +
        'If you do need very small subnets, please specify them explicitly.',
    );
  }
  // Even a VPC larger than a /16 only gets its first /16 divided.
  const largest = Math.max(azPrefixLength, 16);
  return BARE_DEFAULT_SPECS.map((spec, index) => ({ type: spec.type, cidrMask: largest + index + 1 }));
}

/** The block of `prefixLength` after the one holding `previous`'s last host. */
function nextNetwork(previous: NetworkBlock, prefixLength: number): NetworkBlock {
  return new NetworkBlock(previous.last, prefixLength).next();
}

/** Packs each zone's subnets from the start of its block; returns the blocks by spec index, per zone. */
function packedBlocks(vpcCidr: string, azCount: number, specs: readonly SubnetSpecArgs[], azCidrMask: number | undefined): string[][] {
  const vpc = NetworkBlock.parse(vpcCidr);
  const azPrefixLength = azCidrMask ?? vpc.prefixLength + newBits(azCount);
  if (specs.length === 0) throw new ComponentArgumentError('No subnets specified');
  const defaultPrefixLength = azPrefixLength + newBits(specs.length);
  const azSize = new NetworkBlock(vpc.base, azPrefixLength).size;
  const required = specs.reduce((total, spec) => total + blockSize(spec.cidrMask ?? defaultPrefixLength), 0);
  if (required > azSize) {
    throw new ComponentArgumentError(`Subnets are too large for VPC. VPC has ${azSize} addresses, but subnets require ${required} addresses.`);
  }
  const blocks: string[][] = [];
  let az = new NetworkBlock(vpc.base, azPrefixLength);
  for (let azIndex = 0; azIndex < azCount; azIndex++) {
    let current: NetworkBlock | undefined;
    const zone: string[] = [];
    for (const spec of specs) {
      const prefixLength = spec.cidrMask ?? defaultPrefixLength;
      current = current === undefined ? new NetworkBlock(az.base, prefixLength) : nextNetwork(current, prefixLength);
      zone.push(current.toString());
    }
    blocks.push(zone);
    az = az.next();
  }
  return blocks;
}

/** The Auto strategy (and Exact without `cidrBlocks`). */
export function autoSubnets(
  vpcName: string,
  vpcCidr: string,
  azNames: readonly string[],
  specs: readonly SubnetSpecArgs[] | undefined,
  azCidrMask: number | undefined,
  nameTagStrategy: NameTagStrategy,
): PlannedSubnet[] {
  const vpc = NetworkBlock.parse(vpcCidr);
  const allocationSpecs = specs ?? defaultSpecs(azCidrMask ?? vpc.prefixLength + newBits(azNames.length));
  const blocks = packedBlocks(vpcCidr, azNames.length, allocationSpecs, azCidrMask);
  const namedSpecs = specs ?? BARE_DEFAULT_SPECS;
  return azNames.flatMap((azName, azIndex) =>
    namedSpecs.map((spec, index) => planned(vpcName, spec, azIndex, azName, blocks[azIndex]![index]!, nameTagStrategy)),
  );
}

/** The user's specs with the default private and public specs added or overridden (AutoMerge). */
export function mergeWithDefaultSpecs(userSpecs: readonly SubnetSpecArgs[], defaults: readonly SubnetSpecArgs[]): SubnetSpecArgs[] {
  const overrides = new Map<string, SubnetSpecArgs>();
  const extra: SubnetSpecArgs[] = [];
  for (const spec of userSpecs) {
    const type = spec.type.toLowerCase();
    if (defaults.some((candidate) => candidate.type.toLowerCase() === type) && spec.name === undefined) {
      if (overrides.has(type)) {
        throw new ComponentArgumentError(
          `Multiple subnet specs of type "${type}" require unique names. You can have at most one unnamed subnet per type. ` +
            'All other subnets of the same type must have unique "name" properties to avoid duplicate resource names.',
        );
      }
      overrides.set(type, spec);
      continue;
    }
    extra.push(spec);
  }
  return [...defaults.map((spec) => ({ ...spec, ...overrides.get(spec.type.toLowerCase()) })), ...extra];
}

/** The AutoMerge strategy. */
export function autoMergeSubnets(
  vpcName: string,
  vpcCidr: string,
  azNames: readonly string[],
  userSpecs: readonly SubnetSpecArgs[] | undefined,
  azCidrMask: number | undefined,
  nameTagStrategy: NameTagStrategy,
): PlannedSubnet[] {
  const vpc = NetworkBlock.parse(vpcCidr);
  const azPrefixLength = azCidrMask ?? vpc.prefixLength + newBits(azNames.length);
  const allocationSpecs = mergeWithDefaultSpecs(userSpecs ?? [], defaultSpecs(azPrefixLength));
  const blocks = packedBlocks(vpcCidr, azNames.length, allocationSpecs, azCidrMask);
  const namedSpecs = mergeWithDefaultSpecs(userSpecs ?? [], BARE_DEFAULT_SPECS);
  return azNames.flatMap((azName, azIndex) =>
    namedSpecs.map((spec, index) => planned(vpcName, spec, azIndex, azName, blocks[azIndex]![index]!, nameTagStrategy)),
  );
}

/** Specs that give every zone's block explicitly (`cidrBlocks`). */
export function explicitSubnets(
  vpcName: string,
  azNames: readonly string[],
  specs: readonly SubnetSpecArgs[],
  nameTagStrategy: NameTagStrategy,
): PlannedSubnet[] {
  return azNames.flatMap((azName, azIndex) =>
    specs.map((spec) => planned(vpcName, spec, azIndex, azName, spec.cidrBlocks![azIndex]!, nameTagStrategy)),
  );
}

// ---- Validation ------------------------------------------------------------------------------------------------

/** The program's specs, checked and with `cidrMask` and `size` made to agree; undefined when none were given. */
export function normalizeSubnetSpecs(
  specs: readonly SubnetSpecArgs[] | undefined,
  azCount: number,
): { specs: SubnetSpecArgs[]; explicit: boolean } | undefined {
  if (specs === undefined) return undefined;
  const issues: string[] = [];
  const byType = new Map<string, SubnetSpecArgs[]>();
  for (const spec of specs) byType.set(spec.type.toLowerCase(), [...(byType.get(spec.type.toLowerCase()) ?? []), spec]);
  for (const [type, group] of byType) {
    if (group.length < 2) continue;
    const names = group.map((spec) => spec.name);
    const named = names.filter((name) => name !== undefined);
    if (names.length - named.length > 1 || new Set(named).size < named.length) {
      issues.push(
        `Multiple subnet specs of type "${type}" require unique names. You can have at most one unnamed subnet per type. ` +
          'All other subnets of the same type must have unique "name" properties to avoid duplicate resource names.',
      );
    }
  }
  const invalidSizes = specs.filter((spec) => spec.size !== undefined && !VALID_SIZES.includes(spec.size));
  if (invalidSizes.length > 0) {
    issues.push(
      `The following subnet sizes are invalid: ${invalidSizes.map((spec) => spec.size).join(', ')}. Valid sizes are: ${VALID_SIZES.join(', ')}.`,
    );
  }
  if (specs.some((spec) => spec.cidrBlocks !== undefined)) {
    const explicit: SubnetSpecArgs[] = [];
    specs.forEach((spec, index) => {
      const blocks = spec.cidrBlocks;
      if (blocks === undefined) {
        issues.push('If any subnet spec has explicit cidrBlocks, all subnets must have explicit cidrBlocks.');
        return;
      }
      if (blocks.length !== azCount) {
        issues.push(`The number of CIDR blocks in subnetSpecs[${index}] must match the number of availability zones (${azCount}).`);
        return;
      }
      const networks = blocks.map((block) => NetworkBlock.parse(block));
      if (spec.cidrMask !== undefined && !networks.every((network) => network.prefixLength === spec.cidrMask)) {
        issues.push(`The cidrMask in subnetSpecs[${index}] must match all cidrBlocks or be left undefined.`);
        return;
      }
      if (spec.size !== undefined && !networks.every((network) => network.size === spec.size)) {
        issues.push(`The size in subnetSpecs[${index}] must match all cidrBlocks or be left undefined.`);
        return;
      }
      explicit.push(spec);
    });
    if (issues.length === 0) return { specs: explicit, explicit: true };
  } else {
    const normalized = specs.map((spec) => {
      const cidrMask = spec.cidrMask ?? (spec.size ? VALID_SIZES.indexOf(spec.size) : undefined);
      const expectedSize = cidrMask ? VALID_SIZES[cidrMask] : undefined;
      if (spec.size !== undefined && expectedSize !== undefined && expectedSize !== spec.size) {
        issues.push(`Subnet size ${spec.size} does not match the expected size for a /${cidrMask} subnet (${expectedSize}).`);
      }
      const { cidrMask: _mask, size: _size, ...rest } = spec;
      return { ...rest, ...(cidrMask !== undefined ? { cidrMask } : {}), ...(expectedSize !== undefined ? { size: expectedSize } : {}) };
    });
    if (issues.length === 0) return { specs: normalized, explicit: false };
  }
  throw new ComponentArgumentError(`Invalid subnet specifications:\n - ${issues.join('\n - ')}`);
}

/** Rejects subnets whose ranges overlap (Unused ranges included). */
export function validateNoOverlaps(subnets: readonly PlannedSubnet[]): void {
  const blocks = subnets.map((subnet) => parseWrittenBlock(subnet.cidrBlock));
  const overlapping = subnets.filter((_subnet, index) =>
    blocks.some((other, otherIndex) => otherIndex !== index && (isInside(blocks[index]!, other) || isInside(other, blocks[index]!))),
  );
  if (overlapping.length === 0) return;
  throw new ComponentArgumentError(
    'The following subnets overlap with at least one other subnet. Make the CIDR for the VPC larger, reduce the size of the subnets per AZ, or use less Availability Zones:\n\n' +
      overlapping.map((subnet, index) => `${index + 1}. ${subnet.resourceName}: ${subnet.cidrBlock}\n`).join(''),
  );
}

/** The Exact strategy: the subnets must cover the VPC from its first address to its last, with no gaps. */
export function validateNoGaps(vpcCidr: string, subnets: readonly PlannedSubnet[]): void {
  const vpc = NetworkBlock.parse(vpcCidr);
  const gaps: string[] = [];
  let previous: PlannedSubnet | undefined;
  for (const subnet of subnets) {
    const block = NetworkBlock.parse(subnet.cidrBlock);
    if (previous === undefined) {
      if (block.base !== vpc.base) gaps.push(`${subnet.resourceName} (${subnet.cidrBlock}) does not start at the beginning of the VPC (${vpcCidr})`);
    } else if (block.base !== NetworkBlock.parse(previous.cidrBlock).next().base) {
      gaps.push(`${previous.resourceName} (${previous.cidrBlock}) <=> ${subnet.resourceName} (${subnet.cidrBlock})`);
    }
    previous = subnet;
  }
  const last = previous ? NetworkBlock.parse(previous.cidrBlock) : undefined;
  if (previous && last && last.last !== vpc.last) {
    gaps.push(`${previous.resourceName} (ending ${formatAddress(last.last)}) ends before VPC ends (at ${formatAddress(vpc.last)}})`);
  }
  if (gaps.length > 0) throw new ComponentArgumentError(`There are gaps in the subnet ranges. Please fix the following gaps: ${gaps.join(', ')}`);
}

/** NAT gateways need a public subnet to live in and a private or isolated one to serve. */
export function validateNatGatewayStrategy(strategy: string, subnets: readonly PlannedSubnet[]): void {
  switch (strategy.toLowerCase()) {
    case 'oneperaz':
    case 'single': {
      const types = subnets.map((subnet) => subnet.type.toLowerCase());
      if (types.includes('public') && (types.includes('private') || types.includes('isolated'))) return;
      throw new ComponentArgumentError(
        "If NAT Gateway strategy is 'OnePerAz' or 'Single', public subnets must be declared to host the NAT Gateway resource, along with private or isolated subnets to route through it.",
      );
    }
    case 'none':
      return;
    default:
      throw new ComponentArgumentError(`Unknown NAT Gateway strategy '${strategy}'`);
  }
}

// ---- The whole plan --------------------------------------------------------------------------------------------

/** The blocks needed to fill the space between two blocks (`findSubnetGap`), for the layout output. */
function gapBetween(a: NetworkBlock, b: NetworkBlock): NetworkBlock[] {
  const [start, end] = a.base < b.base ? [a, b] : [b, a];
  const gaps: NetworkBlock[] = [];
  let previous = a;
  let next = start.next();
  while (next.base < end.base) {
    for (;;) {
      const wider = new NetworkBlock(next.base, next.prefixLength - 1);
      if (wider.contains(previous.last) || wider.contains(end.first)) break;
      next = wider;
    }
    gaps.push(next);
    previous = next;
    next = next.next();
  }
  return gaps;
}

/** The layout awsx reports for a Legacy or AutoMerge plan: the first zone's subnets, read back as specs. */
function layoutFromPlan(subnets: readonly PlannedSubnet[], azCount: number): LayoutEntry[] {
  const entries: LayoutEntry[] = [];
  let previous: NetworkBlock | undefined;
  // The provider reads "the first zone's subnets" as the first 1/n of the list, which for the default Legacy
  // layout (all private subnets first) is every zone's private subnet; its output says so too.
  for (const subnet of subnets.slice(0, subnets.length / azCount)) {
    const block = NetworkBlock.parse(subnet.cidrBlock);
    if (previous !== undefined) for (const gap of gapBetween(previous, block)) entries.push({ type: 'Unused', cidrMask: gap.prefixLength });
    // The spec name read back from the subnet name never reaches the output (awsx stores it under another key).
    entries.push({ type: subnet.type, ...(block.prefixLength ? { cidrMask: block.prefixLength } : {}) });
    previous = block;
  }
  return entries;
}

function layoutFromSpecs(specs: readonly SubnetSpecArgs[]): LayoutEntry[] {
  return specs.map((spec) => ({
    type: spec.type,
    ...(spec.name ? { name: spec.name } : {}),
    ...(spec.cidrBlocks ? { cidrBlocks: spec.cidrBlocks } : {}),
    ...(spec.cidrMask ? { cidrMask: spec.cidrMask } : {}),
    ...(spec.size ? { size: spec.size } : {}),
  }));
}

export interface SubnetPlanArgs {
  readonly vpcName: string;
  readonly vpcCidr: string;
  readonly azNames: readonly string[];
  readonly strategy: SubnetStrategy;
  readonly specs?: readonly SubnetSpecArgs[];
  readonly azCidrMask?: number;
  readonly nameTagStrategy: NameTagStrategy;
  readonly natGatewayStrategy: string;
}

/** Every subnet the VPC gets, in the provider's order, with its `subnetLayout` output; throws as the provider would. */
export function planSubnets(args: SubnetPlanArgs): { subnets: PlannedSubnet[]; layout: LayoutEntry[] } {
  const { vpcName, vpcCidr, azNames, strategy, nameTagStrategy } = args;
  if (strategy === 'AutoMerge' && args.specs?.some((spec) => spec.cidrBlocks !== undefined)) {
    throw new ComponentArgumentError(
      'subnetStrategy="AutoMerge" does not support subnetSpecs with explicit cidrBlocks. Use subnetStrategy="Auto" or "Exact" to fully specify the subnet layout.',
    );
  }
  const normalized = normalizeSubnetSpecs(args.specs, azNames.length);
  let subnets: PlannedSubnet[];
  if (normalized === undefined ? strategy !== 'Auto' && strategy !== 'AutoMerge' : strategy === 'Legacy') {
    subnets = legacySubnets(vpcName, vpcCidr, azNames, normalized?.specs, nameTagStrategy);
  } else if (normalized?.explicit) {
    subnets = explicitSubnets(vpcName, azNames, normalized.specs, nameTagStrategy);
  } else if (strategy === 'AutoMerge') {
    subnets = autoMergeSubnets(vpcName, vpcCidr, azNames, normalized?.specs, args.azCidrMask, nameTagStrategy);
  } else {
    subnets = autoSubnets(vpcName, vpcCidr, azNames, normalized?.specs, args.azCidrMask, nameTagStrategy);
  }
  validateNoOverlaps(subnets);
  if (strategy === 'Exact') validateNoGaps(vpcCidr, subnets);
  validateNatGatewayStrategy(args.natGatewayStrategy, subnets);
  const fromPlan = strategy === 'Legacy' || strategy === 'AutoMerge' || normalized === undefined;
  return { subnets, layout: fromPlan ? layoutFromPlan(subnets, azNames.length) : layoutFromSpecs(normalized.specs) };
}
