import { evaluate, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { kmsKeyRotation } from './kms-key-rotation';

const KEY = 'aws:kms/key:Key';

describe('kms-key-rotation', () => {
  it('Compliance: symmetric keys with rotation; asymmetric, HMAC and custom-store keys are exempt', async () => {
    const findings = await evaluate(kmsKeyRotation, [
      resource(KEY, { enableKeyRotation: true }),
      resource(KEY, { customerMasterKeySpec: 'SYMMETRIC_DEFAULT', enableKeyRotation: 'true' }),
      resource(KEY, { customerMasterKeySpec: 'RSA_2048', keyUsage: 'SIGN_VERIFY' }),
      resource(KEY, { keySpec: 'HMAC_256', keyUsage: 'GENERATE_VERIFY_MAC' }),
      resource(KEY, { customKeyStoreId: 'cks-1' }),
    ]);
    expect(findings).toEqual([]);
  });

  it('Noncompliance 1: rotation unset on a key with no spec', async () => {
    const key = resource(KEY, {}, { name: 'key' });
    expect(await evaluate(kmsKeyRotation, [key])).toEqual([
      expect.objectContaining({ policy: 'kms-key-rotation', enforcement: 'mandatory', urn: key.urn, message: expect.stringContaining('key: `enableKeyRotation` is unset on a symmetric key: set it to true.') }),
    ]);
  });

  it('Noncompliance 2: rotation false on an explicit SYMMETRIC_DEFAULT key', async () => {
    const key = resource(KEY, { customerMasterKeySpec: 'SYMMETRIC_DEFAULT', enableKeyRotation: false });
    expect((await evaluate(kmsKeyRotation, [key]))[0].message).toContain('`enableKeyRotation` is false');
  });

  it('Preview: an unknown spec or rotation is undecided; a computed custom key store id exempts the key', async () => {
    const spec = resource(KEY, { customerMasterKeySpec: UNKNOWN_VALUE });
    const rotation = resource(KEY, { enableKeyRotation: UNKNOWN_VALUE });
    const findings = await evaluate(kmsKeyRotation, [
      spec,
      resource(KEY, { customKeyStoreId: UNKNOWN_VALUE }),
      rotation,
      resource(KEY, { keySpec: UNKNOWN_VALUE, enableKeyRotation: true }),
    ]);
    expect(mandatory(findings)).toEqual([]);
    expect(undecided(findings).map((finding) => [finding.urn, finding.property])).toEqual([
      [spec.urn, 'customerMasterKeySpec'],
      [rotation.urn, 'enableKeyRotation'],
    ]);
  });
});
