/**
 * CIDR and port arithmetic for the network rules. CIDRs are parsed as addresses, never matched as text, so
 * `0.0.0.0/00`, `::0/0` or `10.0.0.0/0` are recognised as "the whole address space" just like `0.0.0.0/0`.
 * Every function accepts any value (engine unknowns, wrong types, garbage) and answers `'unknown'` when it
 * cannot decide, instead of throwing: a rule then chooses what an undecidable value means.
 */
import ipaddr from 'ipaddr.js';
import { isUnknown } from '@bulwark/policy-kit';

/** A yes/no answer, or `'unknown'` when the value is not known (preview) or cannot be interpreted. */
export type Decision = boolean | 'unknown';

export type AddressFamily = 'ipv4' | 'ipv6';

/** The number of bits in an address of each family. */
export const ADDRESS_BITS: Readonly<Record<AddressFamily, number>> = { ipv4: 32, ipv6: 128 };

/** A CIDR block parsed as an address: its family, the address bytes as written and the prefix length. */
export interface ParsedCidr {
  readonly family: AddressFamily;
  /** The address part, one number per byte (4 for IPv4, 16 for IPv6), host bits not cleared. */
  readonly bytes: readonly number[];
  readonly prefixLength: number;
}

/** Parses a CIDR block (`10.0.0.0/16`, `2001:db8::/32`); undefined when the value is not a known, valid CIDR. */
export function parseCidr(value: unknown): ParsedCidr | undefined {
  if (typeof value !== 'string' || isUnknown(value)) return undefined;
  const text = value.trim();
  // ipaddr.js accepts the classic inet_aton forms too (`0/0`, `0x0.0.0.0/0`); they still denote real blocks.
  if (!ipaddr.isValidCIDR(text)) return undefined;
  try {
    const [address, prefixLength] = ipaddr.parseCIDR(text);
    return { family: address.kind(), bytes: address.toByteArray(), prefixLength };
  } catch {
    return undefined;
  }
}

/** True when a CIDR designates exactly one address (`/32` for IPv4, `/128` for IPv6); `'unknown'` if unparseable. */
export function isSingleHostCidr(value: unknown): Decision {
  const cidr = parseCidr(value);
  if (!cidr) return 'unknown';
  return cidr.prefixLength === ADDRESS_BITS[cidr.family];
}

/** An IP protocol as security group and network ACL entries name it, reduced to what decides port coverage. */
export type IpProtocol = 'all' | 'tcp' | 'udp' | 'icmp' | 'icmpv6' | 'other';

/** The transport protocols that carry ports. */
export type Transport = 'tcp' | 'udp';

const PROTOCOL_NUMBERS: ReadonlyMap<number, IpProtocol> = new Map([
  [-1, 'all'],
  [1, 'icmp'],
  [6, 'tcp'],
  [17, 'udp'],
  [58, 'icmpv6'],
]);

const PROTOCOL_NAMES: ReadonlyMap<string, IpProtocol> = new Map([
  ['all', 'all'],
  ['tcp', 'tcp'],
  ['udp', 'udp'],
  ['icmp', 'icmp'],
  ['icmpv6', 'icmpv6'],
]);

/**
 * Classifies a protocol value: `-1`/`"-1"`/`all` mean every protocol, `tcp`/`6`, `udp`/`17`, `icmp`/`1`,
 * `icmpv6`/`58`; any other protocol number (0-255) is `other`. Unknown or invalid values give `'unknown'`.
 */
export function ipProtocolOf(value: unknown): IpProtocol | 'unknown' {
  let number: number;
  if (typeof value === 'number') {
    number = value;
  } else if (typeof value === 'string' && !isUnknown(value)) {
    const text = value.trim().toLowerCase();
    const named = PROTOCOL_NAMES.get(text);
    if (named) return named;
    if (!/^[+-]?\d+$/.test(text)) return 'unknown';
    number = Number(text);
  } else {
    return 'unknown';
  }
  if (!Number.isInteger(number) || number < -1 || number > 255) return 'unknown';
  return PROTOCOL_NUMBERS.get(number) ?? 'other';
}

/** The protocol and port bounds of one ingress permission or ACL entry, as the program passed them. */
export interface PortRange {
  readonly protocol: unknown;
  readonly fromPort: unknown;
  readonly toPort: unknown;
}

