import { evaluate, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { kmsKeyPolicySeparationOfDuties } from './kms-key-policy-separation-of-duties';

const KEY = 'aws:kms/key:Key';
const KEY_POLICY = 'aws:kms/keyPolicy:KeyPolicy';
const ADMIN = 'arn:aws:iam::111122223333:role/key-admin';
const APP = 'arn:aws:iam::111122223333:role/app';
const document = (...statements: Record<string, unknown>[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements.map((statement) => ({ Effect: 'Allow', Resource: '*', ...statement })) });

describe('kms-key-policy-separation-of-duties', () => {
  it('Compliance: kms:* for the root, administration and usage for different roles', async () => {
    const key = resource(KEY, {
      policy: document(
        { Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*' },
        { Principal: { AWS: ADMIN }, Action: ['kms:Create*', 'kms:Describe*', 'kms:Enable*', 'kms:Put*', 'kms:ScheduleKeyDeletion'] },
        { Principal: { AWS: APP }, Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'] },
      ),
    });
    expect(await evaluate(kmsKeyPolicySeparationOfDuties, [key])).toEqual([]);
  });

  it('Noncompliance: a key user also holding kms:CreateGrant (Create* is administration in the catalog)', async () => {
    const key = resource(KEY, { policy: document({ Principal: { AWS: APP }, Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:CreateGrant'] }) }, { name: 'key' });
    const findings = await evaluate(kmsKeyPolicySeparationOfDuties, [key]);
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain(`key: \`policy\` grants ${APP} both key administration (kms:CreateGrant) and key usage (kms:Encrypt, kms:Decrypt)`);
  });

  it('Noncompliance 1: kms:* to a role', async () => {
    const key = resource(KEY, { policy: document({ Principal: { AWS: [APP] }, Action: 'kms:*' }) }, { name: 'key' });
    expect(await evaluate(kmsKeyPolicySeparationOfDuties, [key])).toEqual([
      expect.objectContaining({
        policy: 'kms-key-policy-separation-of-duties',
        enforcement: 'mandatory',
        urn: key.urn,
        message: expect.stringContaining(`key: \`policy\` grants ${APP} both key administration (kms:CreateAlias, kms:CreateKey, kms:PutKeyPolicy, ...) and key usage (kms:Encrypt`),
      }),
    ]);
  });

  it('Noncompliance 2: administration and usage granted to one role across two statements of a KeyPolicy', async () => {
    const keyPolicy = resource(KEY_POLICY, { keyId: 'k', policy: document({ Principal: { AWS: ADMIN }, Action: 'kms:Disable*' }, { Principal: { AWS: ADMIN }, Action: 'kms:Decrypt' }) });
    const findings = await evaluate(kmsKeyPolicySeparationOfDuties, [keyPolicy]);
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain(`grants ${ADMIN} both key administration (kms:DisableKey, kms:DisableKeyRotation) and key usage (kms:Decrypt)`);
  });

  it('Preview: unknown principals, actions or effects that could complete a pair are undecided; others decide nothing', async () => {
    const unknownPolicy = resource(KEY, { policy: UNKNOWN_VALUE });
    const unknownBoth = resource(KEY, { policy: document({ Principal: { AWS: UNKNOWN_VALUE }, Action: 'kms:*' }) });
    const unknownAction = resource(KEY, { policy: document({ Principal: { AWS: APP }, Action: ['kms:Encrypt', UNKNOWN_VALUE] }) });
    const unknownAdmin = resource(KEY, {
      policy: document({ Principal: { AWS: [UNKNOWN_VALUE] }, Action: 'kms:Disable*' }, { Principal: { AWS: APP }, Action: 'kms:Decrypt' }),
    });
    const unknownEffect = resource(KEY, {
      policy: document({ Principal: { AWS: ADMIN }, Action: 'kms:Put*' }, { Effect: UNKNOWN_VALUE, Principal: { AWS: ADMIN }, Action: 'kms:Decrypt' }),
    });
    const findings = await evaluate(kmsKeyPolicySeparationOfDuties, [
      unknownPolicy,
      unknownBoth,
      unknownAction,
      unknownAdmin,
      unknownEffect,
      // Usage to a computed role and to the app: nobody can administer, so nothing is open.
      resource(KEY, { policy: document({ Principal: { AWS: [UNKNOWN_VALUE, APP] }, Action: ['kms:Encrypt', 'kms:Decrypt'] }) }),
    ]);
    expect(mandatory(findings)).toEqual([]);
    expect(undecided(findings).map((finding) => [finding.urn, finding.property])).toEqual([
      [unknownPolicy.urn, 'policy'],
      [unknownBoth.urn, 'policy.Statement[0].Principal'],
      [unknownAction.urn, 'policy.Statement[0].Action'],
      [unknownAdmin.urn, 'policy.Statement[0].Principal'],
      [unknownEffect.urn, 'policy.Statement[1].Effect'],
    ]);
  });
});
