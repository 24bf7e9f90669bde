/**
 * Which ports a set of ingress permissions (everything that opens one security group or network ACL) opens to the
 * internet, judging the union of their source blocks per port and transport: `0.0.0.0/1` on one permission and
 * `128.0.0.0/1` on another, both reaching TCP 22, open SSH to the internet as surely as `0.0.0.0/0`. And, when
 * nothing is decidedly open, which unknown values could make it so. Shared by `sg-no-public-admin-ingress`,
 * `sg-no-public-high-risk-ports` and `nacl-no-public-admin-ingress`. Not a rule itself.
 */
import type { PolicyResource } from '@pulumi/policy';
import { isUnknown } from '@bulwark/policy-kit';
import { cidrRange, coversInternet, familyName, reachesInternet, type AddressRange } from '../../lib/internet-coverage';
import { coversPort, describePortRange, parseCidr, type AddressFamily, type Transport } from '../../lib/network';
import { type IngressGroup } from './ingress-groups';
import { type IngressPermission, type IngressSource } from './ingress-permissions';

/** A permission and the resource that grants it. */
export interface HeldPermission {
  readonly holder: PolicyResource;
  readonly permission: IngressPermission;
}

/** A known CIDR source of a held permission, as an address range; `order` is its position among all sources. */
export interface HeldSource {
  readonly held: HeldPermission;
  readonly source: IngressSource & { readonly kind: 'cidr' };
  readonly range: AddressRange;
  readonly order: number;
}

/** Sources that admit the internet on some of the asked-about ports: one block alone, or several together. */
export interface InternetExposure {
  readonly family: AddressFamily;
  /** One source whose block alone holds every internet address of its family, or the blocks whose union does. */
  readonly sources: readonly HeldSource[];
  readonly alone: boolean;
  /** The asked-about ports the sources open, in the order asked. */
  readonly ports: readonly number[];
}

const FAMILIES: readonly AddressFamily[] = ['ipv4', 'ipv6'];

/** How many blocks of a union a message names before saying how many more there are. */
const MAX_BLOCKS_SHOWN = 4;

/** Every known CIDR source of the permissions that apply, in order. */
function heldSources(permissions: readonly HeldPermission[]): HeldSource[] {
  let order = 0;
  return permissions.flatMap((held) =>
    held.permission.sources.flatMap((source) => {
      const position = order++;
      if (source.kind !== 'cidr') return [];
      const cidr = parseCidr(source.value);
      return cidr ? [{ held, source, range: cidrRange(cidr), order: position }] : [];
    }),
  );
}

/** The sources of permissions that decidedly apply and reach `port` over `transport`. */
function sourcesOn(sources: readonly HeldSource[], port: number, transport: Transport): HeldSource[] {
  return sources.filter(({ held }) => held.permission.appliesUnknown === undefined && coversPort(held.permission.range, port, [transport]) === true);
}

/**
 * The internet exposures of `permissions` on `ports` over `transports`. Every source whose block alone holds the
 * internet of its family is one exposure (with each port it opens); where no block alone does but the union of the
 * blocks reaching a port does, those blocks (the ones holding internet addresses) are one exposure together.
 */
export function internetExposures(permissions: readonly HeldPermission[], ports: readonly number[], transports: readonly Transport[]): InternetExposure[] {
  const sources = heldSources(permissions);
  const found = new Map<string, { exposure: Omit<InternetExposure, 'ports'>; ports: Set<number> }>();
  const add = (family: AddressFamily, exposed: readonly HeldSource[], alone: boolean, port: number) => {
    const key = `${alone}|${exposed.map((source) => source.order).join(',')}`;
    const entry = found.get(key) ?? { exposure: { family, sources: exposed, alone }, ports: new Set<number>() };
    entry.ports.add(port);
    found.set(key, entry);
  };
  for (const port of ports) {
    for (const transport of transports) {
      const reaching = sourcesOn(sources, port, transport);
      for (const family of FAMILIES) {
        const ofFamily = reaching.filter((source) => source.range.family === family);
        const alone = ofFamily.filter((source) => coversInternet([source.range], family));
        if (alone.length > 0) alone.forEach((source) => add(family, [source], true, port));
        else if (coversInternet(ofFamily.map((source) => source.range), family)) {
          add(family, ofFamily.filter((source) => reachesInternet(source.range)), false, port);
        }
      }
    }
  }
  return [...found.values()]
    .map(({ exposure, ports: opened }) => ({ ...exposure, ports: ports.filter((port) => opened.has(port)) }))
    .sort((a, b) => a.sources[0].order - b.sources[0].order);
}

/** How a message names a permission: `ingress[0]`, `the rule`, or `SecurityGroupRule ssh-b` on another resource. */
function permissionLabel(held: HeldPermission, reportedOn: PolicyResource): string {
  const own = held.permission.path || 'the rule';
  if (held.holder.urn === reportedOn.urn) return own;
  const kind = held.holder.type.split(':').pop() ?? held.holder.type;
  return held.permission.path ? `${kind} ${held.holder.name} ${held.permission.path}` : `${kind} ${held.holder.name}`;
}

function sourceText({ source }: HeldSource): string {
  return `${source.property} = "${String(source.value)}"`;
}

