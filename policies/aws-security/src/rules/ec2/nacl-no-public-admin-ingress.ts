/**
 * No network ACL allows ingress from the whole internet (`0.0.0.0/0`, `::/0`, in any spelling, or blocks that
 * together cover it) on a port range covering SSH (22) or RDP (3389). NACLs are the subnet-wide backstop behind
 * security groups; an allow-all entry there (including the common "ephemeral" 1024-65535 entry, which covers 3389)
 * leaves the administration ports guarded by security groups alone. Allow entries are judged as Security Hub
 * judges them, regardless of lower-numbered deny entries. Inline `ingress` blocks and `NetworkAclRule` resources with
 * `egress` false count, and the allow entries of one network ACL (inline and standalone, a stack rule to see them
 * all) are judged together: the union of their blocks reaching a port decides.
 */
import { boolValue, isUnknown, listValue, recordValue, stackRule, UNDECIDED } from '@bulwark/policy-kit';
import { ADMIN_PORTS, ADMIN_TRANSPORTS, describePorts } from '../../lib/network';
import { checkIngressExposure, type MemberPermissions } from './ingress-exposure-check';
import { type IngressPermission } from './ingress-permissions';
import { INTERNET_EXPOSURE_DECISIONS, INTERNET_EXPOSURE_REFERENCES } from './internet-exposure-decisions';

const NETWORK_ACL = 'aws:ec2/networkAcl:NetworkAcl';
const DEFAULT_NETWORK_ACL = 'aws:ec2/defaultNetworkAcl:DefaultNetworkAcl';
const NETWORK_ACL_RULE = 'aws:ec2/networkAclRule:NetworkAclRule';

function join(path: string, property: string): string {
  return path ? `${path}.${property}` : property;
}

/**
 * One entry as an ingress permission, or none for a deny entry. An allow entry applies; one whose action (or, for a
 * rule resource, direction) is unknown carries that property as `appliesUnknown`.
 */
function entryPermission(block: Record<string, unknown>, path: string, actionProperty: string, directionUnknown: boolean): IngressPermission[] {
  const action = block[actionProperty];
  const actionUnknown = isUnknown(action);
  if (!actionUnknown && !(typeof action === 'string' && action.trim().toLowerCase() === 'allow')) return [];
  const sources = ['cidrBlock', 'ipv6CidrBlock']
    .filter((property) => block[property] !== undefined && block[property] !== null)
    .map((property) => ({ kind: 'cidr' as const, property: join(path, property), value: block[property] }));
  const appliesUnknown = directionUnknown ? 'egress' : actionUnknown ? join(path, actionProperty) : undefined;
  return [
    {
      path,
      range: { protocol: block['protocol'], fromPort: block['fromPort'], toPort: block['toPort'] },
      protocolProperty: 'protocol',
      sources,
      ...(appliesUnknown ? { appliesUnknown } : {}),
    },
  ];
}

/** The ingress allow entries of a network ACL resource, and the unknown parts hiding more. */
function aclPermissions(type: string, props: Record<string, unknown>): MemberPermissions {
  if (type === NETWORK_ACL || type === DEFAULT_NETWORK_ACL) {
    const blocks = listValue(props['ingress']);
    if (blocks === UNDECIDED) return { permissions: [], hidden: ['ingress'] };
    const hidden: string[] = [];
    const permissions = blocks.flatMap((block, index) => {
      const record = recordValue(block);
      if (record === UNDECIDED) hidden.push(`ingress[${index}]`);
      return record && record !== UNDECIDED ? entryPermission(record, `ingress[${index}]`, 'action', false) : [];
    });
    return { permissions, hidden };
  }
  if (type === NETWORK_ACL_RULE) {
    // `egress` defaults to false (ingress); an unknown direction may make it an ingress entry
    const egress = boolValue(props['egress']);
    if (egress === true) return { permissions: [], hidden: [] };
    return { permissions: entryPermission(props, '', 'ruleAction', egress === UNDECIDED), hidden: [] };
  }
  return { permissions: [], hidden: [] };
}

export const naclNoPublicAdminIngress = stackRule({
  metadata: {
    id: 'nacl-no-public-admin-ingress',
    title: 'Network ACLs do not allow SSH or RDP from the internet',
    description:
      'No network ACL ingress entry may allow traffic from 0.0.0.0/0 or ::/0 (or from blocks that, with the ACL\'s other ' +
      'allow entries reaching the same port, cover the internet) on a port range covering 22 (SSH) or 3389 (RDP), over ' +
      'TCP, UDP or all protocols. An ephemeral-port entry (1024-65535) covers 3389. NACLs are the subnet-level backstop ' +
      'for security groups and should not open administration ports to the world.',
    decisions: [
      ...INTERNET_EXPOSURE_DECISIONS,
      'Allow entries are judged as Security Hub judges them: a lower-numbered deny entry does not excuse a broad allow, ' +
        'and deny entries open nothing. Egress entries are out of scope.',
    ],
    severity: 'high',
    enforcementLevel: 'mandatory',
    service: 'ec2',
    controls: { fsbp: ['EC2.21'], cis: ['5.1'] },
    resourceTypes: [NETWORK_ACL, DEFAULT_NETWORK_ACL, NETWORK_ACL_RULE],
    remediation:
      'Restrict the entry\'s source to the address ranges that need it, or narrow its ports to exclude 22 and ' +
      '3389: for return traffic use 1024-3388 and 3390-65535, or 32768-65535 for Linux-only subnets. Add an ' +
      'explicit deny for 22 and 3389 from 0.0.0.0/0 and ::/0 with a lower rule number than any broad allow.',
    references: [...INTERNET_EXPOSURE_REFERENCES, 'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-21'],
  },
  check: ({ args, report, undecided }) => {
    checkIngressExposure(
      args.resources,
      {
        shape: { ownerTypes: [NETWORK_ACL, DEFAULT_NETWORK_ACL], ruleTypes: [NETWORK_ACL_RULE], linkProperty: 'networkAclId' },
        permissionsOf: aclPermissions,
        ports: ADMIN_PORTS,
        transports: ADMIN_TRANSPORTS,
        message: (description, exposure) =>
          `${description}, which covers port ${describePorts(exposure.ports)}. Narrow the source or the port range so ` +
          '22 and 3389 are not open to the world.',
        decides: 'its value decides whether SSH or RDP is open to the internet through the network ACL',
      },
      report,
      undecided,
    );
  },
});
