/**
 * The permission policies the stack gives an IAM role, for the rules that judge what the role may do or order
 * resources after its permissions: inline `RolePolicy` resources, the role's `inlinePolicies`, `RolePolicyAttachment`s
 * (and the role's `managedPolicyArns`) of customer managed policies the stack creates, and `RolePoliciesExclusive`.
 * An attached policy that is not in the stack (AWS managed, or an ARN unknown until apply) has a document the engine
 * cannot read: it is listed as unknown, so a rule reports it undecided instead of passing or refusing the role. So is
 * a permission resource whose `role` is unknown until apply and linked to no one role (a role of a component holding
 * several, or no dependency): it may be this role's, so its document counts as unknown (`open`).
 */
import type { PolicyResource } from '@pulumi/policy';
import { listValue, rawProps, stringValue, UNDECIDED } from '@bulwark/policy-kit';
import { type StackGraph } from './stack-graph';

const ROLE = 'aws:iam/role:Role';
const POLICY = 'aws:iam/policy:Policy';
const ROLE_POLICY = 'aws:iam/rolePolicy:RolePolicy';
const ATTACHMENT = 'aws:iam/rolePolicyAttachment:RolePolicyAttachment';
const EXCLUSIVE = 'aws:iam/rolePoliciesExclusive:RolePoliciesExclusive';
const ROLE_IDENTIFIERS: readonly string[] = ['name', 'id', 'arn'];

/** The resource types that attach permissions to a role (each names the role in `role`, or `roleName` for the exclusive list). */
export const ROLE_PERMISSION_TYPES: readonly string[] = [ROLE_POLICY, ATTACHMENT, EXCLUSIVE];

/** A policy attached to the role whose document the stack does not hold. */
export interface UnknownRolePolicy {
  /** The resource that attaches it (an attachment, or the role for `managedPolicyArns`). */
  readonly holder: PolicyResource;
  /** The property naming the policy (`policyArn`, `managedPolicyArns`, `inlinePolicies`). */
  readonly property: string;
  /** What the policy is, for messages: its ARN, or "unknown until apply". */
  readonly policy: string;
}

/** What the stack gives a role: the resources that attach permissions, the documents known, the policies not known. */
export interface RolePermissions {
  readonly resources: readonly PolicyResource[];
  /** Permission resources that may be the role's: their `role` is an open reference (see `StackGraph.openReference`). */
  readonly open: readonly PolicyResource[];
  readonly documents: readonly unknown[];
  readonly unknown: readonly UnknownRolePolicy[];
}

/** The document of the customer managed policy `holder`'s `property` (or `value`) names, when the stack creates it. */
function stackPolicyDocument(graph: StackGraph, holder: PolicyResource, property: string, value?: unknown): unknown {
  const [policy] = graph.refersTo(holder, property, [POLICY], ['arn', 'id'], value);
  return policy ? rawProps(policy.props)['policy'] : undefined;
}

/**
 * The resources of the stack that attach permissions to `role`, in the order of {@link ROLE_PERMISSION_TYPES}:
 * inline policies and attachments name it in `role`, the exclusive list in `roleName`.
 */
function permissionResources(graph: StackGraph, role: PolicyResource): PolicyResource[] {
  return [
    ...graph.companionsOf(role, [ROLE_POLICY, ATTACHMENT], 'role', [ROLE], ROLE_IDENTIFIERS),
    ...graph.companionsOf(role, [EXCLUSIVE], 'roleName', [ROLE], ROLE_IDENTIFIERS),
  ];
}

/** The permission resources whose role is unknown until apply and may be `role` (see the module comment). */
function openPermissionResources(graph: StackGraph, role: PolicyResource): PolicyResource[] {
  return [...graph.openCompanionsOf(role, [ROLE_POLICY, ATTACHMENT], 'role', [ROLE]), ...graph.openCompanionsOf(role, [EXCLUSIVE], 'roleName', [ROLE])];
}

/** The permissions the stack gives `role` (see the module comment), worked out once per stack and role. */
export function rolePermissions(graph: StackGraph, role: PolicyResource): RolePermissions {
  return graph.onceFor(role, permissionsOf);
}

function permissionsOf(graph: StackGraph, role: PolicyResource): RolePermissions {
  const resources = permissionResources(graph, role);
  const open = openPermissionResources(graph, role);
  // What an open policy or attachment grants (or denies) is this role's only if its role turns out to be this one.
  const documents: unknown[] = open.filter((holder) => holder.type !== EXCLUSIVE).map(() => UNDECIDED);
  const unknown: UnknownRolePolicy[] = [];
  const attach = (holder: PolicyResource, property: string, value?: unknown) => {
    const document = stackPolicyDocument(graph, holder, property, value);
    if (document !== undefined) {
      documents.push(document);
      return;
    }
    const arn = stringValue(value === undefined ? rawProps(holder.props)[property] : value);
    unknown.push({ holder, property, policy: typeof arn === 'string' ? arn : 'unknown until apply' });
    documents.push(UNDECIDED);
  };
  for (const holder of resources) {
    if (holder.type === ROLE_POLICY) documents.push(rawProps(holder.props)['policy']);
    else if (holder.type === ATTACHMENT) attach(holder, 'policyArn');
    // RolePoliciesExclusive only names which inline policies may stay; their documents are the RolePolicy resources.
  }
  const inline = listValue(rawProps(role.props)['inlinePolicies']);
  if (inline === UNDECIDED) {
    unknown.push({ holder: role, property: 'inlinePolicies', policy: 'unknown until apply' });
    documents.push(UNDECIDED);
  } else for (const entry of inline) documents.push((entry as Record<string, unknown> | undefined)?.['policy']);
  const managed = listValue(rawProps(role.props)['managedPolicyArns']);
  if (managed === UNDECIDED) {
    unknown.push({ holder: role, property: 'managedPolicyArns', policy: 'unknown until apply' });
    documents.push(UNDECIDED);
  } else for (const arn of managed) attach(role, 'managedPolicyArns', arn);
  return { resources, open, documents, unknown };
}
