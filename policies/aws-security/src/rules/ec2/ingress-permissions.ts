/**
 * The ingress permissions a security-group resource grants, read from the three ways pulumi-aws expresses them
 * (inline `ingress` blocks, `SecurityGroupRule` of type ingress, and the newer `vpc.SecurityGroupIngressRule`),
 * normalised to one shape so the security-group rules judge every form alike. Not a rule itself.
 */
import { boolValue, isUnknown, listValue, recordValue, stringValue, UNDECIDED, type Undecided } from '@bulwark/policy-kit';
import { type PortRange } from '../../lib/network';

export const SECURITY_GROUP = 'aws:ec2/securityGroup:SecurityGroup';
export const DEFAULT_SECURITY_GROUP = 'aws:ec2/defaultSecurityGroup:DefaultSecurityGroup';
export const SECURITY_GROUP_RULE = 'aws:ec2/securityGroupRule:SecurityGroupRule';
export const SECURITY_GROUP_INGRESS_RULE = 'aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule';

/** Every resource type that can grant security-group ingress. */
export const SECURITY_GROUP_INGRESS_TYPES: readonly string[] = [
  SECURITY_GROUP,
  DEFAULT_SECURITY_GROUP,
  SECURITY_GROUP_RULE,
  SECURITY_GROUP_INGRESS_RULE,
];

/**
 * Where traffic of a permission may come from. `cidr` values are passed through as the program gave them (an
 * engine unknown stays a sentinel) for the network library to judge; the other kinds are not address ranges.
 */
export type IngressSource =
  | { readonly kind: 'cidr'; readonly property: string; readonly value: unknown }
  | { readonly kind: 'securityGroup'; readonly property: string }
  | { readonly kind: 'prefixList'; readonly property: string };

/** One ingress permission: a protocol and port range, and the sources it admits. */
export interface IngressPermission {
  /** The property path of the permission for messages (`ingress[2]`), empty for a rule resource. */
  readonly path: string;
  /** The protocol and port bounds (`ipProtocol` on `SecurityGroupIngressRule`, `protocol` elsewhere). */
  readonly range: PortRange;
  /** The name of the protocol property (`ipProtocol` or `protocol`), for undecided findings. */
  readonly protocolProperty: string;
  readonly sources: readonly IngressSource[];
  /**
   * The property path of an unknown value that decides whether the permission applies at all (a rule's `type`, a
   * network ACL entry's action or direction); undefined when it decidedly applies. Such a permission opens nothing
   * decidable, but may leave a verdict undecided.
   */
  readonly appliesUnknown?: string;
}

function join(path: string, property: string): string {
  return path ? `${path}.${property}` : property;
}

function cidrSources(value: unknown, property: string): IngressSource[] {
  const list = listValue(value);
  if (list === UNDECIDED) return [{ kind: 'cidr', property, value }];
  return list.map((entry, index) => ({ kind: 'cidr', property: `${property}[${index}]`, value: entry }));
}

function referenceSources(value: unknown, property: string, kind: 'securityGroup' | 'prefixList'): IngressSource[] {
  const list = listValue(value);
  if (list === UNDECIDED) return [{ kind, property }];
  return list.map((_, index) => ({ kind, property: `${property}[${index}]` }));
}

/** A single-valued source property counts when it is set, or unknown (an output of another resource). */
function isSet(value: unknown): boolean {
  const text = stringValue(value);
  return text === UNDECIDED || (typeof text === 'string' && text !== '');
}

/** The permission of an inline `ingress` block or a `SecurityGroupRule`: both use the classic field names. */
function classicPermission(block: Record<string, unknown>, path: string, appliesUnknown?: string): IngressPermission {
  const sources: IngressSource[] = [
    ...cidrSources(block['cidrBlocks'], join(path, 'cidrBlocks')),
    ...cidrSources(block['ipv6CidrBlocks'], join(path, 'ipv6CidrBlocks')),
    ...referenceSources(block['securityGroups'], join(path, 'securityGroups'), 'securityGroup'),
    ...referenceSources(block['prefixListIds'], join(path, 'prefixListIds'), 'prefixList'),
  ];
  if (isSet(block['sourceSecurityGroupId'])) sources.push({ kind: 'securityGroup', property: join(path, 'sourceSecurityGroupId') });
  // `self` admits members of the group itself: a security-group source. An unknown `self` is either that or nothing.
  const self = boolValue(block['self']);
  if (self === true || self === UNDECIDED) sources.push({ kind: 'securityGroup', property: join(path, 'self') });
  return {
    path,
    range: { protocol: block['protocol'], fromPort: block['fromPort'], toPort: block['toPort'] },
    protocolProperty: 'protocol',
    sources,
    ...(appliesUnknown ? { appliesUnknown } : {}),
  };
}

