import { evaluate, resource, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { iamNoWildcardResource } from './iam-no-wildcard-resource';

const doc = (statement: Record<string, unknown>) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Resource: '*', ...statement }] });

describe('iam-no-wildcard-resource', () => {
  it('Compliance: actions that accept only "*", and scoped resources', async () => {
    const findings = await evaluate(iamNoWildcardResource, [
      resource('aws:iam/policy:Policy', { policy: doc({ Action: ['ec2:DescribeInstances', 'xray:PutTraceSegments', 'xray:PutTelemetryRecords'] }) }),
      resource('aws:iam/rolePolicy:RolePolicy', { role: 'r', policy: doc({ Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }) }),
      resource('aws:iam/userPolicy:UserPolicy', { user: 'u', policy: doc({ Effect: 'Deny', Action: 's3:*' }) }),
    ]);
    expect(findings).toEqual([]);
  });

  it('Noncompliance 1: an action with resource-level permissions on "*"', async () => {
    const policy = resource('aws:iam/policy:Policy', { policy: doc({ Action: ['ec2:DescribeInstances', 's3:GetObject'] }) }, { name: 'reader' });
    expect(await evaluate(iamNoWildcardResource, [policy])).toEqual([
      expect.objectContaining({
        policy: 'iam-no-wildcard-resource',
        enforcement: 'mandatory',
        urn: policy.urn,
        message: expect.stringContaining('reader: `policy` statement 1 Allows "s3:GetObject" on Resource "*", though it supports resource-level permissions'),
      }),
    ]);
  });

  it('Noncompliance 2: a wildcard pattern that expands to scoped actions, in a Role inline policy', async () => {
    const role = resource('aws:iam/role:Role', { inlinePolicies: [{ policy: doc({ Action: 'dynamodb:Get*' }) }] });
    expect((await evaluate(iamNoWildcardResource, [role]))[0].message).toContain('`inlinePolicies[0].policy` statement 1 Allows "dynamodb:Get*"');
  });

  it('Noncompliance 3: an action missing from the catalogue is not assumed to accept only "*"', async () => {
    const policy = resource('aws:iam/groupPolicy:GroupPolicy', { group: 'g', policy: doc({ Action: 'madeup:DoThing' }) });
    expect(await evaluate(iamNoWildcardResource, [policy])).toHaveLength(1);
  });

  it('Noncompliance 4: NotAction on "*"', async () => {
    const policy = resource('aws:iam/policy:Policy', { policy: doc({ NotAction: 'iam:*' }) });
    expect((await evaluate(iamNoWildcardResource, [policy]))[0].message).toContain('Allows NotAction on Resource "*"');
  });

  it('Preview: unknown actions and resources are not judged', async () => {
    const findings = await evaluate(iamNoWildcardResource, [
      resource('aws:iam/policy:Policy', { policy: doc({ Action: [UNKNOWN_VALUE] }) }),
      resource('aws:iam/policy:Policy', { policy: doc({ Action: 's3:GetObject', Resource: [UNKNOWN_VALUE] }) }),
      resource('aws:iam/policy:Policy', { policy: UNKNOWN_VALUE }),
    ]);
    expect(findings).toEqual([]);
  });
});
