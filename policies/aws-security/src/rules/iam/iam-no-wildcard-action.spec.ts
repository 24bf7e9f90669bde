import { evaluate, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { iamNoWildcardAction } from './iam-no-wildcard-action';

const doc = (statement: Record<string, unknown>) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Resource: '*', ...statement }] });

describe('iam-no-wildcard-action', () => {
  it('Compliance: specific actions and partial wildcards; Deny with "*" is fine', async () => {
    const findings = await evaluate(iamNoWildcardAction, [
      resource('aws:iam/policy:Policy', { policy: doc({ Action: ['s3:GetObject', 's3:List*'] }) }),
      resource('aws:iam/userPolicy:UserPolicy', { user: 'u', policy: doc({ Effect: 'Deny', Action: '*' }) }),
      resource('aws:iam/role:Role', { assumeRolePolicy: doc({ Action: '*' }), inlinePolicies: [{ name: 'x', policy: doc({ Action: 'sqs:SendMessage' }) }] }),
    ]);
    expect(findings).toEqual([]);
  });

  it('Noncompliance 1: Action "*" in a Policy', async () => {
    const policy = resource('aws:iam/policy:Policy', { policy: doc({ Sid: 'Admin', Action: '*' }) }, { name: 'admin' });
    expect(await evaluate(iamNoWildcardAction, [policy])).toEqual([
      expect.objectContaining({ policy: 'iam-no-wildcard-action', enforcement: 'mandatory', urn: policy.urn, message: expect.stringContaining('admin: `policy` statement 1 ("Admin") Allows Action "*"') }),
    ]);
  });

  it('Noncompliance 2: "<service>:*" in a Role inline policy, RolePolicy and GroupPolicy (object documents)', async () => {
    const role = resource('aws:iam/role:Role', { inlinePolicies: [{ policy: doc({ Action: ['s3:*'] }) }] }, { name: 'role' });
    const rolePolicy = resource('aws:iam/rolePolicy:RolePolicy', { role: 'r', policy: { Statement: { Effect: 'Allow', Action: 'dynamodb:*', Resource: '*' } } });
    const groupPolicy = resource('aws:iam/groupPolicy:GroupPolicy', { group: 'g', policy: doc({ Action: 'kms:*' }) });
    const findings = await evaluate(iamNoWildcardAction, [role, rolePolicy, groupPolicy]);
    expect(findings.map((finding) => finding.urn)).toEqual([role.urn, rolePolicy.urn, groupPolicy.urn]);
    expect(findings[0].message).toContain('role: `inlinePolicies[0].policy` statement 1 Allows Action "s3:*"');
  });

  it('Noncompliance 3: Allow with NotAction', async () => {
    const policy = resource('aws:iam/policy:Policy', { policy: doc({ NotAction: 'iam:*' }) });
    expect((await evaluate(iamNoWildcardAction, [policy]))[0].message).toContain('Allows with NotAction');
  });

  it('Preview: unknown documents, statements and entries are undecided; known wildcards are the verdict', async () => {
    const known = resource('aws:iam/policy:Policy', { policy: doc({ Action: [UNKNOWN_VALUE, '*'] }) });
    const unknownDocument = resource('aws:iam/policy:Policy', { policy: UNKNOWN_VALUE });
    const unknownInline = resource('aws:iam/role:Role', { inlinePolicies: UNKNOWN_VALUE });
    const unknownEntries = resource('aws:iam/role:Role', { inlinePolicies: [{ policy: UNKNOWN_VALUE }, UNKNOWN_VALUE] });
    const unknownEffect = resource('aws:iam/rolePolicy:RolePolicy', { policy: doc({ Action: UNKNOWN_VALUE, Effect: UNKNOWN_VALUE }) });
    const unknownAction = resource('aws:iam/rolePolicy:RolePolicy', { policy: doc({ Action: ['s3:GetObject', UNKNOWN_VALUE] }) });
    const findings = await evaluate(iamNoWildcardAction, [unknownDocument, unknownInline, unknownEntries, unknownEffect, unknownAction, known]);
    expect(mandatory(findings).map((finding) => finding.urn)).toEqual([known.urn]);
    expect(undecided(findings).map((finding) => [finding.urn, finding.property])).toEqual([
      [unknownDocument.urn, 'policy'],
      [unknownInline.urn, 'inlinePolicies'],
      [unknownEntries.urn, 'inlinePolicies[0].policy'],
      [unknownEntries.urn, 'inlinePolicies[1]'],
      [unknownEffect.urn, 'policy.Statement[0].Effect'],
      [unknownAction.urn, 'policy.Statement[0].Action'],
    ]);
  });
});
