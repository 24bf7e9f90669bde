import fc from 'fast-check';
import { UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import {
  coversPort,
  describePortRange,
  describePorts,
  ipProtocolOf,
  isSingleHostCidr,
  parseCidr,
  type PortRange,
  type Transport,
} from './network';

describe('parseCidr', () => {
  it('parses IPv4 and IPv6 blocks as addresses', () => {
    expect(parseCidr('10.1.0.0/16')).toEqual({ family: 'ipv4', bytes: [10, 1, 0, 0], prefixLength: 16 });
    expect(parseCidr('2001:db8::/32')).toMatchObject({ family: 'ipv6', prefixLength: 32 });
    expect(parseCidr(' 192.0.2.1/32 ')).toMatchObject({ family: 'ipv4', prefixLength: 32 });
  });

  it('rejects what is not a CIDR block', () => {
    for (const value of ['10.0.0.1', '10.0.0.0/33', '::/129', '0.0.0.0/-0', 'anywhere', '', 42, null, undefined, {}, UNKNOWN_VALUE]) {
      expect(parseCidr(value)).toBeUndefined();
    }
  });
});

describe('isSingleHostCidr', () => {
  it('accepts /32 and /128 only', () => {
    expect(isSingleHostCidr('203.0.113.7/32')).toBe(true);
    expect(isSingleHostCidr('203.0.113.7/032')).toBe(true);
    expect(isSingleHostCidr('2001:db8::7/128')).toBe(true);
    expect(isSingleHostCidr('203.0.113.0/31')).toBe(false);
    expect(isSingleHostCidr('2001:db8::/127')).toBe(false);
    expect(isSingleHostCidr('0.0.0.0/0')).toBe(false);
    expect(isSingleHostCidr(UNKNOWN_VALUE)).toBe('unknown');
    expect(isSingleHostCidr('203.0.113.7')).toBe('unknown');
  });
});

describe('ipProtocolOf', () => {
  it('reads protocol names and numbers in every spelling AWS accepts', () => {
    expect(ipProtocolOf('-1')).toBe('all');
    expect(ipProtocolOf(-1)).toBe('all');
    expect(ipProtocolOf('ALL')).toBe('all');
    expect(ipProtocolOf('tcp')).toBe('tcp');
    expect(ipProtocolOf('6')).toBe('tcp');
    expect(ipProtocolOf(6)).toBe('tcp');
    expect(ipProtocolOf('udp')).toBe('udp');
    expect(ipProtocolOf('17')).toBe('udp');
    expect(ipProtocolOf('icmp')).toBe('icmp');
    expect(ipProtocolOf('1')).toBe('icmp');
    expect(ipProtocolOf('58')).toBe('icmpv6');
    expect(ipProtocolOf('47')).toBe('other');
    expect(ipProtocolOf('256')).toBe('unknown');
    expect(ipProtocolOf('6.5')).toBe('unknown');
    expect(ipProtocolOf('gre')).toBe('unknown');
    expect(ipProtocolOf(UNKNOWN_VALUE)).toBe('unknown');
    expect(ipProtocolOf(undefined)).toBe('unknown');
  });
});

describe('coversPort', () => {
  it('protocol all covers every port whatever the bounds', () => {
    expect(coversPort({ protocol: '-1', fromPort: 0, toPort: 0 }, 22)).toBe(true);
    expect(coversPort({ protocol: 'all', fromPort: undefined, toPort: undefined }, 3389, ['udp'])).toBe(true);
  });

  it('tcp and udp ranges cover the ports between their bounds, inclusive', () => {
    expect(coversPort({ protocol: 'tcp', fromPort: 22, toPort: 22 }, 22)).toBe(true);
    expect(coversPort({ protocol: '6', fromPort: '0', toPort: '65535' }, 3389)).toBe(true);
    expect(coversPort({ protocol: 'tcp', fromPort: 1024, toPort: 65535 }, 3389)).toBe(true);
    expect(coversPort({ protocol: 'tcp', fromPort: 1024, toPort: 65535 }, 22)).toBe(false);
    expect(coversPort({ protocol: 'tcp', fromPort: 23, toPort: 3388 }, 22)).toBe(false);
    expect(coversPort({ protocol: 'udp', fromPort: 0, toPort: 65535 }, 22, ['tcp'])).toBe(false);
    expect(coversPort({ protocol: '17', fromPort: 0, toPort: 65535 }, 22, ['tcp', 'udp'])).toBe(true);
  });

  it('icmp and other protocols carry no ports', () => {
    expect(coversPort({ protocol: 'icmp', fromPort: -1, toPort: -1 }, 22)).toBe(false);
    expect(coversPort({ protocol: 'icmp', fromPort: 0, toPort: 65535 }, 22, ['tcp', 'udp'])).toBe(false);
    expect(coversPort({ protocol: '47', fromPort: 0, toPort: 65535 }, 22)).toBe(false);
  });

  it('answers unknown when the protocol or a bound is unknown or invalid', () => {
    expect(coversPort({ protocol: UNKNOWN_VALUE, fromPort: 22, toPort: 22 }, 22)).toBe('unknown');
    expect(coversPort({ protocol: 'tcp', fromPort: UNKNOWN_VALUE, toPort: 22 }, 22)).toBe('unknown');
    expect(coversPort({ protocol: 'tcp', fromPort: 0, toPort: undefined }, 22)).toBe('unknown');
    expect(coversPort({ protocol: 'tcp', fromPort: 'ssh', toPort: 22 }, 22)).toBe('unknown');
    // an icmp entry is decidable even with unknown bounds: it never carries a TCP port
    expect(coversPort({ protocol: 'icmp', fromPort: UNKNOWN_VALUE, toPort: UNKNOWN_VALUE }, 22)).toBe(false);
  });
});

describe('descriptions', () => {
  it('describes ranges and ports for messages', () => {
    expect(describePortRange({ protocol: '-1', fromPort: 0, toPort: 0 })).toBe('all traffic');
    expect(describePortRange({ protocol: 'tcp', fromPort: 22, toPort: 22 })).toBe('tcp 22');
    expect(describePortRange({ protocol: '17', fromPort: 1024, toPort: 65535 })).toBe('udp 1024-65535');
    expect(describePortRange({ protocol: 'icmp', fromPort: -1, toPort: -1 })).toBe('icmp');
    expect(describePorts([22, 3389])).toBe('22 (SSH) and 3389 (RDP)');
    expect(describePorts([22])).toBe('22 (SSH)');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Property tests: the functions never throw on anything, and agree with a brute-force reference on valid inputs.

/** Formats IPv4 bytes as dotted decimal. */
function formatIpv4(bytes: readonly number[]): string {
  return bytes.join('.');
}

/** Formats IPv6 bytes as eight hex groups, optionally upper-case, zero-padded, and with the longest zero run as `::`. */
function formatIpv6(bytes: readonly number[], style: { upper: boolean; pad: boolean; compress: boolean }): string {
  const groups = Array.from({ length: 8 }, (_, index) => (bytes[index * 2] << 8) | bytes[index * 2 + 1]);
  const texts = groups.map((group) => {
    const hex = group.toString(16).padStart(style.pad ? 4 : 1, '0');
    return style.upper ? hex.toUpperCase() : hex;
  });
  if (!style.compress) return texts.join(':');
  let bestStart = -1;
  let bestLength = 0;
  for (let start = 0; start < 8; start++) {
    let length = 0;
    while (start + length < 8 && groups[start + length] === 0) length++;
    if (length > bestLength) [bestStart, bestLength] = [start, length];
  }
  if (bestLength < 2) return texts.join(':');
  return `${texts.slice(0, bestStart).join(':')}::${texts.slice(bestStart + bestLength).join(':')}`;
}

/** The first and last address of a block, computed from the bytes and a bit mask with big integers. */
function referenceRange(bytes: readonly number[], prefixLength: number): { first: bigint; last: bigint } {
  const bits = BigInt(bytes.length * 8);
  const max = (1n << bits) - 1n;
  const value = bytes.reduce((total, byte) => (total << 8n) | BigInt(byte), 0n);
  const hostBits = bits - BigInt(prefixLength);
  const mask = (max >> hostBits) << hostBits;
  const first = value & mask;
  return { first, last: first | (max & ~mask) };
}

const cidrArbitrary = fc.oneof(
  fc.record({
    family: fc.constant('ipv4' as const),
    bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 4, maxLength: 4 }),
    prefixLength: fc.oneof(fc.integer({ min: 0, max: 32 }), fc.constantFrom(0, 1, 31, 32)),
    paddedPrefix: fc.boolean(),
    style: fc.record({ upper: fc.boolean(), pad: fc.boolean(), compress: fc.boolean() }),
  }),
  fc.record({
    family: fc.constant('ipv6' as const),
    bytes: fc.oneof(
      fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 16, maxLength: 16 }),
      fc.array(fc.constantFrom(0, 0, 0, 1, 255), { minLength: 16, maxLength: 16 }),
    ),
    prefixLength: fc.oneof(fc.integer({ min: 0, max: 128 }), fc.constantFrom(0, 1, 127, 128)),
    paddedPrefix: fc.boolean(),
    style: fc.record({ upper: fc.boolean(), pad: fc.boolean(), compress: fc.boolean() }),
  }),
);

const protocolArbitrary = fc.oneof(
  fc.constantFrom('-1', -1, 'all', 'ALL', 'tcp', 'TCP', '6', 6, 'udp', '17', 17, 'icmp', '1', 1, 'icmpv6', '58', '47', 0),
  fc.integer({ min: -3, max: 300 }),
  fc.string(),
  fc.constant(UNKNOWN_VALUE),
);

const portBoundArbitrary = fc.oneof(
  fc.integer({ min: -1, max: 65535 }),
  fc.constantFrom(0, 22, 23, 1024, 3389, 65535),
  fc.integer({ min: -1, max: 65535 }).map(String),
  fc.constant(UNKNOWN_VALUE),
  fc.constant(undefined),
);

/** The protocol classes, written as a plain lookup over every spelling the generator produces. */
function referenceProtocol(value: unknown): 'all' | 'tcp' | 'udp' | 'none' | 'unknown' {
  const text = typeof value === 'string' ? value.trim().toLowerCase() : value;
  const spelled = typeof text === 'string' && /^[+-]?\d+$/.test(text) ? Number(text) : text;
  if (spelled === 'all' || spelled === -1) return 'all';
  if (spelled === 'tcp' || spelled === 6) return 'tcp';
  if (spelled === 'udp' || spelled === 17) return 'udp';
  if (spelled === 'icmp' || spelled === 'icmpv6') return 'none';
  return typeof spelled === 'number' && Number.isInteger(spelled) && spelled >= 0 && spelled <= 255 ? 'none' : 'unknown';
}

/** Port coverage by enumeration: walk every port of the range and look for the one asked about. */
function referenceCovers(range: PortRange, port: number, transports: readonly Transport[]): boolean | 'unknown' {
  const protocol = referenceProtocol(range.protocol);
  if (protocol === 'unknown') return 'unknown';
  if (protocol === 'all') return true;
  if (protocol === 'none' || !transports.includes(protocol)) return false;
  const bound = (value: unknown) =>
    typeof value === 'number' ? value : typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : undefined;
  const from = bound(range.fromPort);
  const to = bound(range.toPort);
  if (from === undefined || to === undefined) return 'unknown';
  for (let candidate = from; candidate <= to; candidate++) {
    if (candidate === port) return true;
  }
  return false;
}

describe('network arithmetic properties', () => {
  it('never throws and answers within its domain on arbitrary values', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), fc.integer({ min: 0, max: 65535 }), (a, b, c, port) => {
        for (const decision of [isSingleHostCidr(a), coversPort({ protocol: a, fromPort: b, toPort: c }, port, ['tcp', 'udp'])]) {
          expect([true, false, 'unknown']).toContain(decision);
        }
        expect(['all', 'tcp', 'udp', 'icmp', 'icmpv6', 'other', 'unknown']).toContain(ipProtocolOf(a));
        expect(typeof describePortRange({ protocol: a, fromPort: b, toPort: c })).toBe('string');
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on arbitrary strings shaped like CIDRs', () => {
    const cidrLike = fc
      .tuple(fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF:./% x-') }), fc.string({ unit: fc.constantFrom(...'0123456789-+ ') }))
      .map(([address, prefix]) => `${address}/${prefix}`);
    fc.assert(
      fc.property(cidrLike, (value) => {
        expect([true, false, 'unknown']).toContain(isSingleHostCidr(value));
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with a big-integer range computation on generated CIDRs', () => {
    fc.assert(
      fc.property(cidrArbitrary, ({ family, bytes, prefixLength, paddedPrefix, style }) => {
        const address = family === 'ipv4' ? formatIpv4(bytes) : formatIpv6(bytes, style);
        const cidr = `${address}/${paddedPrefix ? `0${prefixLength}` : prefixLength}`;
        const { first, last } = referenceRange(bytes, prefixLength);
        expect([cidr, isSingleHostCidr(cidr)]).toEqual([cidr, first === last]);
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with port enumeration on generated ranges', () => {
    const transportsArbitrary = fc.constantFrom<readonly Transport[]>(['tcp'], ['udp'], ['tcp', 'udp']);
    fc.assert(
      fc.property(
        protocolArbitrary,
        portBoundArbitrary,
        portBoundArbitrary,
        fc.constantFrom(0, 22, 3389, 65535),
        transportsArbitrary,
        (protocol, fromPort, toPort, port, transports) => {
          const range = { protocol, fromPort, toPort };
          expect(coversPort(range, port, transports)).toBe(referenceCovers(range, port, transports));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
