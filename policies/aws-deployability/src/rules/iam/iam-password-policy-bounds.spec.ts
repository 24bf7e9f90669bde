import { evaluate, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { iamPasswordPolicyBounds } from './iam-password-policy-bounds';

const POLICY = 'aws:iam/accountPasswordPolicy:AccountPasswordPolicy';

describe('iam-password-policy-bounds', () => {
  it('Compliance: the CIS values', async () => {
    expect(await evaluate(iamPasswordPolicyBounds, [resource(POLICY, { minimumPasswordLength: 14, maxPasswordAge: 90, passwordReusePrevention: 24 })])).toEqual([]);
  });

  it('Noncompliance: reuse prevention 30, length 200 (IAM refuses both)', async () => {
    const findings = mandatory(await evaluate(iamPasswordPolicyBounds, [resource(POLICY, { minimumPasswordLength: 200, passwordReusePrevention: 30 })]));
    expect(findings.map((finding) => finding.message)).toEqual([expect.stringContaining('minimumPasswordLength 200 is outside 6-128'), expect.stringContaining('passwordReusePrevention 30 is outside 1-24')]);
  });

  it('Preview: an unknown value is undecided', async () => {
    expect(undecided(await evaluate(iamPasswordPolicyBounds, [resource(POLICY, { maxPasswordAge: UNKNOWN_VALUE })]))).toHaveLength(1);
  });
});
