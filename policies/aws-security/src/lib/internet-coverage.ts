/**
 * Whether a set of CIDR blocks, together, admits the whole internet: the union arithmetic behind the network rules
 * (`0.0.0.0/1` and `128.0.0.0/1` are the internet as surely as `0.0.0.0/0`).
 *
 * "The internet" of a family is every globally reachable unicast address, the family's space less the ranges the
 * IANA special-purpose registries mark as not globally reachable (private, loopback, link-local, shared address
 * space, documentation, benchmarking, multicast and reserved; https://www.iana.org/assignments/iana-ipv4-special-registry/
 * and https://www.iana.org/assignments/iana-ipv6-special-registry/). For IPv6 that is the global unicast space
 * `2000::/3` less its special blocks. So a union of blocks that leaves out only private or documentation ranges
 * ("everything but RFC 1918") admits the internet, and `2000::/3` alone does; a single very wide block that leaves
 * public addresses out (`0.0.0.0/1`, half the IPv4 internet) does not.
 */
import { ADDRESS_BITS, parseCidr, type AddressFamily, type ParsedCidr } from './network';

/** A contiguous range of addresses of one family, as integers (first and last address included). */
export interface AddressRange {
  readonly family: AddressFamily;
  readonly first: bigint;
  readonly last: bigint;
}

/** The addresses of a parsed CIDR block (host bits of the address cleared, as AWS does). */
export function cidrRange(cidr: ParsedCidr): AddressRange {
  const bits = BigInt(ADDRESS_BITS[cidr.family]);
  const address = cidr.bytes.reduce((value, byte) => (value << 8n) | BigInt(byte), 0n);
  const hostBits = bits - BigInt(cidr.prefixLength);
  const size = 1n << hostBits;
  const first = (address >> hostBits) << hostBits;
  return { family: cidr.family, first, last: first + size - 1n };
}

function rangeOf(text: string): AddressRange {
  const cidr = parseCidr(text);
  if (!cidr) throw new Error(`internet-coverage: "${text}" is not a CIDR block`);
  return cidrRange(cidr);
}

/** Sorts and merges overlapping or adjacent ranges of one family. */
export function mergeRanges(ranges: readonly AddressRange[]): AddressRange[] {
  const sorted = [...ranges].sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
  const merged: AddressRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range.first <= last.last + 1n) merged[merged.length - 1] = { ...last, last: range.last > last.last ? range.last : last.last };
    else merged.push(range);
  }
  return merged;
}

/** `whole` less every range of `holes` (same family), as merged ranges. */
function subtract(whole: AddressRange, holes: readonly AddressRange[]): AddressRange[] {
  const result: AddressRange[] = [];
  let next = whole.first;
  for (const hole of mergeRanges(holes)) {
    if (hole.last < next || hole.first > whole.last) continue;
    if (hole.first > next) result.push({ family: whole.family, first: next, last: hole.first - 1n });
    next = hole.last + 1n;
  }
  if (next <= whole.last) result.push({ family: whole.family, first: next, last: whole.last });
  return result;
}

/** IPv4 ranges that are not globally reachable unicast (IANA IPv4 special-purpose registry, plus multicast). */
const IPV4_NOT_INTERNET = [
  '0.0.0.0/8', // "this network"
  '10.0.0.0/8', // private
  '100.64.0.0/10', // shared address space (carrier-grade NAT)
  '127.0.0.0/8', // loopback
  '169.254.0.0/16', // link-local
  '172.16.0.0/12', // private
  '192.0.0.0/24', // IETF protocol assignments
  '192.0.2.0/24', // documentation (TEST-NET-1)
  '192.88.99.0/24', // deprecated 6to4 relay anycast
  '192.168.0.0/16', // private
  '198.18.0.0/15', // benchmarking
  '198.51.100.0/24', // documentation (TEST-NET-2)
  '203.0.113.0/24', // documentation (TEST-NET-3)
  '224.0.0.0/4', // multicast: never a source address
  '240.0.0.0/4', // reserved, and the limited broadcast address
];

/** Special blocks inside IPv6 global unicast (IANA IPv6 special-purpose registry). */
const IPV6_GLOBAL_UNICAST = '2000::/3';
const IPV6_NOT_INTERNET = [
  '2001::/23', // IETF protocol assignments (Teredo, benchmarking, ORCHID...)
  '2001:db8::/32', // documentation
  '2002::/16', // 6to4
  '3fff::/20', // documentation
];

/** Every globally reachable unicast address of each family, as merged ranges. */
export const INTERNET: Readonly<Record<AddressFamily, readonly AddressRange[]>> = {
  ipv4: subtract(rangeOf('0.0.0.0/0'), IPV4_NOT_INTERNET.map(rangeOf)),
  ipv6: subtract(rangeOf(IPV6_GLOBAL_UNICAST), IPV6_NOT_INTERNET.map(rangeOf)),
};

/** True when the union of `ranges` (any families mixed) holds every internet address of `family`. */
export function coversInternet(ranges: readonly AddressRange[], family: AddressFamily): boolean {
  const union = mergeRanges(ranges.filter((range) => range.family === family));
  return INTERNET[family].every((needed) => union.some((range) => range.first <= needed.first && needed.last <= range.last));
}

/** True when a range holds at least one internet address (a private or documentation block holds none). */
export function reachesInternet(range: AddressRange): boolean {
  return INTERNET[range.family].some((publicRange) => range.first <= publicRange.last && publicRange.first <= range.last);
}

/** `IPv4` or `IPv6`, for messages. */
export function familyName(family: AddressFamily): string {
  return family === 'ipv4' ? 'IPv4' : 'IPv6';
}
