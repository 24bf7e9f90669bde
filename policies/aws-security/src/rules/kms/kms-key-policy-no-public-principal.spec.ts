import { evaluate, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { kmsKeyPolicyNoPublicPrincipal } from './kms-key-policy-no-public-principal';

const KEY = 'aws:kms/key:Key';
const KEY_POLICY = 'aws:kms/keyPolicy:KeyPolicy';
const policy = (statement: Record<string, unknown>) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kms:*', Resource: '*', ...statement }] });

describe('kms-key-policy-no-public-principal', () => {
  it('Compliance: the account root, or "*" restricted to the calling account', async () => {
    const findings = await evaluate(kmsKeyPolicyNoPublicPrincipal, [
      resource(KEY, { policy: policy({ Principal: { AWS: 'arn:aws:iam::111122223333:root' } }) }),
      resource(KEY_POLICY, { keyId: 'k', policy: policy({ Principal: '*', Condition: { StringEquals: { 'kms:CallerAccount': '111122223333' } } }) }),
      resource(KEY, {}),
    ]);
    expect(findings).toEqual([]);
  });

  it('Noncompliance 1: Principal "*" on a Key', async () => {
    const key = resource(KEY, { policy: policy({ Sid: 'Open', Principal: '*' }) }, { name: 'key' });
    expect(await evaluate(kmsKeyPolicyNoPublicPrincipal, [key])).toEqual([
      expect.objectContaining({
        policy: 'kms-key-policy-no-public-principal',
        enforcement: 'mandatory',
        urn: key.urn,
        message: expect.stringContaining('key: `policy` statement 1 ("Open") Allows Principal "*" with no restricting condition'),
      }),
    ]);
  });

  it('Noncompliance 2: {"AWS": "*"} on a KeyPolicy with a wildcard condition value', async () => {
    const keyPolicy = resource(KEY_POLICY, { keyId: 'k', policy: policy({ Principal: { AWS: '*' }, Condition: { StringLike: { 'kms:CallerAccount': '*' } } }) });
    expect((await evaluate(kmsKeyPolicyNoPublicPrincipal, [keyPolicy])).map((finding) => finding.urn)).toEqual([keyPolicy.urn]);
  });

  describe('conditions that only look restricting (issue 16)', () => {
    it.each([
      ['StringEqualsIfExists aws:PrincipalAccount (every KMS request is signed)', { StringEqualsIfExists: { 'aws:PrincipalAccount': '111122223333' } }],
      ['StringEquals aws:PrincipalOrgID', { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } }],
      ['ArnLike aws:PrincipalArn in one account', { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/*' } }],
    ])('Compliance: %s', async (_label, condition) => {
      expect(await evaluate(kmsKeyPolicyNoPublicPrincipal, [resource(KEY, { policy: policy({ Principal: '*', Condition: condition }) })])).toEqual([]);
    });

    it.each([
      ['StringLike aws:PrincipalOrgID "*"', { StringLike: { 'aws:PrincipalOrgID': '*' } }],
      ['StringNotEquals kms:CallerAccount', { StringNotEquals: { 'kms:CallerAccount': '111122223333' } }],
      ['StringEqualsIfExists aws:SourceAccount (direct calls carry none)', { StringEqualsIfExists: { 'aws:SourceAccount': '111122223333' } }],
      ['ArnLike aws:PrincipalArn with a wildcard account', { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/admin' } }],
    ])('Noncompliance: %s', async (_label, condition) => {
      const key = resource(KEY, { policy: policy({ Principal: '*', Condition: condition }) });
      expect(mandatory(await evaluate(kmsKeyPolicyNoPublicPrincipal, [key])).map((finding) => finding.urn)).toEqual([key.urn]);
    });
  });

  it('Preview: an unknown policy, principal or condition block is undecided; a computed condition value restricts', async () => {
    const unknownPolicy = resource(KEY, { policy: UNKNOWN_VALUE });
    const unknownPrincipal = resource(KEY, { policy: policy({ Principal: UNKNOWN_VALUE }) });
    const unknownCondition = resource(KEY_POLICY, { keyId: UNKNOWN_VALUE, policy: policy({ Principal: '*', Condition: UNKNOWN_VALUE }) });
    const findings = await evaluate(kmsKeyPolicyNoPublicPrincipal, [
      unknownPolicy,
      unknownPrincipal,
      unknownCondition,
      resource(KEY, { policy: policy({ Principal: '*', Condition: { StringEquals: { 'kms:CallerAccount': UNKNOWN_VALUE } } }) }),
      resource(KEY, { policy: policy({ Principal: { AWS: [UNKNOWN_VALUE, 'arn:aws:iam::111122223333:root'] } }) }),
    ]);
    expect(mandatory(findings)).toEqual([]);
    expect(undecided(findings).map((finding) => [finding.urn, finding.property])).toEqual([
      [unknownPolicy.urn, 'policy'],
      [unknownPrincipal.urn, 'policy.Statement[0].Principal'],
      [unknownCondition.urn, 'policy.Statement[0].Condition'],
    ]);
  });
});
