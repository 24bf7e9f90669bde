/**
 * No network ACL allows ingress from the whole internet (`0.0.0.0/0`, `::/0`, in any spelling) on a port range
 * covering SSH (22) or RDP (3389). NACLs are the subnet-wide backstop behind security groups; an allow-all entry
 * there (including the common "ephemeral" 1024-65535 entry, which covers 3389) leaves the administration ports
 * guarded by security groups alone. Each allow entry is judged on its own, as Security Hub does, regardless of
 * lower-numbered deny entries. Inline `ingress` blocks and `NetworkAclRule` resources with `egress` false count.
 */
import { boolValue, isUnknown, listValue, rawProps, recordValue, resourceRule, UNDECIDED } from '@bulwark/policy-kit';
import {
  ADMIN_PORTS,
  ADMIN_TRANSPORTS,
  describePortRange,
  describePorts,
  isWorldCidr,
  portCoverage,
  type PortRange,
} from '../../lib/network';

const NETWORK_ACL = 'aws:ec2/networkAcl:NetworkAcl';
const DEFAULT_NETWORK_ACL = 'aws:ec2/defaultNetworkAcl:DefaultNetworkAcl';
const NETWORK_ACL_RULE = 'aws:ec2/networkAclRule:NetworkAclRule';

/** One allow-or-deny ingress entry, whichever resource shape it came from. */
interface AclIngressEntry {
  /** Property path prefix for messages (`ingress[1].`), empty for a `NetworkAclRule`. */
  readonly path: string;
  readonly action: unknown;
  readonly range: PortRange;
  readonly cidrs: readonly { readonly property: string; readonly value: unknown }[];
}

function entryOf(block: Record<string, unknown>, path: string, actionProperty: string): AclIngressEntry {
  const cidrs = ['cidrBlock', 'ipv6CidrBlock']
    .filter((property) => block[property] !== undefined && block[property] !== null)
    .map((property) => ({ property: `${path}${property}`, value: block[property] }));
  return {
    path,
    action: block[actionProperty],
    range: { protocol: block['protocol'], fromPort: block['fromPort'], toPort: block['toPort'] },
    cidrs,
  };
}

/** The ingress entries of a resource; none for other types, egress rules, or an unknown `ingress` list. */
function ingressEntries(type: string, props: Record<string, unknown>): AclIngressEntry[] {
  if (type === NETWORK_ACL || type === DEFAULT_NETWORK_ACL) {
    const blocks = listValue(props['ingress']);
    if (blocks === UNDECIDED) return [];
    return blocks.flatMap((block, index) => {
      const record = recordValue(block);
      return record && record !== UNDECIDED ? [entryOf(record, `ingress[${index}].`, 'action')] : [];
    });
  }
  if (type === NETWORK_ACL_RULE) {
    // `egress` defaults to false (ingress); an unknown direction cannot be judged
    const egress = boolValue(props['egress']);
    if (egress === true || egress === UNDECIDED) return [];
    return [entryOf(props, '', 'ruleAction')];
  }
  return [];
}

function isAllow(action: unknown): boolean | 'unknown' {
  if (isUnknown(action)) return 'unknown';
  return typeof action === 'string' && action.trim().toLowerCase() === 'allow';
}

export const naclNoPublicAdminIngress = resourceRule({
  metadata: {
    id: 'nacl-no-public-admin-ingress',
    title: 'Network ACLs do not allow SSH or RDP from the internet',
    description:
      'No network ACL ingress entry may allow traffic from 0.0.0.0/0 or ::/0 on a port range covering 22 (SSH) or ' +
      '3389 (RDP), over TCP, UDP or all protocols. An ephemeral-port entry (1024-65535) covers 3389. NACLs are ' +
      'the subnet-level backstop for security groups and should not open administration ports to the world.',
    severity: 'high',
    enforcementLevel: 'mandatory',
    service: 'ec2',
    controls: { fsbp: ['EC2.21'], cis: ['5.1'] },
    resourceTypes: [NETWORK_ACL, DEFAULT_NETWORK_ACL, NETWORK_ACL_RULE],
    remediation:
      'Restrict the entry\'s source to the address ranges that need it, or narrow its ports to exclude 22 and ' +
      '3389: for return traffic use 1024-3388 and 3390-65535, or 32768-65535 for Linux-only subnets. Add an ' +
      'explicit deny for 22 and 3389 from 0.0.0.0/0 and ::/0 with a lower rule number than any broad allow.',
  },
  check: ({ args, report }) => {
    for (const entry of ingressEntries(args.type, rawProps(args.props))) {
      if (isAllow(entry.action) !== true) continue;
      const { covered } = portCoverage(entry.range, ADMIN_PORTS, ADMIN_TRANSPORTS);
      if (covered.length === 0) continue;
      for (const cidr of entry.cidrs) {
        if (isWorldCidr(cidr.value) !== true) continue;
        const where = entry.path ? `${entry.path.slice(0, -1)} allows` : 'the rule allows';
        report(
          `${where} ${describePortRange(entry.range)} from ${cidr.property} = "${String(cidr.value)}" (the whole ` +
            `internet), which covers port ${describePorts(covered)}. Narrow the source or the port range so ` +
            '22 and 3389 are not open to the world.',
        );
      }
    }
  },
});
