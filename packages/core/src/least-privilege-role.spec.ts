import { runProgram } from '@bulwark/offline';
import { LeastPrivilegeRole, type LeastPrivilegeRoleArgs } from './least-privilege-role';
import { componentTestConfig, onlyResourceOfType, policyDocumentOf } from '../testing';

const BUCKET = 'arn:aws:s3:::bulwark-dev-data-k3x9q2';

describe.each(['preview', 'update'] as const)('LeastPrivilegeRole (%s)', (mode) => {
  it('creates the role and its inline policy from the typed statements', async () => {
    const result = await runProgram(
      () => {
        new LeastPrivilegeRole('reader', {
          assumedBy: { services: ['lambda.amazonaws.com'], conditions: { StringEquals: { 'aws:SourceAccount': '123456789012' } } },
          statements: [
            { sid: 'ReadData', actions: ['s3:GetObject', 's3:ListBucket'], resources: [BUCKET, `${BUCKET}/*`] },
            { actions: ['ec2:DescribeInstances', 'xray:PutTraceSegments'], resources: ['*'] },
          ],
        });
      },
      { mode, config: componentTestConfig },
    );
    const component = onlyResourceOfType(result, 'bulwark:core:LeastPrivilegeRole');
    const role = onlyResourceOfType(result, 'aws:iam/role:Role');
    expect(role.parent).toBe(component.urn);
    expect(role.inputs.maxSessionDuration).toBe(3600);
    expect(policyDocumentOf(role.inputs.assumeRolePolicy).Statement).toEqual([
      {
        Effect: 'Allow',
        Principal: { Service: ['lambda.amazonaws.com'] },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' } },
      },
    ]);
    const policy = onlyResourceOfType(result, 'aws:iam/rolePolicy:RolePolicy');
    expect(policy.parent).toBe(component.urn);
    expect(policy.propertyDependencies.role).toEqual([role.urn]);
    expect(policyDocumentOf(policy.inputs.policy).Statement).toEqual([
      { Sid: 'ReadData', Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: [BUCKET, `${BUCKET}/*`] },
      { Effect: 'Allow', Action: ['ec2:DescribeInstances', 'xray:PutTraceSegments'], Resource: ['*'] },
    ]);
  });
});

describe('LeastPrivilegeRole rejects at construction', () => {
  const withStatements = (statements: LeastPrivilegeRoleArgs['statements']) => () =>
    new LeastPrivilegeRole('app', { assumedBy: { services: ['lambda.amazonaws.com'] }, statements });

  it.each(['*', 's3:*', 'S3:*'])('the wildcard action %s', (action) => {
    expect(withStatements([{ actions: ['s3:GetObject'], resources: [BUCKET] }, { actions: [action], resources: [BUCKET] }])).toThrow(
      new RegExp(`LeastPrivilegeRole "app": statement 1 action "${action.replace('*', '\\*')}" grants every action`),
    );
  });

  it('a "*" resource for an action with resource-level permissions', () => {
    expect(withStatements([{ actions: ['s3:GetObject'], resources: ['*'] }])).toThrow(
      'LeastPrivilegeRole "app": statement 0 action "s3:GetObject" has resource "*", but s3:GetObject support resource-level permissions; name the resource ARNs',
    );
  });

  it('a "*" resource for a pattern that expands to actions with resource-level permissions', () => {
    expect(withStatements([{ actions: ['ec2:DescribeInstances', 's3:Get*'], resources: ['*'] }])).toThrow(
      /statement 0 action "s3:Get\*" has resource "\*", but s3:\w+, s3:\w+, s3:\w+, \.\.\. support resource-level permissions/,
    );
  });

  it('an unknown action or service', () => {
    expect(withStatements([{ actions: ['s3:GetObjekt'], resources: [BUCKET] }])).toThrow(/statement 0: "s3:GetObjekt" matches no s3 action/);
    expect(withStatements([{ actions: ['nosuchservice:Get'], resources: [BUCKET] }])).toThrow(/"nosuchservice" is not an IAM service prefix/);
  });

  it('a public or empty trust policy', () => {
    const statements = [{ actions: ['s3:GetObject'], resources: [BUCKET] }];
    expect(() => new LeastPrivilegeRole('open', { assumedBy: { awsPrincipals: ['*'] }, statements })).toThrow(/assumedBy includes "\*"/);
    expect(() => new LeastPrivilegeRole('none', { assumedBy: {}, statements })).toThrow(/assumedBy names no principal/);
  });

  it('allows wildcards in Deny statements, which only narrow the role', () => {
    expect(
      withStatements([
        { actions: ['s3:GetObject'], resources: [BUCKET] },
        { effect: 'Deny', actions: ['s3:*'], resources: ['*'], conditions: { Bool: { 'aws:SecureTransport': 'false' } } },
      ]),
    ).not.toThrow();
  });
});
