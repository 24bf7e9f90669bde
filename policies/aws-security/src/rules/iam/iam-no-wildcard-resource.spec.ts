import { evaluate, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { expandActionPattern } from '@bulwark/aws-model';
import { iamNoWildcardResource, judgeActionPattern } from './iam-no-wildcard-resource';

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

  describe('wildcard actions whose expansion is mostly resource-less (issue 14)', () => {
    const onEverything = (Action: unknown, extra: Record<string, unknown> = {}) => resource('aws:iam/policy:Policy', { policy: doc({ Action, ...extra }) }, { name: 'reader' });

    it('the catalogue still has the shape the decision is about: most ec2:Describe* actions accept only "*", the rest only list', () => {
      const members = expandActionPattern('ec2:Describe*');
      const scoped = members.filter((action) => action.resourceTypes.length > 0);
      expect(scoped.length * 2).toBeLessThan(members.length);
      expect(scoped.length).toBeGreaterThan(0);
      expect(scoped.every((action) => action.accessLevels.every((level) => level === 'List'))).toBe(true);
    });

    it.each([
      ['ec2:Describe* (a resource-less family; failed before: its 17 List members were taken as scopable)', 'ec2:Describe*'],
      ['ec2:Describe* through NotResource', 'ec2:Describe*'],
      ['logs:Describe*', 'logs:Describe*'],
      ['cloudwatch:List* with autoscaling:Describe*', ['cloudwatch:List*', 'autoscaling:Describe*']],
    ])('Compliance: %s', async (label, Action) => {
      const extra = label.includes('NotResource') ? { Resource: undefined, NotResource: 'arn:aws:s3:::secrets/*' } : {};
      expect(await evaluate(iamNoWildcardResource, [onEverything(Action, extra)])).toEqual([]);
    });

    it('Noncompliance: a family member that reads data is named, its List members are not', async () => {
      const findings = await evaluate(iamNoWildcardResource, [onEverything('sns:List*')]);
      expect(mandatory(findings)).toHaveLength(1);
      expect(findings[0].message).toMatch(/"sns:List\*" grants \d+ actions; beyond listing resources, 1 of them supports resource-level permissions: sns:ListTagsForResource \(Read\)/);
      expect(findings[0].message).not.toContain('sns:ListSubscriptionsByTopic');
    });

    it('Noncompliance: a pattern mostly of scopable actions is judged by all of them (s3:List* includes s3:ListBucket)', async () => {
      const findings = await evaluate(iamNoWildcardResource, [onEverything('s3:List*')]);
      expect(findings[0].message).toMatch(/"s3:List\*" grants \d+ actions; \d+ of them support resource-level permissions: /);
      expect(judgeActionPattern('s3:List*').offending.map((action) => action.name)).toContain('s3:ListBucket');
    });

    it('Noncompliance: exactly half resource-less is not "mostly" (kms:Describe* grants DescribeKey)', async () => {
      expect(judgeActionPattern('kms:Describe*').offending.map((action) => action.name)).toEqual(['kms:DescribeKey']);
      expect(mandatory(await evaluate(iamNoWildcardResource, [onEverything('kms:Describe*')]))).toHaveLength(1);
    });

    it('Noncompliance: a List action written out is judged as RULES.md says, whatever family it belongs to', async () => {
      const findings = await evaluate(iamNoWildcardResource, [onEverything(['ec2:DescribeInstances', 'ec2:DescribeInstanceAttribute'])]);
      expect(findings[0].message).toContain('Allows "ec2:DescribeInstanceAttribute" on Resource "*", though it supports resource-level permissions: set Resource');
    });

    it('Noncompliance: a wildcard pattern the catalogue does not know, and "*"', async () => {
      expect(await evaluate(iamNoWildcardResource, [onEverything('madeup:*Thing')])).toHaveLength(1);
      expect(judgeActionPattern('*').offending.map((action) => action.name)).toEqual(['s3:GetObject']);
    });
  });

  it('Preview: computed resources decide nothing; unknown actions, effects and documents are undecided', async () => {
    const unknownAction = resource('aws:iam/policy:Policy', { policy: doc({ Action: [UNKNOWN_VALUE, 'ec2:DescribeInstances'] }) });
    const unknownDocument = resource('aws:iam/policy:Policy', { policy: UNKNOWN_VALUE });
    const unknownEffect = resource('aws:iam/policy:Policy', { policy: doc({ Effect: UNKNOWN_VALUE, Action: 's3:GetObject' }) });
    const unknownInline = resource('aws:iam/role:Role', { inlinePolicies: UNKNOWN_VALUE });
    const findings = await evaluate(iamNoWildcardResource, [
      unknownAction,
      resource('aws:iam/policy:Policy', { policy: doc({ Action: 's3:GetObject', Resource: [UNKNOWN_VALUE] }) }),
      unknownDocument,
      unknownEffect,
      unknownInline,
    ]);
    expect(mandatory(findings)).toEqual([]);
    expect(undecided(findings).map((finding) => [finding.urn, finding.property])).toEqual([
      [unknownAction.urn, 'policy.Statement[0].Action'],
      [unknownDocument.urn, 'policy'],
      [unknownEffect.urn, 'policy.Statement[0].Effect'],
      [unknownInline.urn, 'inlinePolicies'],
    ]);
  });
});
