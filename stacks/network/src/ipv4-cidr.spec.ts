import { formatIpv4Network, nthSubnet, parseIpv4Network, subnetCount } from './ipv4-cidr';

describe('parseIpv4Network', () => {
  it.each([
    ['10.20.0.0/16', 16],
    ['172.16.0.0/12', 12],
    ['192.168.1.128/25', 25],
    ['0.0.0.0/0', 0],
    ['255.255.255.255/32', 32],
  ])('reads %s and writes it back', (text, prefixLength) => {
    const network = parseIpv4Network(text);
    expect(network?.prefixLength).toBe(prefixLength);
    expect(formatIpv4Network(network as NonNullable<typeof network>)).toBe(text);
  });

  it.each(['10.0.0.1/16', '10.0.0.0', '10.0.0.0/33', '256.0.0.0/8', '010.0.0.0/8', '10.0.0/8', '10.0.0.0/016', ' 10.0.0.0/8', '::/0'])(
    'rejects %s',
    (text) => {
      expect(parseIpv4Network(text)).toBeUndefined();
    },
  );
});

describe('nthSubnet', () => {
  const vpc = parseIpv4Network('10.40.0.0/16') as NonNullable<ReturnType<typeof parseIpv4Network>>;

  it('carves consecutive, non-overlapping blocks', () => {
    expect([0, 1, 2, 15].map((index) => formatIpv4Network(nthSubnet(vpc, 20, index)))).toEqual([
      '10.40.0.0/20',
      '10.40.16.0/20',
      '10.40.32.0/20',
      '10.40.240.0/20',
    ]);
    expect(subnetCount(vpc, 20)).toBe(16);
  });

  it('handles addresses above 2^31', () => {
    const high = parseIpv4Network('192.168.0.0/16') as NonNullable<ReturnType<typeof parseIpv4Network>>;
    expect(formatIpv4Network(nthSubnet(high, 24, 255))).toBe('192.168.255.0/24');
  });

  it('refuses a subnet that is not there', () => {
    expect(() => nthSubnet(vpc, 20, 16)).toThrow('10.40.0.0/16 holds 16 /20 subnets; there is no subnet number 16');
    expect(() => nthSubnet(vpc, 15, 0)).toThrow('a /15 subnet cannot be carved from 10.40.0.0/16');
  });
});
