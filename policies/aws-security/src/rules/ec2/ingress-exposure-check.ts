/**
 * The check the "nothing open to the internet on these ports" rules share (`sg-no-public-admin-ingress`,
 * `sg-no-public-high-risk-ports`, `nacl-no-public-admin-ingress`): group the resources that open one security group
 * or network ACL, report every internet exposure of the group's union, and when none is decided, report undecided
 * the unknown values that could open one. Not a rule itself.
 */
import type { PolicyResource } from '@pulumi/policy';
import { rawProps, type Report, type ReportUndecided } from '@bulwark/policy-kit';
import { type Transport } from '../../lib/network';
import { ingressGroups, type IngressGroupShape } from './ingress-groups';
import { type IngressPermission } from './ingress-permissions';
import { describeInternetExposure, exposureTarget, internetExposures, undecidedIngress, type HeldPermission, type InternetExposure } from './internet-exposure';

/** What a member resource grants: its permissions and the unknown parts hiding more (`ingress`, `ingress[3]`). */
export interface MemberPermissions {
  readonly permissions: readonly IngressPermission[];
  readonly hidden: readonly string[];
}

/** One rule's use of the shared check. */
export interface IngressExposureCheck {
  readonly shape: IngressGroupShape;
  readonly permissionsOf: (type: string, props: Record<string, unknown>) => MemberPermissions;
  readonly ports: readonly number[];
  readonly transports: readonly Transport[];
  /** The finding for an exposure, given how it starts (`ingress[0] allows tcp 22 from ...`). */
  readonly message: (description: string, exposure: InternetExposure) => string;
  /** What an unknown value decides, for undecided findings. */
  readonly decides: string;
}

/** Runs the shared check over the stack (see the module comment). */
export function checkIngressExposure(resources: readonly PolicyResource[], check: IngressExposureCheck, report: Report, undecided: ReportUndecided): void {
  for (const group of ingressGroups(resources, check.shape)) {
    const held: HeldPermission[] = [];
    const hidden: { holder: PolicyResource; property: string }[] = [];
    for (const member of group.members) {
      const granted = check.permissionsOf(member.type, rawProps(member.props));
      granted.hidden.forEach((property) => hidden.push({ holder: member, property }));
      granted.permissions.forEach((permission) => held.push({ holder: member, permission }));
    }
    const exposures = internetExposures(held, check.ports, check.transports);
    for (const exposure of exposures) {
      const target = exposureTarget(exposure, group);
      report(check.message(describeInternetExposure(exposure, target), exposure), target.urn);
    }
    // A decided exposure is the group's verdict; otherwise every unknown that could open a port is named.
    if (exposures.length > 0) continue;
    const open = [...hidden, ...undecidedIngress(held, group, check.ports, check.transports, check.shape.linkProperty)];
    for (const { holder, property } of open) undecided(property, check.decides, holder.urn);
  }
}
