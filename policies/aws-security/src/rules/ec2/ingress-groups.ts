/**
 * Which resources grant ingress to the same security group (or network ACL), so the network rules judge the union
 * of everything that opens it: the group's own inline `ingress` and its standalone rule resources
 * (`SecurityGroupRule`, `vpc.SecurityGroupIngressRule`, `NetworkAclRule`). Not a rule itself.
 *
 * A rule resource joins the group its link property (`securityGroupId`, `networkAclId`) refers to through a property
 * dependency or the group's known id (see `@bulwark/policy-kit`'s links); rule resources naming the same known id of a
 * group the stack does not declare share a group too. A rule resource whose id is unknown with no dependency cannot
 * be placed: it is judged alone and marked `ungrouped`, since in an update it may share a group.
 */
import type { PolicyResource } from '@pulumi/policy';
import { isUnknown, linkIndex, rawProps, resourcesOfType } from '@bulwark/policy-kit';

/** The resources that grant ingress to one security group or network ACL. */
export interface IngressGroup {
  /** The security group or network ACL resource, when the stack declares it. */
  readonly owner?: PolicyResource;
  /** Every resource granting ingress to it, the owner first. */
  readonly members: readonly PolicyResource[];
  /** True for a lone rule resource whose group is unknown in this mode (it may share one in an update). */
  readonly ungrouped: boolean;
}

/** How a kind of group is linked: its owner types, its standalone rule types and the property naming the owner. */
export interface IngressGroupShape {
  readonly ownerTypes: readonly string[];
  readonly ruleTypes: readonly string[];
  readonly linkProperty: string;
}

/** The properties that identify a security group or network ACL when a rule names it by value. */
const OWNER_IDENTIFIERS = ['id', 'arn'];

/** Every ingress group of the stack, in stack order of their first member. */
export function ingressGroups(resources: readonly PolicyResource[], shape: IngressGroupShape): IngressGroup[] {
  const links = linkIndex(resources, shape.ruleTypes, shape.linkProperty, shape.ownerTypes, OWNER_IDENTIFIERS);
  const groups: IngressGroup[] = [];
  const placed = new Set<string>();
  for (const owner of resourcesOfType(resources, shape.ownerTypes)) {
    const rules = links.linkedTo(owner).filter((rule) => !placed.has(rule.urn));
    rules.forEach((rule) => placed.add(rule.urn));
    groups.push({ owner, members: [owner, ...rules], ungrouped: false });
  }
  const byValue = new Map<string, PolicyResource[]>();
  for (const rule of resourcesOfType(resources, shape.ruleTypes)) {
    if (placed.has(rule.urn)) continue;
    const value = rawProps(rule.props)[shape.linkProperty];
    if (typeof value === 'string' && !isUnknown(value) && value.trim() !== '') {
      const members = byValue.get(value.trim());
      if (members) members.push(rule);
      else byValue.set(value.trim(), [rule]);
      continue;
    }
    // Unknown with no dependency on a group of the stack (or missing): its group cannot be told in this mode.
    groups.push({ members: [rule], ungrouped: isUnknown(value) });
  }
  for (const members of byValue.values()) groups.push({ members, ungrouped: false });
  return groups;
}
