/**
 * Security group ingress that covers SSH (TCP 22) comes only from a single host (`/32`, `/128`) or from another
 * security group (including `self`). A wider block, even a private one, lets every machine in it try to log in;
 * a prefix list can hold any range, so it is not accepted either. The check is the same for inline `ingress`
 * blocks, `SecurityGroupRule` (type ingress) and `vpc.SecurityGroupIngressRule`.
 */
import { describeValue, isUnknown, rawProps, resourceRule, UNDECIDED } from '@bulwark/policy-kit';
import { coversPort, describePortRange, isSingleHostCidr } from '../../lib/network';
import { ingressPermissions, SECURITY_GROUP_INGRESS_TYPES, type IngressSource } from './ingress-permissions';

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
  },
  check: ({ args, report }) => {
    const permissions = ingressPermissions(args.type, rawProps(args.props));
    if (permissions === UNDECIDED) return;
    for (const permission of permissions) {
      // SSH is TCP only: a UDP 22 opening is no login path (the public-admin rule still covers it for the world)
      if (coversPort(permission.range, SSH_PORT, ['tcp']) !== true) continue;
      for (const source of permission.sources) {
        const problem = sourceProblem(source);
        if (!problem) continue;
        const where = permission.path ? `${permission.path} (${describePortRange(permission.range)})` : `the rule (${describePortRange(permission.range)})`;
        report(
          `${where} covers SSH port 22 but ${problem}. Allow SSH only from a single host (/32 or /128) or a ` +
            'security group.',
        );
      }
    }
  },
});
