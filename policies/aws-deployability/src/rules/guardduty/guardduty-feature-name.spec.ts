import { evaluate, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { guarddutyFeatureName } from './guardduty-feature-name';

const FEATURE = 'aws:guardduty/detectorFeature:DetectorFeature';

describe('guardduty-feature-name', () => {
  it('Compliance: documented feature and additional configuration names', async () => {
    expect(await evaluate(guarddutyFeatureName, [resource(FEATURE, { name: 'RUNTIME_MONITORING', status: 'ENABLED', additionalConfigurations: [{ name: 'EKS_ADDON_MANAGEMENT', status: 'ENABLED' }] })])).toEqual([]);
  });

  it('Noncompliance: a made-up feature name and additional configuration name (UpdateDetector fails)', async () => {
    const findings = mandatory(await evaluate(guarddutyFeatureName, [resource(FEATURE, { name: 'S3_PROTECTION', additionalConfigurations: [{ name: 'EKS_ADDONS' }] })]));
    expect(findings.map((finding) => finding.message)).toEqual([expect.stringContaining('"S3_PROTECTION" is not a GuardDuty feature'), expect.stringContaining('"EKS_ADDONS"')]);
  });

  it('Preview: an unknown name is undecided', async () => {
    expect(undecided(await evaluate(guarddutyFeatureName, [resource(FEATURE, { name: UNKNOWN_VALUE })]))).toHaveLength(1);
  });

  it('Preview: an unknown additionalConfigurations list is undecided, not a pass', async () => {
    const findings = undecided(await evaluate(guarddutyFeatureName, [resource(FEATURE, { name: 'RUNTIME_MONITORING', additionalConfigurations: UNKNOWN_VALUE })]));
    expect(findings.map((finding) => finding.message)).toEqual([expect.stringContaining('additionalConfigurations')]);
  });
});
