import * as ipaddr from 'ipaddr.js';
import { z } from 'zod';

const SINGLE_HOST_FORM = 'a single host in CIDR form: an IPv4 address with /32 (e.g. "203.0.113.10/32") or an IPv6 address with /128 (e.g. "2001:db8::10/128")';

/** True when `value` is one concrete host: `a.b.c.d/32` or `<ipv6>/128`, parsed as an address, not matched as text. */
export function isSingleHostCidr(value: string): boolean {
  const slash = value.lastIndexOf('/');
  if (slash < 0) return false;
  const address = value.slice(0, slash);
  const prefix = value.slice(slash + 1);
  // AWS rejects padded prefixes such as `/032`, so the prefix must be written canonically.
  if (!/^(0|[1-9]\d{0,2})$/.test(prefix)) return false;
  if (ipaddr.IPv4.isValidFourPartDecimal(address)) {
    // 0.0.0.0/32 is no host at all: it would only ever appear as a mangled 0.0.0.0/0.
    return Number(prefix) === 32 && ipaddr.IPv4.parse(address).toNormalizedString() !== '0.0.0.0';
  }
  // ipaddr's IPv4 parser also takes octal and short forms (`10.1`); AWS does not, so only IPv6 goes on from here.
  if (!address.includes(':') || !ipaddr.IPv6.isValid(address)) return false;
  return Number(prefix) === 128 && ipaddr.IPv6.parse(address).toNormalizedString() !== '0:0:0:0:0:0:0:0';
}

/** Validates one entry of an SSH allow-list such as `network:sshAllowedCidrs`. */
export const singleHostCidrSchema = z
  .string({ error: SINGLE_HOST_FORM })
  .refine(isSingleHostCidr, { error: SINGLE_HOST_FORM });
