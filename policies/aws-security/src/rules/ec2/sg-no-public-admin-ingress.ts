/**
 * No security group admits the whole internet (`0.0.0.0/0`, `::/0`, in any spelling) on a port range that covers
 * SSH (22) or RDP (3389), over TCP, UDP or all protocols. Open administration ports are the most scanned and
 * brute-forced entry points on AWS. Inline `ingress` blocks, `SecurityGroupRule` (type ingress) and
 * `vpc.SecurityGroupIngressRule` are all checked.
 *
 * Undecided (advisory, see @bulwark/policy-kit): when no violation is decidable but a value that could open an
 * administration port to the internet is unknown in this mode (the `ingress` list or one block, a rule's `type`,
 * a source CIDR of a permission that covers or may cover 22/3389, the ports of a permission open to the world), the
 * rule names that property. Unparseable values are not undecided: AWS rejects them.
 */
import { isUnknown, listValue, rawProps, resourceRule, UNDECIDED } from '@bulwark/policy-kit';
import { ADMIN_PORTS, ADMIN_TRANSPORTS, describePorts, isWorldCidr, portCoverage } from '../../lib/network';
import {
  DEFAULT_SECURITY_GROUP,
  describeExposure,
  ingressPermissions,
  publicExposures,
  SECURITY_GROUP,
  SECURITY_GROUP_INGRESS_RULE,
  SECURITY_GROUP_INGRESS_TYPES,
  type IngressPermission,
} from './ingress-permissions';

/** The unknown properties of a permission that could make it open an administration port to the internet. */
function undecidedParts(type: string, permission: IngressPermission): string[] {
  const { covered, undecided: maybeCovered } = portCoverage(permission.range, ADMIN_PORTS, ADMIN_TRANSPORTS);
  if (covered.length === 0 && maybeCovered.length === 0) return [];
  const unknownSources = permission.sources.filter((source) => source.kind === 'cidr' && isUnknown(source.value)).map((source) => source.property);
  if (covered.length > 0) return unknownSources;
  // Ports (or protocol) unknown: they matter when a source is the world, or may be.
  const worldOrUnknown = unknownSources.length > 0 || permission.sources.some((source) => source.kind === 'cidr' && isWorldCidr(source.value) === true);
  if (!worldOrUnknown) return [];
  const protocolProperty = type === SECURITY_GROUP_INGRESS_RULE ? 'ipProtocol' : 'protocol';
  const rangeParts = (['protocol', 'fromPort', 'toPort'] as const)
    .filter((field) => isUnknown(permission.range[field]))
    .map((field) => (permission.path ? `${permission.path}.` : '') + (field === 'protocol' ? protocolProperty : field));
  return [...unknownSources, ...rangeParts];
}

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
  check: ({ args, report, undecided }) => {
    const props = rawProps(args.props);
    const permissions = ingressPermissions(args.type, props);
    if (permissions === UNDECIDED) {
      undecided(args.type === SECURITY_GROUP || args.type === DEFAULT_SECURITY_GROUP ? 'ingress' : 'type', 'it decides which ingress the resource grants');
      return;
    }
    const exposures = publicExposures(permissions, ADMIN_PORTS, ADMIN_TRANSPORTS);
    for (const exposure of exposures) {
      report(
        `${describeExposure(exposure)}, which covers port ${describePorts(exposure.covered)}. Replace the source with a ` +
          'bastion security group or a known /32, or narrow the port range so it excludes 22 and 3389.',
      );
    }
    // A decided violation is the verdict; otherwise every unknown that could open 22 or 3389 to the world is named.
    if (exposures.length > 0) return;
    const blocks = args.type === SECURITY_GROUP || args.type === DEFAULT_SECURITY_GROUP ? listValue(props['ingress']) : [];
    const unknownBlocks = blocks === UNDECIDED ? [] : blocks.flatMap((block, index) => (isUnknown(block) ? [`ingress[${index}]`] : []));
    const parts = [...unknownBlocks, ...permissions.flatMap((permission) => undecidedParts(args.type, permission))];
    for (const part of new Set(parts)) undecided(part, 'its value decides whether SSH or RDP is open to the internet');
  },
});