/**
 * Where an exposure is reported: on the resource holding its block(s) when there is one; a union across resources
 * on the group's own resource when the stack declares it, else on the first resource contributing a block.
 */
export function exposureTarget(exposure: InternetExposure, group: IngressGroup): PolicyResource {
  const holders = [...new Set(exposure.sources.map((source) => source.held.holder))];
  if (holders.length === 1) return holders[0];
  return group.owner ?? holders[0];
}

/**
 * The exposure as a message starts: `ingress[0] allows tcp 22 from ingress[0].cidrBlocks[1] = "0.0.0.0/0" (the whole
 * internet)`, or for a union `ingress[0] allows tcp 22 from ... = "0.0.0.0/1" and SecurityGroupRule b allows ... =
 * "128.0.0.0/1": together these blocks hold every public IPv4 address (the whole internet)`.
 */
export function describeInternetExposure(exposure: InternetExposure, reportedOn: PolicyResource): string {
  if (exposure.alone) {
    const [only] = exposure.sources;
    const whole = parseCidr(only.source.value)?.prefixLength === 0;
    const what = whole ? 'the whole internet' : `every public ${familyName(exposure.family)} address: the whole internet`;
    return `${permissionLabel(only.held, reportedOn)} allows ${describePortRange(only.held.permission.range)} from ${sourceText(only)} (${what})`;
  }
  // Blocks of one permission are named together; a long union shows its first blocks and how many more.
  const shown = exposure.sources.slice(0, MAX_BLOCKS_SHOWN);
  const byPermission: { held: HeldPermission; texts: string[] }[] = [];
  for (const source of shown) {
    const last = byPermission[byPermission.length - 1];
    if (last && last.held === source.held) last.texts.push(sourceText(source));
    else byPermission.push({ held: source.held, texts: [sourceText(source)] });
  }
  const parts = byPermission.map(({ held, texts }) => `${permissionLabel(held, reportedOn)} allows ${describePortRange(held.permission.range)} from ${texts.join(', ')}`);
  const more = exposure.sources.length - shown.length;
  const rest = more > 0 ? `, and ${more} more block${more === 1 ? '' : 's'}` : '';
  return `${parts.join(' and ')}${rest}: together these blocks hold every public ${familyName(exposure.family)} address (the whole internet)`;
}

/** One unknown value that could open a port to the internet, and the resource holding it. */
export interface UndecidedIngress {
  readonly holder: PolicyResource;
  readonly property: string;
}

function join(path: string, property: string): string {
  return path ? `${path}.${property}` : property;
}

/**
 * The unknown values of a group that could open one of `ports` to the internet, when nothing is decidedly open:
 * - an unknown source block of a permission that reaches (or may reach) a port: it may be `0.0.0.0/0`;
 * - the unknown protocol or ports of a permission whose known blocks, with those already reaching that port, would
 *   hold the internet;
 * - the unknown value deciding whether a permission applies at all (`appliesUnknown`), under the same condition;
 * - for a lone rule resource whose group is unknown (`ungrouped`), its link property, when a block of it reaches a
 *   port and holds internet addresses without holding them all: other rules of its group may complete the union.
 * Unparseable values are not undecided: AWS rejects them.
 */
export function undecidedIngress(
  permissions: readonly HeldPermission[],
  group: IngressGroup,
  ports: readonly number[],
  transports: readonly Transport[],
  linkProperty: string,
): UndecidedIngress[] {
  const sources = heldSources(permissions);
  const found: UndecidedIngress[] = [];
  const add = (holder: PolicyResource, property: string) => {
    if (!found.some((entry) => entry.holder.urn === holder.urn && entry.property === property)) found.push({ holder, property });
  };
  for (const held of permissions) {
    const { permission } = held;
    const unknownSources = permission.sources.filter((source) => source.kind === 'cidr' && isUnknown(source.value)).map((source) => source.property);
    const own = sources.filter((source) => source.held === held);
    for (const port of ports) {
      for (const transport of transports) {
        const coverage = coversPort(permission.range, port, [transport]);
        if (coverage === false) continue;
        const applies = coverage === true && permission.appliesUnknown === undefined;
        if (applies) {
          unknownSources.forEach((property) => add(held.holder, property));
          if (group.ungrouped && own.some((source) => reachesInternet(source.range))) add(held.holder, linkProperty);
          continue;
        }
        // Whether it applies, or which ports it reaches, is unknown: it matters if it could complete an exposure.
        const reaching = sourcesOn(sources, port, transport);
        const couldOpen =
          unknownSources.length > 0 ||
          FAMILIES.some((family) => coversInternet([...reaching, ...own].filter((source) => source.range.family === family).map((source) => source.range), family));
        if (!couldOpen) continue;
        unknownSources.forEach((property) => add(held.holder, property));
        if (permission.appliesUnknown !== undefined) add(held.holder, permission.appliesUnknown);
        if (coverage === 'unknown') {
          (['protocol', 'fromPort', 'toPort'] as const)
            .filter((field) => isUnknown(permission.range[field]))
            .forEach((field) => add(held.holder, join(permission.path, field === 'protocol' ? permission.protocolProperty : field)));
        }
      }
    }
  }
  return found;
}
