/** An IPv4 network in CIDR form, as numbers: the network address (32-bit, unsigned) and the prefix length. */
export interface Ipv4Network {
  readonly address: number;
  readonly prefixLength: number;
}

const CIDR_PATTERN = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/**
 * Parses `a.b.c.d/n` strictly: four decimal octets without leading zeros (AWS rejects `010.0.0.0/16`), a prefix
 * from 0 to 32, and no host bits set (`10.0.0.1/16` is a host, not a network). Undefined when it is not one.
 */
export function parseIpv4Network(text: string): Ipv4Network | undefined {
  const match = CIDR_PATTERN.exec(text);
  if (match === null) return undefined;
  const parts = match.slice(1, 6);
  if (parts.some((part) => part.length > 1 && part.startsWith('0'))) return undefined;
  const octets = parts.slice(0, 4).map(Number);
  const prefixLength = Number(parts[4]);
  if (octets.some((octet) => octet > 255) || prefixLength > 32) return undefined;
  const address = ((octets[0] << 24) | (octets[1] << 16) | (octets[2] << 8) | octets[3]) >>> 0;
  if ((address & hostMask(prefixLength)) !== 0) return undefined;
  return { address, prefixLength };
}

/** Renders a network as `a.b.c.d/n`. */
export function formatIpv4Network(network: Ipv4Network): string {
  const { address } = network;
  const octets = [address >>> 24, (address >>> 16) & 255, (address >>> 8) & 255, address & 255];
  return `${octets.join('.')}/${network.prefixLength}`;
}

/**
 * The `index`-th subnet of `prefixLength` inside `parent`, counting from the parent's first address. Throws when
 * the parent has no such subnet, so a layout that does not fit fails loudly instead of overlapping.
 */
export function nthSubnet(parent: Ipv4Network, prefixLength: number, index: number): Ipv4Network {
  if (prefixLength < parent.prefixLength || prefixLength > 32) {
    throw new Error(`a /${prefixLength} subnet cannot be carved from ${formatIpv4Network(parent)}`);
  }
  const available = subnetCount(parent, prefixLength);
  if (!Number.isInteger(index) || index < 0 || index >= available) {
    throw new Error(`${formatIpv4Network(parent)} holds ${available} /${prefixLength} subnets; there is no subnet number ${index}`);
  }
  const size = 2 ** (32 - prefixLength);
  return { address: parent.address + index * size, prefixLength };
}

/** How many subnets of `prefixLength` fit in `parent`. */
export function subnetCount(parent: Ipv4Network, prefixLength: number): number {
  return prefixLength < parent.prefixLength ? 0 : 2 ** (prefixLength - parent.prefixLength);
}

function hostMask(prefixLength: number): number {
  return prefixLength === 0 ? 0xffffffff : (2 ** (32 - prefixLength) - 1) >>> 0;
}
