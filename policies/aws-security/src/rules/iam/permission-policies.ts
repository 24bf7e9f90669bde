/**
 * The identity (permission) policy documents a resource carries: the `policy` of a managed or inline policy
 * resource, and each `inlinePolicies[].policy` of a Role. Trust policies (`assumeRolePolicy`) are not among them.
 * The IAM rules judge them statement by statement through `judgePermissionStatements`.
 */
import { type ParsedPolicyDocument, parsePolicyDocument, type PolicyStatement, statementsOf } from '@bulwark/aws-model';
import { isUnknown, listValue, pathValue, rawProps, type ReportUndecided, UNDECIDED } from '@bulwark/policy-kit';

export const POLICY_RESOURCE_TYPES: readonly string[] = [
  'aws:iam/policy:Policy',
  'aws:iam/rolePolicy:RolePolicy',
  'aws:iam/userPolicy:UserPolicy',
  'aws:iam/groupPolicy:GroupPolicy',
];
export const ROLE_TYPE = 'aws:iam/role:Role';

/** One permission document of a resource, with where it sits for messages. */
export interface PermissionDocument {
  /** `policy` or `inlinePolicies[0].policy`, in backticks, for messages. */
  readonly where: string;
  /** The same path, bare, for undecided findings. */
  readonly path: string;
  readonly parsed: ParsedPolicyDocument;
}

/** The permission documents of a resource of the given type; none for other types. */
export function permissionDocuments(type: string, props: unknown): PermissionDocument[] {
  const raw = rawProps(props);
  if (POLICY_RESOURCE_TYPES.includes(type)) return [{ where: '`policy`', path: 'policy', parsed: parsePolicyDocument(raw['policy']) }];
  if (type !== ROLE_TYPE) return [];
  const inline = listValue(raw['inlinePolicies']);
  if (inline === UNDECIDED) return [];
  return inline.map((entry, index) => {
    // An unknown entry hides its document: the entry itself is what is unknown.
    const path = isUnknown(entry) ? `inlinePolicies[${index}]` : `inlinePolicies[${index}].policy`;
    return { where: `\`${path}\``, path, parsed: parsePolicyDocument(isUnknown(entry) ? entry : pathValue(entry, ['policy'])) };
  });
}

/** The unknown parts of a Role's inline policies that hide whole documents (`inlinePolicies`); none for other types. */
export function hiddenPermissionDocuments(type: string, props: unknown): string[] {
  if (type !== ROLE_TYPE) return [];
  return listValue(rawProps(props)['inlinePolicies']) === UNDECIDED ? ['inlinePolicies'] : [];
}

/**
 * What a rule makes of one statement: it reported a violation, it passes, or the unknown value of one of its fields
 * (`Effect`, `Action`) would decide.
 */
export type StatementVerdict = 'violation' | 'pass' | { readonly unknown: 'Effect' | 'Action' };

/**
 * Judges every statement of a resource's permission documents with `judge`, which reports its own violations. When
 * none was reported, every unknown part that could hide one (a Role's unknown inline policy list, an unknown document
 * or statement list, a field a verdict names) is reported undecided, `why` saying what its value decides.
 */
export function judgePermissionStatements(
  resource: { readonly type: string; readonly props: unknown },
  undecided: ReportUndecided,
  why: string,
  judge: (statement: PolicyStatement, document: PermissionDocument) => StatementVerdict,
): void {
  let violations = 0;
  const parts: string[] = hiddenPermissionDocuments(resource.type, resource.props);
  for (const document of permissionDocuments(resource.type, resource.props)) {
    const { path, parsed } = document;
    if (parsed.kind === 'unknown') parts.push(path);
    if (parsed.kind === 'document' && parsed.document.statementsUnknown) parts.push(`${path}.Statement`);
    for (const statement of statementsOf(parsed)) {
      const verdict = judge(statement, document);
      if (verdict === 'violation') violations++;
      else if (verdict !== 'pass') parts.push(`${path}.Statement[${statement.index}].${verdict.unknown}`);
    }
  }
  if (violations > 0) return;
  for (const part of new Set(parts)) undecided(part, why);
}
