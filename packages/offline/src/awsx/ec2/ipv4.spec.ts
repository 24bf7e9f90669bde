import { formatAddress, isInside, NetworkBlock, overlaps, parseAddress, parseWrittenBlock } from './ipv4';

describe('IPv4 blocks', () => {
  it('parses and formats addresses, refusing what is not a dotted quad', () => {
    expect(parseAddress('10.0.1.255')).toBe(167772671);
    expect(formatAddress(167772671)).toBe('10.0.1.255');
    expect(() => parseAddress('10.0.256.1')).toThrow('"10.0.256.1" is not an IPv4 address');
    expect(() => parseWrittenBlock('10.0.0.0/33')).toThrow('"10.0.0.0/33" is not an IPv4 CIDR block');
  });

  it('normalises a network block to its base, with netmask’s usable first and last hosts', () => {
    const block = NetworkBlock.parse('10.0.1.128/24');
    expect(block.toString()).toBe('10.0.1.0/24');
    expect(formatAddress(block.first)).toBe('10.0.1.1');
    expect(formatAddress(block.last)).toBe('10.0.1.254');
    expect(block.next().toString()).toBe('10.0.2.0/24');
    expect(formatAddress(NetworkBlock.parse('10.0.0.4/31').last)).toBe('10.0.0.5');
    expect(block.contains(parseAddress('10.0.1.7'))).toBe(true);
  });

  it('compares written blocks as ip-address does', () => {
    expect(overlaps(parseWrittenBlock('10.0.0.0/17'), parseWrittenBlock('10.0.64.0/18'))).toBe(true);
    expect(isInside(parseWrittenBlock('10.0.64.0/18'), parseWrittenBlock('10.0.0.0/17'))).toBe(true);
    expect(isInside(parseWrittenBlock('10.0.0.0/17'), parseWrittenBlock('10.0.64.0/18'))).toBe(false);
  });
});
