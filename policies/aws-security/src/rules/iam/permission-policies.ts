/**
 * The identity (permission) policy documents a resource carries: the `policy` of a managed or inline policy
 * resource, and each `inlinePolicies[].policy` of a Role. Trust policies (`assumeRolePolicy`) are not among them.
 */
import { type ParsedPolicyDocument, parsePolicyDocument } from '@bulwark/aws-model';
import { listValue, pathValue, rawProps, UNDECIDED } from '@bulwark/policy-kit';

export const POLICY_RESOURCE_TYPES: readonly string[] = [
  'aws:iam/policy:Policy',
  'aws:iam/rolePolicy:RolePolicy',
  'aws:iam/userPolicy:UserPolicy',
  'aws:iam/groupPolicy:GroupPolicy',
];
export const ROLE_TYPE = 'aws:iam/role:Role';

/** One permission document of a resource, with where it sits for messages. */
export interface PermissionDocument {
  /** `policy` or `inlinePolicies[0].policy`. */
  readonly where: string;
  readonly parsed: ParsedPolicyDocument;
}

/** The permission documents of a resource of the given type; none for other types. */
export function permissionDocuments(type: string, props: unknown): PermissionDocument[] {
  const raw = rawProps(props);
  if (POLICY_RESOURCE_TYPES.includes(type)) return [{ where: '`policy`', parsed: parsePolicyDocument(raw['policy']) }];
  if (type !== ROLE_TYPE) return [];
  const inline = listValue(raw['inlinePolicies']);
  if (inline === UNDECIDED) return [];
  return inline.map((entry, index) => ({ where: `\`inlinePolicies[${index}].policy\``, parsed: parsePolicyDocument(pathValue(entry, ['policy'])) }));
}
