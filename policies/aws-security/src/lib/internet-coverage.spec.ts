import fc from 'fast-check';
import { cidrRange, coversInternet, INTERNET, mergeRanges, reachesInternet, type AddressRange } from './internet-coverage';
import { parseCidr, type AddressFamily } from './network';

function ranges(...cidrs: string[]): AddressRange[] {
  return cidrs.map((text) => {
    const cidr = parseCidr(text);
    if (!cidr) throw new Error(text);
    return cidrRange(cidr);
  });
}

const covers = (family: AddressFamily, ...cidrs: string[]) => coversInternet(ranges(...cidrs), family);

/** The public IPv4 space as the usual "everything but RFC 1918 (and multicast)" list writes it. */
const ALL_BUT_PRIVATE = [
  '0.0.0.0/5', '8.0.0.0/7', '11.0.0.0/8', '12.0.0.0/6', '16.0.0.0/4', '32.0.0.0/3', '64.0.0.0/2', '128.0.0.0/3',
  '160.0.0.0/5', '168.0.0.0/6', '172.0.0.0/12', '172.32.0.0/11', '172.64.0.0/10', '172.128.0.0/9', '173.0.0.0/8',
  '174.0.0.0/7', '176.0.0.0/4', '192.0.0.0/9', '192.128.0.0/11', '192.160.0.0/13', '192.169.0.0/16', '192.170.0.0/15',
  '192.172.0.0/14', '192.176.0.0/12', '192.192.0.0/10', '193.0.0.0/8', '194.0.0.0/7', '196.0.0.0/6', '200.0.0.0/5', '208.0.0.0/4',
];

describe('cidrRange', () => {
  it('clears host bits, as AWS does', () => {
    expect(ranges('10.1.2.3/16')[0]).toEqual({ family: 'ipv4', first: 0x0a010000n, last: 0x0a01ffffn });
    expect(ranges('0.0.0.0/0')[0]).toEqual({ family: 'ipv4', first: 0n, last: 0xffffffffn });
    expect(ranges('2001:db8::1/32')[0].first).toBe(0x20010db8n << 96n);
  });
});

describe('coversInternet', () => {
  it.each([
    ['0.0.0.0/0', ['0.0.0.0/0']],
    ['two halves', ['0.0.0.0/1', '128.0.0.0/1']],
    ['four quarters in any order', ['192.0.0.0/2', '0.0.0.0/2', '128.0.0.0/2', '64.0.0.0/2']],
    ['everything but the private ranges', ALL_BUT_PRIVATE],
    ['overlapping blocks', ['0.0.0.0/1', '64.0.0.0/2', '100.0.0.0/8', '128.0.0.0/1']],
  ])('IPv4: %s covers the internet', (_label, cidrs) => {
    expect(covers('ipv4', ...cidrs)).toBe(true);
  });

  it.each([
    ['half the internet (a /1 alone)', ['0.0.0.0/1']],
    ['the other half', ['128.0.0.0/1']],
    ['three quarters', ['0.0.0.0/2', '64.0.0.0/2', '128.0.0.0/2']],
    ['everything but one public /24', [...ALL_BUT_PRIVATE.filter((cidr) => cidr !== '208.0.0.0/4'), '208.0.0.0/5', '216.0.0.0/6', '220.0.0.0/7', '222.0.0.0/8', '223.0.0.0/9', '223.128.0.0/10', '223.192.0.0/11', '223.224.0.0/12', '223.240.0.0/13', '223.248.0.0/14', '223.252.0.0/15', '223.254.0.0/16', '223.255.0.0/17', '223.255.128.0/18', '223.255.192.0/19', '223.255.224.0/20', '223.255.240.0/21', '223.255.248.0/22', '223.255.252.0/23', '223.255.254.0/24']],
    ['private ranges only', ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16']],
    ['IPv6 blocks, for IPv4', ['::/0']],
  ])('IPv4: %s does not', (_label, cidrs) => {
    expect(covers('ipv4', ...cidrs)).toBe(false);
  });

  it('IPv6: ::/0, the global unicast space 2000::/3, or its halves; not half of it, nor unique-local space', () => {
    expect(covers('ipv6', '::/0')).toBe(true);
    expect(covers('ipv6', '2000::/3')).toBe(true);
    expect(covers('ipv6', '2000::/4', '3000::/4')).toBe(true);
    expect(covers('ipv6', '2000::/4')).toBe(false);
    expect(covers('ipv6', '::/1')).toBe(true); // holds 2000::/3
    expect(covers('ipv6', '8000::/1')).toBe(false);
    expect(covers('ipv6', 'fc00::/7', 'fe80::/10')).toBe(false);
    expect(covers('ipv6', '0.0.0.0/0')).toBe(false);
  });

  it('covers exactly when every block of a split of the whole space is kept (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.option(fc.nat(255)), (prefix, droppedIndex) => {
        const count = 2 ** prefix;
        const blocks = Array.from({ length: count }, (_, index) => `${(index * (256 / count)) % 256}.0.0.0/${prefix}`);
        const dropped = droppedIndex === null ? undefined : droppedIndex % count;
        const kept = dropped === undefined ? blocks : blocks.filter((_, index) => index !== dropped);
        const droppedBlock = dropped === undefined ? undefined : ranges(blocks[dropped])[0];
        // Dropping a block loses the internet only when that block held internet addresses.
        const expected = droppedBlock === undefined || !reachesInternet(droppedBlock);
        expect(covers('ipv4', ...kept)).toBe(expected);
      }),
    );
  });
});

describe('reachesInternet and INTERNET', () => {
  it('tells blocks holding public addresses from private, documentation and special ones', () => {
    expect(reachesInternet(ranges('3.0.0.0/8')[0])).toBe(true);
    expect(reachesInternet(ranges('0.0.0.0/1')[0])).toBe(true);
    expect(reachesInternet(ranges('10.0.0.0/8')[0])).toBe(false);
    expect(reachesInternet(ranges('203.0.113.0/24')[0])).toBe(false);
    expect(reachesInternet(ranges('2001:db8::/32')[0])).toBe(false);
    expect(reachesInternet(ranges('fd00::/8')[0])).toBe(false);
    expect(reachesInternet(ranges('2600:1f18::/32')[0])).toBe(true);
  });

  it('is made of sorted, disjoint ranges', () => {
    for (const family of ['ipv4', 'ipv6'] as const) expect(mergeRanges(INTERNET[family])).toEqual(INTERNET[family]);
  });
});
