/**
 * No security group admits the whole internet (`0.0.0.0/0`, `::/0`, in any spelling) on a port range that covers
 * SSH (22) or RDP (3389), over TCP, UDP or all protocols. Open administration ports are the most scanned and
 * brute-forced entry points on AWS. Inline `ingress` blocks, `SecurityGroupRule` (type ingress) and
 * `vpc.SecurityGroupIngressRule` are all checked. Unknown CIDRs or ports are not judged: they cannot be decided.
 */
import { rawProps, resourceRule, UNDECIDED } from '@bulwark/policy-kit';
import { ADMIN_PORTS, ADMIN_TRANSPORTS, describePortRange, describePorts, isWorldCidr, portCoverage } from '../../lib/network';
import { ingressPermissions, SECURITY_GROUP_INGRESS_TYPES } from './ingress-permissions';

export const sgNoPublicAdminIngress = resourceRule({
  metadata: {
    id: 'sg-no-public-admin-ingress',
    title: 'Security groups do not open SSH or RDP to the internet',
    description:
      'Security group ingress from 0.0.0.0/0 or ::/0 must not cover the remote administration ports 22 (SSH) or ' +
      '3389 (RDP), whether by an exact port, a port range or the all-traffic protocol. Internet-exposed ' +
      'administration ports are constantly scanned and brute-forced.',
    severity: 'critical',
    enforcementLevel: 'mandatory',
    service: 'ec2',
    controls: { fsbp: ['EC2.13', 'EC2.53', 'EC2.54'], cis: ['5.2', '5.3'] },
    resourceTypes: SECURITY_GROUP_INGRESS_TYPES,
    remediation:
      'Remove the 0.0.0.0/0 / ::/0 source from the ingress permission, or narrow its port range so it excludes 22 ' +
      'and 3389. Admit administrators from a bastion security group or a known /32, or better, reach instances ' +
      'through AWS Systems Manager Session Manager with no inbound port at all.',
  },
  check: ({ args, report }) => {
    const permissions = ingressPermissions(args.type, rawProps(args.props));
    if (permissions === UNDECIDED) return;
    for (const permission of permissions) {
      const { covered } = portCoverage(permission.range, ADMIN_PORTS, ADMIN_TRANSPORTS);
      if (covered.length === 0) continue;
      for (const source of permission.sources) {
        if (source.kind !== 'cidr' || isWorldCidr(source.value) !== true) continue;
        const where = permission.path ? `${permission.path} allows` : 'the rule allows';
        report(
          `${where} ${describePortRange(permission.range)} from ${source.property} = "${String(source.value)}" ` +
            `(the whole internet), which covers port ${describePorts(covered)}. Replace the source with a bastion ` +
            'security group or a known /32, or narrow the port range so it excludes 22 and 3389.',
        );
      }
    }
  },
});