function portBound(value: unknown): number | 'unknown' {
  if (typeof value === 'number') return Number.isInteger(value) ? value : 'unknown';
  if (typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value)) return Number(value);
  return 'unknown';
}

/**
 * True when the range admits traffic to `port` over one of `transports`. Protocol "all" admits every port
 * whatever the bounds say (AWS ignores them); ICMP and other protocols carry no ports; tcp/udp admit
 * `fromPort <= port <= toPort`. Unknown or invalid protocol or bounds give `'unknown'`.
 */
export function coversPort(range: PortRange, port: number, transports: readonly Transport[] = ['tcp']): Decision {
  const protocol = ipProtocolOf(range.protocol);
  if (protocol === 'unknown') return 'unknown';
  if (protocol === 'all') return true;
  if (protocol !== 'tcp' && protocol !== 'udp') return false;
  if (!transports.includes(protocol)) return false;
  const from = portBound(range.fromPort);
  const to = portBound(range.toPort);
  if (from === 'unknown' || to === 'unknown') return 'unknown';
  return from <= port && port <= to;
}

/** A short human description of a range for messages: `all traffic`, `tcp 22`, `udp 1024-65535`, `icmp`. */
export function describePortRange(range: PortRange): string {
  const protocol = ipProtocolOf(range.protocol);
  if (protocol === 'all') return 'all traffic';
  if (protocol !== 'tcp' && protocol !== 'udp') {
    return protocol === 'unknown' ? `protocol ${describeProtocolValue(range.protocol)}` : protocol;
  }
  const from = portBound(range.fromPort);
  const to = portBound(range.toPort);
  if (from === 'unknown' || to === 'unknown') return `${protocol} ports unknown`;
  return from === to ? `${protocol} ${from}` : `${protocol} ${from}-${to}`;
}

function describeProtocolValue(value: unknown): string {
  if (isUnknown(value)) return '(unknown until deployment)';
  if (typeof value === 'string') return `"${value}"`;
  if (typeof value === 'number') return String(value);
  return `(a ${value === null ? 'null' : Array.isArray(value) ? 'list' : typeof value})`;
}

/** The remote server administration ports (SSH, RDP) that CIS 5.1-5.3 and FSBP EC2.13/21/53/54 keep closed to the world. */
export const ADMIN_PORTS: readonly number[] = [22, 3389];

/** The transports CIS counts for administration ports: TCP and UDP (RDP also runs over UDP 3389). */
export const ADMIN_TRANSPORTS: readonly Transport[] = ['tcp', 'udp'];

/**
 * The high-risk ports of Security Hub control EC2.19 other than the administration ports (which
 * `sg-no-public-admin-ingress` owns): file transfer, mail, Windows RPC/SMB, databases, search and dashboards.
 * https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-19
 */
export const HIGH_RISK_PORTS: readonly number[] = [
  20, 21, 23, 25, 110, 135, 143, 445, 1433, 1434, 3000, 3306, 4333, 5000, 5432, 5500, 5601, 8080, 8088, 8888, 9200, 9300,
];

/** The well-known services of the ports the network rules name, for messages. */
export const PORT_NAMES: Readonly<Record<number, string>> = {
  20: 'FTP data',
  21: 'FTP',
  22: 'SSH',
  23: 'Telnet',
  25: 'SMTP',
  110: 'POP3',
  135: 'Windows RPC',
  143: 'IMAP',
  445: 'SMB',
  1433: 'SQL Server',
  1434: 'SQL Server browser',
  3306: 'MySQL',
  3389: 'RDP',
  4333: 'mSQL',
  5432: 'PostgreSQL',
  5500: 'VNC',
  5601: 'Kibana',
  8080: 'HTTP proxy',
  9200: 'Elasticsearch',
  9300: 'Elasticsearch transport',
};

/** Names a list of ports for a message: `22 (SSH) and 3389 (RDP)`. */
export function describePorts(ports: readonly number[]): string {
  const named = ports.map((port) => (PORT_NAMES[port] ? `${port} (${PORT_NAMES[port]})` : String(port)));
  return named.length <= 1 ? (named[0] ?? '') : `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}`;
}
