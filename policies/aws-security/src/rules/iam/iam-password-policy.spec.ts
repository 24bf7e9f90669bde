import { evaluate, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { iamPasswordPolicy } from './iam-password-policy';

const TYPE = 'aws:iam/accountPasswordPolicy:AccountPasswordPolicy';
const STRONG = {
  minimumPasswordLength: 14,
  passwordReusePrevention: 24,
  maxPasswordAge: 90,
  requireUppercaseCharacters: true,
  requireLowercaseCharacters: true,
  requireNumbers: true,
  requireSymbols: true,
};

describe('iam-password-policy', () => {
  it('Compliance: the CIS thresholds', async () => {
    expect(await evaluate(iamPasswordPolicy, [resource(TYPE, STRONG)])).toEqual([]);
  });

  it('Noncompliance 1: short, reusable passwords', async () => {
    const policy = resource(TYPE, { ...STRONG, minimumPasswordLength: 8, passwordReusePrevention: undefined }, { name: 'pp' });
    expect(await evaluate(iamPasswordPolicy, [policy])).toEqual([
      expect.objectContaining({
        policy: 'iam-password-policy',
        enforcement: 'mandatory',
        urn: policy.urn,
        message: expect.stringContaining('pp: `minimumPasswordLength` is 8, set it to at least 14; `passwordReusePrevention` is unset, set it to at least 24.'),
      }),
    ]);
  });

  it('Noncompliance 2: passwords that never expire or live too long', async () => {
    expect((await evaluate(iamPasswordPolicy, [resource(TYPE, { ...STRONG, maxPasswordAge: 0 })]))[0].message).toContain('`maxPasswordAge` is 0 (passwords never expire)');
    expect((await evaluate(iamPasswordPolicy, [resource(TYPE, { ...STRONG, maxPasswordAge: 365 })]))[0].message).toContain('`maxPasswordAge` is 365, set it to between 1 and 90');
  });

  it('Noncompliance 3: a character class not required', async () => {
    expect((await evaluate(iamPasswordPolicy, [resource(TYPE, { ...STRONG, requireSymbols: false })]))[0].message).toContain('`requireSymbols` is false, set it to true');
  });

  it('honours pack config thresholds', async () => {
    const relaxed = resource(TYPE, { ...STRONG, minimumPasswordLength: 12, requireSymbols: false });
    const config = { 'iam-password-policy': { minimumPasswordLength: 12, requireSymbols: false } };
    expect(await evaluate(iamPasswordPolicy, [relaxed], { config })).toEqual([]);
  });

  it('Preview: unknown values are undecided; a decided weakness is the verdict', async () => {
    const policy = resource(TYPE, Object.fromEntries(Object.keys(STRONG).map((key) => [key, UNKNOWN_VALUE])));
    const findings = await evaluate(iamPasswordPolicy, [policy]);
    expect(mandatory(findings)).toEqual([]);
    expect(undecided(findings).map((finding) => finding.property).sort()).toEqual(Object.keys(STRONG).sort());
    const weak = resource(TYPE, { ...STRONG, minimumPasswordLength: 8, requireSymbols: UNKNOWN_VALUE });
    expect((await evaluate(iamPasswordPolicy, [weak])).map((finding) => finding.enforcement)).toEqual(['mandatory']);
  });
});
