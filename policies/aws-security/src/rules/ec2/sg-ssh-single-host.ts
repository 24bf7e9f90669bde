/**
 * Security group ingress that covers SSH (TCP 22) comes only from a single host (`/32`, `/128`) or from another
 * security group (including `self`). A wider block, even a private one, lets every machine in it try to log in;
 * a prefix list can hold any range, so it is not accepted either. The check is the same for inline `ingress`
 * blocks, `SecurityGroupRule` (type ingress) and `vpc.SecurityGroupIngressRule`.
 *
 * Undecided (advisory): when no problem is decided on the resource, an unknown `ingress` list or block, an unknown
 * source block of a permission covering TCP 22, or the unknown ports, protocol or `type` of a permission whose
 * sources would be a problem on port 22.
 */
import { describeValue, isUnknown, rawProps, resourceRule } from '@bulwark/policy-kit';
import { coversPort, describePortRange, isSingleHostCidr } from '../../lib/network';
import { SECURITY_GROUP_INGRESS_TYPES, securityGroupPermissions, type IngressPermission, type IngressSource } from './ingress-permissions';

const SSH_PORT = 22;

/** Why a source is not acceptable for SSH, or undefined when it is (or cannot be judged yet). */
function sourceProblem(source: IngressSource): string | undefined {
  if (source.kind === 'securityGroup') return undefined;
  if (source.kind === 'prefixList') return `${source.property} is a managed prefix list, which may hold any address range`;
  if (isUnknown(source.value)) return undefined;
  const singleHost = isSingleHostCidr(source.value);
  if (singleHost === true) return undefined;
  const shown = describeValue(source.value);
  return singleHost === false
    ? `${source.property} = ${shown} admits more than one host`
    : `${source.property} = ${shown} is not a valid CIDR block, so it is not a single host`;
}

/**
 * The unknowns of a permission that may or may not cover TCP 22 (unknown ports, protocol or `type`): they matter when
 * one of its sources would be a problem, or is unknown.
 */
function undecidedRangeParts(permission: IngressPermission): string[] {
  const unknownSources = permission.sources.filter((source) => source.kind === 'cidr' && isUnknown(source.value)).map((source) => source.property);
  const wouldMatter = unknownSources.length > 0 || permission.sources.some((source) => sourceProblem(source) !== undefined);
  if (!wouldMatter) return [];
  const fields = (['protocol', 'fromPort', 'toPort'] as const)
    .filter((field) => isUnknown(permission.range[field]))
    .map((field) => (permission.path ? `${permission.path}.` : '') + (field === 'protocol' ? permission.protocolProperty : field));
  return [...(permission.appliesUnknown ? [permission.appliesUnknown] : []), ...fields, ...unknownSources];
}

export const sgSshSingleHost = resourceRule({
  metadata: {
    id: 'sg-ssh-single-host',
    title: 'SSH ingress comes only from a single host or a security group',
    description:
      'Any security group ingress whose port range covers TCP 22 (SSH) must admit only a single address (/32 or ' +
      '/128) or a security group. Wider blocks let every machine in them attempt logins and hide which host is ' +
      'meant to administer the instances.',
    severity: 'high',
    enforcementLevel: 'mandatory',
    service: 'ec2',
    controls: {},
    resourceTypes: SECURITY_GROUP_INGRESS_TYPES,
    remediation:
      'Change the SSH source to the /32 (or /128) of the administering host, or reference the bastion\'s security ' +
      'group (`securityGroups` / `sourceSecurityGroupId` / `referencedSecurityGroupId`). Prefer Systems Manager ' +
      'Session Manager and remove the SSH ingress entirely.',
    decisions: [
      'SSH is TCP only: a UDP 22 opening is no login path (sg-no-public-admin-ingress still covers it for the internet). ' +
        'Protocol -1/"all" and TCP ranges covering 22 count.',
      'A single host is a /32 or /128 parsed as an address; a security group source (`securityGroups`, ' +
        '`sourceSecurityGroupId`, `referencedSecurityGroupId`, `self`) is accepted; a managed prefix list may hold any ' +
        'range and is not. An unparseable CIDR is reported, since it is no single host.',
      'Unknown values (first preview): an unknown source block of a permission covering TCP 22 is reported undecided (it ' +
        'may be wide); so are the unknown ports, protocol or rule `type` of a permission whose sources would be a problem ' +
        'on port 22, and an unknown `ingress` list or block. A computed security group id is a security group, whatever ' +
        'its value. A decided problem is the resource\'s only verdict.',
    ],
  },
  check: ({ args, report, undecided }) => {
    const { permissions, hidden } = securityGroupPermissions(args.type, rawProps(args.props));
    let problems = 0;
    const parts: string[] = [...hidden];
    for (const permission of permissions) {
      // SSH is TCP only: a UDP 22 opening is no login path (the public-admin rule still covers it for the world)
      const coverage = coversPort(permission.range, SSH_PORT, ['tcp']);
      if (coverage === false) continue;
      if (coverage === 'unknown' || permission.appliesUnknown !== undefined) {
        parts.push(...undecidedRangeParts(permission));
        continue;
      }
      for (const source of permission.sources) {
        if (source.kind === 'cidr' && isUnknown(source.value)) parts.push(source.property);
        const problem = sourceProblem(source);
        if (!problem) continue;
        problems++;
        const where = permission.path ? `${permission.path} (${describePortRange(permission.range)})` : `the rule (${describePortRange(permission.range)})`;
        report(
          `${where} covers SSH port 22 but ${problem}. Allow SSH only from a single host (/32 or /128) or a ` +
            'security group.',
        );
      }
    }
    // A decided problem is the resource's verdict; otherwise every unknown that could hide one is named.
    if (problems > 0) return;
    for (const part of new Set(parts)) undecided(part, 'its value decides whether SSH is admitted from more than one host');
  },
});
