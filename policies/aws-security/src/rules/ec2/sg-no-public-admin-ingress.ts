/**
 * No security group admits the whole internet on a port range that covers SSH (22) or RDP (3389), over TCP, UDP or
 * all protocols. Open administration ports are the most scanned and brute-forced entry points on AWS. Inline
 * `ingress` blocks, `SecurityGroupRule` (type ingress) and `vpc.SecurityGroupIngressRule` are all checked, and
 * judged together: the union of the source blocks that reach a port, across a group's permissions and its
 * standalone rule resources (a stack rule, to see them all), decides whether the internet can reach it.
 *
 * Undecided (advisory, see @bulwark/policy-kit): when no exposure is decidable but a value that could open an
 * administration port to the internet is unknown in this mode (the `ingress` list or one block, a rule's `type`, a
 * source CIDR of a permission that reaches or may reach 22/3389, the ports of a permission whose blocks would open
 * it, the group of a rule whose block holds part of the internet), the rule names that property.
 */
import { stackRule } from '@bulwark/policy-kit';
import { ADMIN_PORTS, ADMIN_TRANSPORTS, describePorts } from '../../lib/network';
import { checkIngressExposure } from './ingress-exposure-check';
import { SECURITY_GROUP_INGRESS_TYPES, SECURITY_GROUP_SHAPE, securityGroupPermissions } from './ingress-permissions';
import { INTERNET_EXPOSURE_DECISIONS, INTERNET_EXPOSURE_REFERENCES } from './internet-exposure-decisions';

export const sgNoPublicAdminIngress = stackRule({
  metadata: {
    id: 'sg-no-public-admin-ingress',
    title: 'Security groups do not open SSH or RDP to the internet',
    description:
      'Security group ingress from 0.0.0.0/0 or ::/0, or from blocks that together cover the internet, must not cover ' +
      'the remote administration ports 22 (SSH) or 3389 (RDP), whether by an exact port, a port range or the ' +
      'all-traffic protocol. Internet-exposed administration ports are constantly scanned and brute-forced.',
    decisions: [...INTERNET_EXPOSURE_DECISIONS],
    severity: 'critical',
    enforcementLevel: 'mandatory',
    service: 'ec2',
    controls: { fsbp: ['EC2.13', 'EC2.53', 'EC2.54'], cis: ['5.2', '5.3'] },
    resourceTypes: SECURITY_GROUP_INGRESS_TYPES,
    remediation:
      'Remove the 0.0.0.0/0 / ::/0 source (or the blocks that together cover the internet) from the ingress permission, ' +
      'or narrow its port range so it excludes 22 and 3389. Admit administrators from a bastion security group or a ' +
      'known /32, or better, reach instances through AWS Systems Manager Session Manager with no inbound port at all.',
    references: [...INTERNET_EXPOSURE_REFERENCES, 'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-13'],
  },
  check: ({ args, report, undecided }) => {
    checkIngressExposure(
      args.resources,
      {
        shape: SECURITY_GROUP_SHAPE,
        permissionsOf: securityGroupPermissions,
        ports: ADMIN_PORTS,
        transports: ADMIN_TRANSPORTS,
        message: (description, exposure) =>
          `${description}, which covers port ${describePorts(exposure.ports)}. Replace the source with a bastion security ` +
          'group or a known /32, or narrow the port range so it excludes 22 and 3389.',
        decides: 'its value decides whether SSH or RDP is open to the internet',
      },
      report,
      undecided,
    );
  },
});
