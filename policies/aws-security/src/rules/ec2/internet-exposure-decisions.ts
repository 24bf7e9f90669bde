/**
 * The decisions the "nothing open to the internet" network rules share, for their reference entries (one text, so
 * the three rules cannot drift apart). Not a rule itself.
 */

/** How the network rules decide what "open to the internet" means. */
export const INTERNET_EXPOSURE_DECISIONS: readonly string[] = [
  'CIDRs are parsed as addresses, not matched as text (`0.0.0.0/00`, `::0/0`, `10.0.0.0/0` are the whole space). ' +
    'Protocol -1/"all" reaches every port whatever the bounds say; TCP and UDP ranges reach `fromPort..toPort`; ICMP ' +
    'and other protocols reach no port.',
  'The internet of a family is every globally reachable address: IPv4 less the IANA special-purpose ranges (iana.org ' +
    'ipv4/ipv6 special registries: private, ' +
    'loopback, link-local, carrier-grade NAT, documentation, benchmarking, multicast, reserved), IPv6 global unicast ' +
    '2000::/3 less its special blocks. A port is open to the internet when the union of the source blocks that reach ' +
    'it, over the same transport, holds every such address: 0.0.0.0/1 + 128.0.0.0/1, or "everything but RFC 1918", is ' +
    'the internet; so is 2000::/3 alone.',
  'A very wide public block alone that leaves part of the internet out (0.0.0.0/1, 128.0.0.0/2, 3.0.0.0/8) is not ' +
    'reported by this rule: it is not the internet, and a block a company owns can be that wide. It is reported once ' +
    'other blocks reaching the same port complete the internet with it; sg-ssh-single-host reports any SSH source ' +
    'wider than one host.',
  'The union is taken across the permissions (and, for network ACLs, allow entries) of one security group or network ' +
    'ACL: its inline `ingress` and its standalone rule resources, which join it through the property dependency of ' +
    '`securityGroupId`/`networkAclId` or its known id (rule resources naming the same known id of a group the stack ' +
    'does not declare are joined too). An exposure from one block is reported on the resource holding it; one from ' +
    'several resources on the security group or network ACL when the stack declares it, else on the first resource ' +
    'contributing a block.',
  'Unknown values (first preview): when nothing is decidedly open, every unknown that could open a port is reported ' +
    'undecided on the resource holding it: an unknown `ingress` list or block, a rule\'s `type` or an entry\'s action ' +
    'or direction, an unknown source block of a permission reaching the port, the unknown protocol or ports of a ' +
    'permission whose blocks would complete the internet, and the `securityGroupId`/`networkAclId` of a rule resource ' +
    'whose group cannot be told while its block holds part of the internet. A decided exposure is the group\'s only ' +
    'verdict. Unparseable values are not undecided: AWS rejects them.',
];

/** The pages the shared decisions encode. */
export const INTERNET_EXPOSURE_REFERENCES: readonly string[] = [
  'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
  'https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html',
];
