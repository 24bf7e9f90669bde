import type { PolicyResource } from '@pulumi/policy';
import { UNDECIDED } from '@bulwark/policy-kit';
import { UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { rolePermissions } from './role-permissions';
import { StackGraph } from './stack-graph';

const ARN = 'arn:aws:iam::111122223333:policy/flow-logs-write';
const document = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'logs:PutLogEvents', Resource: '*' }] });

/** A resource as the policy SDK gives it, with the property dependencies the rules read. */
function node(type: string, name: string, props: Record<string, unknown>, dependsOn: Record<string, PolicyResource[]> = {}): PolicyResource {
  return { urn: `urn:pulumi:test::test::${type}::${name}`, type, name, props, propertyDependencies: dependsOn } as unknown as PolicyResource;
}

describe('rolePermissions', () => {
  const role = node('aws:iam/role:Role', 'flow-logs', { name: 'flow-logs', inlinePolicies: [{ name: 'inline', policy: 'inline-document' }] });
  const policy = node('aws:iam/policy:Policy', 'write', { arn: ARN, policy: document });

  it('gives the documents of inline policies, RolePolicy resources and attached policies of the stack, and every resource that attaches them', () => {
    const rolePolicy = node('aws:iam/rolePolicy:RolePolicy', 'own', { role: 'flow-logs', policy: 'role-policy-document' });
    const byDependency = node('aws:iam/rolePolicyAttachment:RolePolicyAttachment', 'by-dependency', { policyArn: UNKNOWN_VALUE }, { role: [role], policyArn: [policy] });
    const byArn = node('aws:iam/rolePolicyAttachment:RolePolicyAttachment', 'by-arn', { role: 'flow-logs', policyArn: ARN });
    const exclusive = node('aws:iam/rolePoliciesExclusive:RolePoliciesExclusive', 'only', { roleName: 'flow-logs', policyNames: ['own'] });
    const other = node('aws:iam/rolePolicy:RolePolicy', 'other', { role: 'other-role', policy: 'other-document' });
    const permissions = rolePermissions(new StackGraph([role, policy, rolePolicy, byDependency, byArn, exclusive, other]), role);
    expect(permissions.resources).toEqual([rolePolicy, byDependency, byArn, exclusive]);
    expect(permissions.documents).toEqual(['role-policy-document', document, document, 'inline-document']);
    expect(permissions.unknown).toEqual([]);
  });

  it('lists an AWS managed or unknown policy ARN (attachment or managedPolicyArns) as unknown, its document UNDECIDED', () => {
    const managed = node('aws:iam/rolePolicyAttachment:RolePolicyAttachment', 'managed', { role: 'flow-logs', policyArn: 'arn:aws:iam::aws:policy/CloudWatchLogsFullAccess' });
    const withArns = node('aws:iam/role:Role', 'flow-logs', { name: 'flow-logs', managedPolicyArns: [ARN, 'arn:aws:iam::aws:policy/ReadOnlyAccess'] });
    const permissions = rolePermissions(new StackGraph([withArns, policy, managed]), withArns);
    expect(permissions.documents).toEqual([UNDECIDED, document, UNDECIDED]);
    expect(permissions.unknown.map(({ holder, property, policy: named }) => [holder.name, property, named])).toEqual([
      ['managed', 'policyArn', 'arn:aws:iam::aws:policy/CloudWatchLogsFullAccess'],
      ['flow-logs', 'managedPolicyArns', 'arn:aws:iam::aws:policy/ReadOnlyAccess'],
    ]);
  });
});
