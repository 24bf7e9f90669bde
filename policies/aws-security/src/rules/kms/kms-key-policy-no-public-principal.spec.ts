import { evaluate, resource, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
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

  it('Preview: unknown policy, principal or condition neither throw nor decide', async () => {
    const findings = await evaluate(kmsKeyPolicyNoPublicPrincipal, [
      resource(KEY, { policy: UNKNOWN_VALUE }),
      resource(KEY, { policy: policy({ Principal: UNKNOWN_VALUE }) }),
      resource(KEY_POLICY, { keyId: UNKNOWN_VALUE, policy: policy({ Principal: '*', Condition: UNKNOWN_VALUE }) }),
      resource(KEY, { policy: policy({ Principal: '*', Condition: { StringEquals: { 'kms:CallerAccount': UNKNOWN_VALUE } } }) }),
    ]);
    expect(findings).toEqual([]);
  });
});
