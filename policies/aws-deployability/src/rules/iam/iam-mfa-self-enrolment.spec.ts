import { evaluate, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { iamMfaSelfEnrolment } from './iam-mfa-self-enrolment';

const SELF_SERVICE = ['iam:CreateVirtualMFADevice', 'iam:EnableMFADevice', 'iam:ListMFADevices', 'iam:ListUsers', 'iam:ListVirtualMFADevices', 'iam:ResyncMFADevice'];
const deny = { Sid: 'BlockMostAccessUnlessSignedInWithMFA', Effect: 'Deny', NotAction: SELF_SERVICE, Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } };
const manageOwn = { Effect: 'Allow', Action: ['iam:EnableMFADevice', 'iam:GetMFADevice', 'iam:ListMFADevices', 'iam:ResyncMFADevice'], Resource: 'arn:aws:iam::*:user/${aws:username}' };

function policy(createResource: string, denyStatement: object = deny) {
  const create = { Effect: 'Allow', Action: 'iam:CreateVirtualMFADevice', Resource: createResource };
  return resource('aws:iam/policy:Policy', { policy: JSON.stringify({ Version: '2012-10-17', Statement: [create, manageOwn, denyStatement] }) }, { name: 'mfa' });
}

describe('iam-mfa-self-enrolment', () => {
  it("Compliance: AWS's current example (CreateVirtualMFADevice on mfa/*)", async () => {
    expect(await evaluate(iamMfaSelfEnrolment, [policy('arn:aws:iam::*:mfa/*')])).toEqual([]);
  });

  it('Noncompliance 1: creation restricted to mfa/${aws:username}; a device named otherwise is denied and the user locked out', async () => {
    const findings = mandatory(await evaluate(iamMfaSelfEnrolment, [policy('arn:aws:iam::*:mfa/${aws:username}')]));
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain('calling iam:CreateVirtualMFADevice on arn:aws:iam::123456789012:mfa/alice-phone');
  });

  it('Noncompliance 2: the deny-unless-MFA statement does not exempt EnableMFADevice', async () => {
    const strict = { ...deny, NotAction: SELF_SERVICE.filter((action) => action !== 'iam:EnableMFADevice') };
    const findings = mandatory(await evaluate(iamMfaSelfEnrolment, [policy('arn:aws:iam::*:mfa/*', strict)]));
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain('iam:EnableMFADevice');
  });

  it('Compliance: a stack with no MFA-enforcing policy is not judged', async () => {
    const other = resource('aws:iam/policy:Policy', { policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }) });
    expect(await evaluate(iamMfaSelfEnrolment, [other])).toEqual([]);
  });

  it('Preview: another identity policy unknown until apply makes the verdict undecided', async () => {
    const findings = await evaluate(iamMfaSelfEnrolment, [policy('arn:aws:iam::*:mfa/*'), resource('aws:iam/groupPolicy:GroupPolicy', { policy: UNKNOWN_VALUE })]);
    expect(mandatory(findings)).toEqual([]);
    expect(undecided(findings)).toHaveLength(1);
  });
});

describe('iam-mfa-self-enrolment with the account in the policy', () => {
  it("Compliance: a policy naming the stack's own account (arn:aws:iam::<account>:mfa/*), as programs build it", async () => {
    const account = '111122223333';
    const create = { Effect: 'Allow', Action: 'iam:CreateVirtualMFADevice', Resource: `arn:aws:iam::${account}:mfa/*` };
    const own = { Effect: 'Allow', Action: ['iam:EnableMFADevice', 'iam:ListMFADevices'], Resource: `arn:aws:iam::${account}:user/\${aws:username}` };
    const block = { Effect: 'Deny', NotAction: ['iam:CreateVirtualMFADevice', 'iam:EnableMFADevice', 'iam:ListMFADevices'], Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } };
    const policy = resource('aws:iam/policy:Policy', { policy: JSON.stringify({ Version: '2012-10-17', Statement: [create, own, block] }), arn: `arn:aws:iam::${account}:policy/require-mfa` });
    expect(await evaluate(iamMfaSelfEnrolment, [policy])).toEqual([]);
  });
});

describe('iam-mfa-self-enrolment with the account unknown', () => {
  // Key policies of two accounts in the stack: the stack's own cannot be told, so no request ARN is made up for it.
  const keyOf = (account: string) =>
    resource('aws:kms/key:Key', { policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'kms:*', Resource: '*' }] }) });
  const twoAccounts = (statements: object[]) => [
    resource('aws:iam/policy:Policy', { policy: JSON.stringify({ Version: '2012-10-17', Statement: [...statements, manageOwn, deny] }) }, { name: 'mfa' }),
    keyOf('111122223333'),
    keyOf('444455556666'),
  ];

  it('Preview: creation allowed only in one named account is undecided, not judged against an example account', async () => {
    const findings = await evaluate(iamMfaSelfEnrolment, twoAccounts([{ Effect: 'Allow', Action: 'iam:CreateVirtualMFADevice', Resource: 'arn:aws:iam::111122223333:mfa/*' }]));
    expect(mandatory(findings)).toEqual([]);
    expect(undecided(findings).map((finding) => finding.message)).toEqual([expect.stringContaining("the stack's account is not known")]);
  });

  it('Preview: a Deny of creation in one named account is undecided, not a pass', async () => {
    const findings = await evaluate(
      iamMfaSelfEnrolment,
      twoAccounts([
        { Effect: 'Allow', Action: 'iam:CreateVirtualMFADevice', Resource: 'arn:aws:iam::*:mfa/*' },
        { Effect: 'Deny', Action: 'iam:CreateVirtualMFADevice', Resource: 'arn:aws:iam::111122223333:mfa/*' },
      ]),
    );
    expect(mandatory(findings)).toEqual([]);
    expect(undecided(findings).map((finding) => finding.message)).toEqual([expect.stringContaining("the stack's account is not known")]);
  });

  it('Preview: an account pattern in an ARN cannot be enumerated, so the verdict is undecided', async () => {
    const findings = await evaluate(iamMfaSelfEnrolment, twoAccounts([{ Effect: 'Allow', Action: 'iam:CreateVirtualMFADevice', Resource: 'arn:aws:iam::1111*:mfa/*' }]));
    expect(mandatory(findings)).toEqual([]);
    expect(undecided(findings)).toHaveLength(1);
  });

  it('Preview: with no known policy enforcing MFA, an unknown identity policy in a stack with users or groups is undecided', async () => {
    const unknown = resource('aws:iam/policy:Policy', { policy: UNKNOWN_VALUE }, { name: 'maybe-mfa' });
    const group = resource('aws:iam/group:Group', { name: 'people' });
    expect(undecided(await evaluate(iamMfaSelfEnrolment, [unknown, group])).map((finding) => [finding.urn, finding.property])).toEqual([[unknown.urn, 'policy']]);
    // With no user or group in the stack, its policies go to roles: nobody signs in to be locked out.
    expect(await evaluate(iamMfaSelfEnrolment, [unknown])).toEqual([]);
  });
});
