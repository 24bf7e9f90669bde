import { isSingleHostCidr } from '@bulwark/core';

/** One NACL entry in the shape of `aws.ec2.NetworkAcl`'s inline `ingress` / `egress` blocks. */
export interface NetworkAclEntry {
  readonly ruleNo: number;
  readonly action: 'allow' | 'deny';
  /** `tcp`, `udp` or `-1` (every protocol, in which case the ports must be 0). */
  readonly protocol: 'tcp' | 'udp' | '-1';
  readonly fromPort: number;
  readonly toPort: number;
  readonly cidrBlock?: string;
  readonly ipv6CidrBlock?: string;
}

/** The ingress and egress entries of one network ACL. */
export interface NetworkAclRules {
  readonly ingress: readonly NetworkAclEntry[];
  readonly egress: readonly NetworkAclEntry[];
}

/** What the entries are built from. */
export interface NetworkAclInputs {
  /** The VPC's IPv4 CIDR: traffic inside the VPC is judged by security groups, not NACLs. */
  readonly vpcCidr: string;
  /** Single hosts (`/32` or `/128`) allowed to reach SSH in the public subnets (the bastion). */
  readonly sshAllowedCidrs: readonly string[];
}

const INTERNET_IPV4 = '0.0.0.0/0';
const HTTPS_PORT = 443;
const SSH_PORT = 22;

/**
 * Return traffic from the internet arrives on ephemeral ports. The usual single 1024-65535 entry covers RDP
 * (3389), so it is split around it: 1024-3388 and 3390-65535. The narrower Linux range 32768-65535 would also
 * miss 3389, but NAT gateways and load balancers pick source ports from the whole 1024-65535 range, so return
 * traffic to them would be dropped at random. The split costs only connections that happen to use port 3389 as
 * their ephemeral port, which fail and are retried on another port. SSH (22) is below 1024 in both ranges.
 */
export const EPHEMERAL_PORT_RANGES: readonly { readonly fromPort: number; readonly toPort: number }[] = [
  { fromPort: 1024, toPort: 3388 },
  { fromPort: 3390, toPort: 65535 },
];

/** Where a host's CIDR goes in a NACL entry: IPv4 and IPv6 sources use different properties. */
function sourceOf(cidr: string): Pick<NetworkAclEntry, 'cidrBlock' | 'ipv6CidrBlock'> {
  return cidr.includes(':') ? { ipv6CidrBlock: cidr } : { cidrBlock: cidr };
}

function ephemeralFromInternet(firstRuleNo: number): NetworkAclEntry[] {
  return EPHEMERAL_PORT_RANGES.map((range, index) => ({
    ruleNo: firstRuleNo + index * 10,
    action: 'allow',
    protocol: 'tcp',
    ...range,
    cidrBlock: INTERNET_IPV4,
  }));
}

/**
 * The public subnets' NACL: HTTPS in from anywhere, SSH in only from the allowed single hosts, everything from
 * inside the VPC (private instances going out through the NAT gateway), and return traffic on ephemeral ports
 * that exclude 22 and 3389. Out: HTTPS to anywhere, replies to internet clients on ephemeral ports, and
 * everything to the VPC. Whatever no entry allows is denied by the NACL's implicit last rule.
 */
export function publicNetworkAclRules(inputs: NetworkAclInputs): NetworkAclRules {
  const badHost = inputs.sshAllowedCidrs.find((cidr) => !isSingleHostCidr(cidr));
  if (badHost !== undefined) throw new Error(`publicNetworkAclRules: SSH source "${badHost}" is not a single host (/32 or /128)`);
  const ssh: NetworkAclEntry[] = inputs.sshAllowedCidrs.map((cidr, index) => ({
    ruleNo: 110 + index,
    action: 'allow',
    protocol: 'tcp',
    fromPort: SSH_PORT,
    toPort: SSH_PORT,
    ...sourceOf(cidr),
  }));
  return {
    ingress: [
      { ruleNo: 100, action: 'allow', protocol: 'tcp', fromPort: HTTPS_PORT, toPort: HTTPS_PORT, cidrBlock: INTERNET_IPV4 },
      ...ssh,
      { ruleNo: 200, action: 'allow', protocol: '-1', fromPort: 0, toPort: 0, cidrBlock: inputs.vpcCidr },
      ...ephemeralFromInternet(300),
    ],
    egress: [
      { ruleNo: 100, action: 'allow', protocol: 'tcp', fromPort: HTTPS_PORT, toPort: HTTPS_PORT, cidrBlock: INTERNET_IPV4 },
      // Replies to clients that connected in (HTTPS, SSH): egress is not where 22 and 3389 are a risk.
      { ruleNo: 110, action: 'allow', protocol: 'tcp', fromPort: 1024, toPort: 65535, cidrBlock: INTERNET_IPV4 },
      { ruleNo: 200, action: 'allow', protocol: '-1', fromPort: 0, toPort: 0, cidrBlock: inputs.vpcCidr },
    ],
  };
}

/**
 * The private subnets' NACL: in, everything from the VPC and return traffic from the internet (through the NAT
 * gateway or a gateway endpoint) on ephemeral ports that exclude 22 and 3389; out, HTTPS to anywhere and
 * everything to the VPC. Nothing from the internet can open a connection to a private subnet.
 */
export function privateNetworkAclRules(inputs: NetworkAclInputs): NetworkAclRules {
  return {
    ingress: [{ ruleNo: 100, action: 'allow', protocol: '-1', fromPort: 0, toPort: 0, cidrBlock: inputs.vpcCidr }, ...ephemeralFromInternet(200)],
    egress: [
      { ruleNo: 100, action: 'allow', protocol: 'tcp', fromPort: HTTPS_PORT, toPort: HTTPS_PORT, cidrBlock: INTERNET_IPV4 },
      { ruleNo: 200, action: 'allow', protocol: '-1', fromPort: 0, toPort: 0, cidrBlock: inputs.vpcCidr },
    ],
  };
}