function ingressRulePermission(props: Record<string, unknown>): IngressPermission {
  const sources: IngressSource[] = [];
  for (const property of ['cidrIpv4', 'cidrIpv6']) {
    if (props[property] !== undefined && props[property] !== null) sources.push({ kind: 'cidr', property, value: props[property] });
  }
  if (isSet(props['referencedSecurityGroupId'])) sources.push({ kind: 'securityGroup', property: 'referencedSecurityGroupId' });
  if (isSet(props['prefixListId'])) sources.push({ kind: 'prefixList', property: 'prefixListId' });
  return { path: '', range: { protocol: props['ipProtocol'], fromPort: props['fromPort'], toPort: props['toPort'] }, protocolProperty: 'ipProtocol', sources };
}

/**
 * The ingress permissions a resource grants: one per inline `ingress` block, one for an ingress rule resource,
 * none for egress rules or other types. UNDECIDED when the permissions themselves are not known (the whole
 * `ingress` list is unknown during preview). A `SecurityGroupRule` whose `type` is unknown gives its permission
 * with `appliesUnknown: 'type'`.
 */
export function ingressPermissions(type: string, props: Record<string, unknown>): IngressPermission[] | Undecided {
  switch (type) {
    case SECURITY_GROUP:
    case DEFAULT_SECURITY_GROUP: {
      const blocks = listValue(props['ingress']);
      if (blocks === UNDECIDED) return UNDECIDED;
      return blocks.flatMap((block, index) => {
        const record = recordValue(block);
        // an unknown block hides its own contents only; the other blocks are still judged
        if (record === UNDECIDED || record === undefined) return [];
        return [classicPermission(record, `ingress[${index}]`)];
      });
    }
    case SECURITY_GROUP_RULE: {
      const ruleType = props['type'];
      if (isUnknown(ruleType)) return [classicPermission(props, '', 'type')];
      return typeof ruleType === 'string' && ruleType.toLowerCase() === 'ingress' ? [classicPermission(props, '')] : [];
    }
    case SECURITY_GROUP_INGRESS_RULE:
      return [ingressRulePermission(props)];
    default:
      return [];
  }
}

/** The inline `ingress` blocks of a security group that are unknown in this mode (`ingress[3]`): each may hide a permission. */
export function unknownIngressBlocks(type: string, props: Record<string, unknown>): string[] {
  if (type !== SECURITY_GROUP && type !== DEFAULT_SECURITY_GROUP) return [];
  const blocks = listValue(props['ingress']);
  return blocks === UNDECIDED ? [] : blocks.flatMap((block, index) => (isUnknown(block) ? [`ingress[${index}]`] : []));
}

/** How security groups and their standalone rule resources are linked (see `ingress-groups.ts`). */
export const SECURITY_GROUP_SHAPE = {
  ownerTypes: [SECURITY_GROUP, DEFAULT_SECURITY_GROUP],
  ruleTypes: [SECURITY_GROUP_RULE, SECURITY_GROUP_INGRESS_RULE],
  linkProperty: 'securityGroupId',
} as const;

/** What a security-group resource grants, with the unknown parts hiding more (the `ingress` list or one block). */
export function securityGroupPermissions(type: string, props: Record<string, unknown>): { permissions: IngressPermission[]; hidden: string[] } {
  const permissions = ingressPermissions(type, props);
  if (permissions === UNDECIDED) return { permissions: [], hidden: ['ingress'] };
  return { permissions, hidden: unknownIngressBlocks(type, props) };
}
