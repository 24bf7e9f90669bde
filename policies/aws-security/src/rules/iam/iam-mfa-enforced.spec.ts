import * as aws from '@pulumi/aws';
import { evaluate, evaluateProgram, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { iamMfaEnforced } from './iam-mfa-enforced';

const USER = 'aws:iam/user:User';
const GROUP = 'aws:iam/group:Group';
const POLICY = 'aws:iam/policy:Policy';
const GROUP_POLICY = 'aws:iam/groupPolicy:GroupPolicy';
const ATTACHMENT = 'aws:iam/groupPolicyAttachment:GroupPolicyAttachment';
const POLICY_ATTACHMENT = 'aws:iam/policyAttachment:PolicyAttachment';

const mfaStatement = (extra: Record<string, unknown> = {}) => ({
  Effect: 'Deny',
  NotAction: ['iam:CreateVirtualMFADevice', 'iam:EnableMFADevice', 'iam:ListMFADevices', 'sts:GetSessionToken'],
  Resource: '*',
  Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
  ...extra,
});
const mfaDocument = (extra: Record<string, unknown> = {}) => JSON.stringify({ Version: '2012-10-17', Statement: [mfaStatement(extra)] });

describe('iam-mfa-enforced', () => {
  it('Compliance: a managed policy attached to a group (by dependency, or by ARN) or a GroupPolicy', async () => {
    const group = resource(GROUP, { name: 'humans' });
    const policy = resource(POLICY, { name: 'require-mfa', policy: mfaDocument() });
    expect(
      await evaluate(iamMfaEnforced, [resource(USER, { name: 'alice' }), group, policy, resource(ATTACHMENT, { group: UNKNOWN_VALUE, policyArn: UNKNOWN_VALUE }, { dependsOn: { group: [group], policyArn: [policy] } })]),
    ).toEqual([]);
    expect(
      await evaluate(iamMfaEnforced, [group, policy, resource(POLICY_ATTACHMENT, { groups: ['humans'], policyArn: 'arn:aws:iam::111122223333:policy/require-mfa' })]),
    ).toEqual([]);
    expect(await evaluate(iamMfaEnforced, [group, resource(GROUP_POLICY, { group: 'humans', policy: mfaDocument({ NotAction: undefined, Action: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': false } } }) })])).toEqual([]);
  });

  it('Compliance: a stack without IAM users, groups or password policy is not in scope', async () => {
    expect(await evaluate(iamMfaEnforced, [resource('aws:iam/role:Role', { assumeRolePolicy: '{}' })])).toEqual([]);
  });

  it('Noncompliance 1: users and no MFA policy', async () => {
    const findings = await evaluate(iamMfaEnforced, [resource(USER, { name: 'alice' }, { name: 'alice' })]);
    expect(findings).toEqual([
      expect.objectContaining({ policy: 'iam-mfa-enforced', enforcement: 'mandatory', urn: undefined, message: expect.stringContaining('The stack manages IAM identities (alice) but attaches no policy') }),
    ]);
  });

  it('Noncompliance 2: an MFA policy that is not attached to any group', async () => {
    expect(await evaluate(iamMfaEnforced, [resource(GROUP, {}), resource(POLICY, { name: 'require-mfa', policy: mfaDocument() })])).toHaveLength(1);
  });

  it.each([
    ['an Allow', { Effect: 'Allow' }],
    ['a condition on MFA being present', { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }],
    ['a narrow Action instead of NotAction', { NotAction: undefined, Action: 's3:*' }],
  ])('Noncompliance 3: the attached statement is %s', async (_label, extra) => {
    const policy = resource(POLICY, { name: 'p', policy: mfaDocument(extra) });
    const group = resource(GROUP, {});
    expect(await evaluate(iamMfaEnforced, [group, policy, resource(ATTACHMENT, { group: 'g', policyArn: UNKNOWN_VALUE }, { dependsOn: { policyArn: [policy] } })])).toHaveLength(1);
  });

  describe('completeness: only MFA self-service exempted, on Resource "*" (issue 16)', () => {
    const attached = (extra: Record<string, unknown>) => {
      const policy = resource(POLICY, { name: 'require-mfa', policy: mfaDocument(extra) }, { name: 'require-mfa' });
      return [resource(USER, { name: 'alice' }), policy, resource(ATTACHMENT, { group: 'humans', policyArn: UNKNOWN_VALUE }, { dependsOn: { policyArn: [policy] } })];
    };

    it.each([
      ['the documented self-service list, and GetMFADevice', { NotAction: ['iam:CreateVirtualMFADevice', 'iam:EnableMFADevice', 'iam:GetMFADevice', 'iam:GetUser', 'iam:ListMFADevices', 'iam:ListVirtualMFADevices', 'iam:ResyncMFADevice', 'sts:GetSessionToken'] }],
      ['a subset, with password change', { NotAction: ['iam:ChangePassword', 'iam:GetAccountPasswordPolicy', 'iam:EnableMFADevice'] }],
      ['Resource "*" inside a list, with Bool', { Resource: ['*'], Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } }],
    ])('Compliance: %s', async (_label, extra) => {
      expect(await evaluate(iamMfaEnforced, attached(extra))).toEqual([]);
    });

    it.each([
      ['a NotAction exempting all of IAM', { NotAction: ['iam:*', 'sts:GetSessionToken'] }, 'exempts more than MFA self-service (iam:'],
      ['a NotAction pattern that also exempts DeactivateMFADevice', { NotAction: ['iam:*MFADevice', 'sts:GetSessionToken'] }, 'iam:DeactivateMFADevice'],
      ['a NotAction of everything', { NotAction: '*' }, 'exempts more than MFA self-service (every action)'],
      ['a Resource of one bucket', { Resource: 'arn:aws:s3:::reports' }, 'it applies to ["arn:aws:s3:::reports"], not to Resource "*"'],
      ['a NotResource', { Resource: undefined, NotResource: 'arn:aws:iam::*:user/${aws:username}' }, 'its NotResource'],
    ])('Noncompliance: %s', async (_label, extra, fragment) => {
      const findings = await evaluate(iamMfaEnforced, attached(extra));
      expect(mandatory(findings)).toHaveLength(1);
      expect(findings[0].message).toContain('require-mfa statement 1 denies without MFA but');
      expect(findings[0].message).toContain(fragment);
    });
  });

  it('Preview: an unknown document, statement part, groups or untied attachment is undecided', async () => {
    const unknownDocument = resource(POLICY, { policy: UNKNOWN_VALUE });
    const findings = await evaluate(iamMfaEnforced, [resource(USER, {}), unknownDocument, resource(ATTACHMENT, { group: 'g', policyArn: UNKNOWN_VALUE }, { dependsOn: { policyArn: [unknownDocument] } })]);
    expect(mandatory(findings)).toEqual([]);
    expect(undecided(findings).map((finding) => [finding.urn, finding.property])).toEqual([[unknownDocument.urn, 'policy']]);

    const untied = resource(ATTACHMENT, { group: 'g', policyArn: UNKNOWN_VALUE });
    expect(undecided(await evaluate(iamMfaEnforced, [resource(USER, {}), untied])).map((finding) => [finding.urn, finding.property])).toEqual([[untied.urn, 'policyArn']]);

    const unknownNotAction = resource(GROUP_POLICY, { group: 'humans', policy: mfaDocument({ NotAction: ['sts:GetSessionToken', UNKNOWN_VALUE] }) });
    const unknownResource = resource(GROUP_POLICY, { group: 'humans', policy: mfaDocument({ Resource: UNKNOWN_VALUE }) });
    expect(undecided(await evaluate(iamMfaEnforced, [resource(USER, {}), unknownNotAction, unknownResource])).map((finding) => [finding.urn, finding.property])).toEqual([
      [unknownNotAction.urn, 'policy.Statement[0].NotAction'],
      [unknownResource.urn, 'policy.Statement[0].Resource'],
    ]);
  });

  it('Preview: unknown `groups` suspend the verdict only for the policy they attach', async () => {
    const enforcing = resource(POLICY, { name: 'require-mfa', policy: mfaDocument() });
    const readOnly = resource(POLICY, { name: 'read-only', policy: mfaDocument({ Effect: 'Allow' }) });
    const attach = (policy: ReturnType<typeof resource>) =>
      resource(POLICY_ATTACHMENT, { groups: UNKNOWN_VALUE, policyArn: UNKNOWN_VALUE }, { dependsOn: { policyArn: [policy] } });
    // The enforcing policy may reach a group once `groups` is known: the update decides.
    const attachment = attach(enforcing);
    const findings = await evaluate(iamMfaEnforced, [resource(USER, {}), enforcing, attachment]);
    expect(mandatory(findings)).toEqual([]);
    expect(undecided(findings).map((finding) => [finding.urn, finding.property])).toEqual([[attachment.urn, 'groups']]);
    // Whatever the groups turn out to be, a policy that enforces nothing cannot satisfy the rule: decidable now.
    expect(mandatory(await evaluate(iamMfaEnforced, [resource(USER, {}), readOnly, attach(readOnly)]))).toHaveLength(1);
  });

  describe('on a program', () => {
    const program = (withAttachment: boolean) => () => {
      const group = new aws.iam.Group('humans');
      new aws.iam.User('alice');
      const policy = new aws.iam.Policy('require-mfa', { policy: JSON.stringify({ Version: '2012-10-17', Statement: [mfaStatement()] }) });
      if (withAttachment) new aws.iam.GroupPolicyAttachment('humans-mfa', { group: group.name, policyArn: policy.arn });
    };
    it.each(['preview', 'update'] as const)('gives the same verdicts in %s', async (mode) => {
      expect(await evaluateProgram(iamMfaEnforced, program(true), { mode })).toEqual([]);
      const findings = await evaluateProgram(iamMfaEnforced, program(false), { mode });
      expect(findings).toEqual([expect.objectContaining({ policy: 'iam-mfa-enforced', enforcement: 'mandatory', message: expect.stringContaining('attaches no policy') })]);
    });
  });
});
