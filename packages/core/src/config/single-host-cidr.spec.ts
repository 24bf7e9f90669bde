import fc from 'fast-check';
import { isSingleHostCidr } from './single-host-cidr';

describe('isSingleHostCidr', () => {
  it.each(['203.0.113.10/32', '10.0.0.1/32', '2001:db8::10/128', '::1/128'])('accepts the single host %s', (cidr) => {
    expect(isSingleHostCidr(cidr)).toBe(true);
  });

  it.each([
    ['a network', '10.0.0.0/8'],
    ['the whole IPv4 internet', '0.0.0.0/0'],
    ['the unspecified address', '0.0.0.0/32'],
    ['the whole IPv6 internet', '::/0'],
    ['an IPv6 /64', '2001:db8::/64'],
    ['an IPv6 address with /32', '2001:db8::1/32'],
    ['an address without a prefix', '203.0.113.10'],
    ['a short IPv4 form', '10.1/32'],
    ['an octet above 255', '10.0.0.256/32'],
    ['a non-numeric prefix', '10.0.0.1/abc'],
    ['a padded prefix', '10.0.0.1/032'],
  ])('rejects %s (%s)', (_label, cidr) => {
    expect(isSingleHostCidr(cidr)).toBe(false);
  });

  it('accepts every IPv4 host with /32 and nothing shorter', () => {
    fc.assert(
      fc.property(fc.ipV4(), fc.integer({ min: 0, max: 31 }), (address, prefix) => {
        const isUnspecified = address === '0.0.0.0';
        expect(isSingleHostCidr(`${address}/32`)).toBe(!isUnspecified);
        expect(isSingleHostCidr(`${address}/${prefix}`)).toBe(false);
      }),
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string(), (text) => typeof isSingleHostCidr(text) === 'boolean'));
  });
});
