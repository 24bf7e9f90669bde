/**
 * IPv4 block arithmetic, with the exact semantics of the two libraries the awsx provider allocates subnets with:
 * `ip-address` (the Legacy strategy: a block keeps the address it was written with) and `netmask` (the newer
 * strategies: a block is normalised to its network address, and its `first`/`last` are the usable hosts). Their
 * quirks decide which CIDR each subnet gets, so they are reproduced, not improved.
 */

const ADDRESS_SPACE = 2 ** 32;

/** `10.0.0.1` → 167772161; throws for anything that is not a dotted quad. */
export function parseAddress(text: string): number {
  const parts = text.split('.');
  if (parts.length !== 4 || parts.some((part) => !/^\d{1,3}$/.test(part) || Number(part) > 255)) {
    throw new Error(`"${text}" is not an IPv4 address`);
  }
  return parts.reduce((total, part) => total * 256 + Number(part), 0);
}

/** 167772161 → `10.0.0.1`. */
export function formatAddress(value: number): string {
  if (!Number.isInteger(value) || value < 0 || value >= ADDRESS_SPACE) throw new Error(`address ${value} is outside the IPv4 space`);
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

/** The number of addresses in a block with this prefix length. */
export function blockSize(prefixLength: number): number {
  return 2 ** (32 - prefixLength);
}

/** The network address of `address` under a prefix length. */
export function networkAddress(address: number, prefixLength: number): number {
  const size = blockSize(prefixLength);
  return Math.floor(address / size) * size;
}

/** A block as `ip-address`'s `Address4` holds it: the address as written, and the prefix length. */
export interface WrittenBlock {
  readonly address: number;
  readonly prefixLength: number;
}

/** Parses `a.b.c.d/n` (or a bare address, a /32) without normalising the address. */
export function parseWrittenBlock(cidr: string): WrittenBlock {
  const [address = '', prefix] = cidr.split('/');
  const prefixLength = prefix === undefined ? 32 : Number(prefix);
  if (!Number.isInteger(prefixLength) || prefixLength < 0 || prefixLength > 32) throw new Error(`"${cidr}" is not an IPv4 CIDR block`);
  return { address: parseAddress(address), prefixLength };
}

/** The first address of a written block's network. */
export function startOf(block: WrittenBlock): number {
  return networkAddress(block.address, block.prefixLength);
}

/** The last address of a written block's network. */
export function endOf(block: WrittenBlock): number {
  return startOf(block) + blockSize(block.prefixLength) - 1;
}

/** `a.b.c.d/n`, with the address as written. */
export function formatWrittenBlock(block: WrittenBlock): string {
  return `${formatAddress(block.address)}/${block.prefixLength}`;
}

/** True when the two blocks' networks share an address. */
export function overlaps(a: WrittenBlock, b: WrittenBlock): boolean {
  return startOf(a) <= endOf(b) && startOf(b) <= endOf(a);
}

/** `ip-address`'s `isInSubnet`: `a` is at least as specific as `b` and lies inside it. */
export function isInside(a: WrittenBlock, b: WrittenBlock): boolean {
  return a.prefixLength >= b.prefixLength && networkAddress(a.address, b.prefixLength) === networkAddress(b.address, b.prefixLength);
}

/** A block as `netmask`'s `Netmask` holds it: normalised to its network address. */
export class NetworkBlock {
  readonly base: number;

  constructor(
    address: number,
    readonly prefixLength: number,
  ) {
    this.base = networkAddress(address, prefixLength);
  }

  /** Parses `a.b.c.d/n`. */
  static parse(cidr: string): NetworkBlock {
    const block = parseWrittenBlock(cidr);
    return new NetworkBlock(block.address, block.prefixLength);
  }

  get size(): number {
    return blockSize(this.prefixLength);
  }

  /** The first usable host (the network address itself for /31 and /32), as `netmask` defines it. */
  get first(): number {
    return this.prefixLength <= 30 ? this.base + 1 : this.base;
  }

  /** The last usable host (the last address for /31 and /32), as `netmask` defines it. */
  get last(): number {
    return this.prefixLength <= 30 ? this.base + this.size - 2 : this.base + this.size - 1;
  }

  /** The next block of the same size. */
  next(): NetworkBlock {
    return new NetworkBlock(this.base + this.size, this.prefixLength);
  }

  /** True when the address lies in this block. */
  contains(address: number): boolean {
    return networkAddress(address, this.prefixLength) === this.base;
  }

  toString(): string {
    return `${formatAddress(this.base)}/${this.prefixLength}`;
  }
}
