import * as aws from '@pulumi/aws';
import { evaluate, evaluateProgram, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { guarddutyEnabled } from './guardduty-enabled';

const DETECTOR = 'aws:guardduty/detector:Detector';
const FEATURE = 'aws:guardduty/detectorFeature:DetectorFeature';

const usEast1 = resource('pulumi:providers:aws', { region: 'us-east-1' }, { name: 'us-east-1' });
const euWest1 = resource('pulumi:providers:aws', { region: 'eu-west-1' }, { name: 'eu-west-1' });

function detector(name: string, inputs: Record<string, unknown> = {}, provider = usEast1) {
  return resource(DETECTOR, { enable: true, findingPublishingFrequency: 'FIFTEEN_MINUTES', ...inputs }, { name, provider });
}

/** The part of a finding's message the rule reported (after the policy description). */
function reported(finding: { message: string; description?: string }): string {
  return finding.message.slice((finding.description ?? '').length).trim();
}

const bothRegions = { 'guardduty-enabled': { regions: ['us-east-1', 'eu-west-1'] } };

describe('guardduty-enabled', () => {
  it('Compliance: enabled detectors publishing every 15 minutes in every configured region', async () => {
    const records = [usEast1, euWest1, detector('main'), detector('ireland', {}, euWest1)];
    expect(await evaluate(guarddutyEnabled, records, { config: bothRegions })).toEqual([]);
    // The per-resource region input (v7) counts as much as the provider's region.
    const byInput = [usEast1, detector('main'), detector('ireland', { region: 'eu-west-1' })];
    expect(await evaluate(guarddutyEnabled, byInput, { config: bothRegions })).toEqual([]);
  });

  it('Compliance: a stack without detectors and no regions config is not in scope; an enabled feature is fine', async () => {
    expect(await evaluate(guarddutyEnabled, [resource('aws:s3/bucketV2:BucketV2', {})])).toEqual([]);
    const feature = resource(FEATURE, { detectorId: 'abc', name: 'S3_DATA_EVENTS', status: 'ENABLED' });
    expect(await evaluate(guarddutyEnabled, [usEast1, detector('main'), feature])).toEqual([]);
  });

  it('Noncompliance 1: a disabled detector', async () => {
    const disabled = detector('main', { enable: false });
    const findings = await evaluate(guarddutyEnabled, [usEast1, disabled]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ policy: 'guardduty-enabled', enforcement: 'mandatory', urn: disabled.urn });
    expect(reported(findings[0])).toBe('`enable` is false; remove it or set it to true so GuardDuty analyses the account');
  });

  it('Noncompliance 2: publishing frequency absent (AWS default six hours) or slower than configured', async () => {
    const absent = resource(DETECTOR, { enable: true }, { name: 'absent', provider: usEast1 });
    const hourly = detector('hourly', { findingPublishingFrequency: 'ONE_HOUR' });
    const findings = await evaluate(guarddutyEnabled, [usEast1, absent, hourly]);
    expect(findings.map((finding) => [finding.urn, reported(finding)])).toEqual([
      [absent.urn, '`findingPublishingFrequency` is not set (AWS default SIX_HOURS); set it to "FIFTEEN_MINUTES"'],
      [hourly.urn, '`findingPublishingFrequency` is "ONE_HOUR"; set it to "FIFTEEN_MINUTES"'],
    ]);
    const config = { 'guardduty-enabled': { findingPublishingFrequency: 'ONE_HOUR' } };
    expect((await evaluate(guarddutyEnabled, [usEast1, hourly], { config }))).toEqual([]);
  });

  it('Noncompliance 3: a configured region without an enabled detector (a disabled one does not cover it)', async () => {
    const records = [usEast1, euWest1, detector('main'), detector('ireland', { enable: false }, euWest1)];
    const findings = await evaluate(guarddutyEnabled, records, { config: bothRegions });
    const stackWide = findings.filter((finding) => finding.urn === undefined);
    expect(stackWide).toHaveLength(1);
    expect(stackWide[0].enforcement).toBe('mandatory');
    expect(reported(stackWide[0])).toMatch(/^no enabled `aws.guardduty.Detector` in "eu-west-1" \(regions required by/);
  });

  it('Noncompliance 4: regions configured and no detector at all', async () => {
    const findings = await evaluate(guarddutyEnabled, [usEast1], { config: bothRegions });
    expect(findings).toHaveLength(1);
    expect(reported(findings[0])).toContain('in "us-east-1", "eu-west-1"');
  });

  it('Noncompliance 5: a DetectorFeature disabling a protection plan, unless allowed by config', async () => {
    const feature = resource(FEATURE, { detectorId: 'abc', name: 'S3_DATA_EVENTS', status: 'DISABLED' }, { name: 's3' });
    const findings = await evaluate(guarddutyEnabled, [usEast1, detector('main'), feature]);
    expect(findings).toHaveLength(1);
    expect(findings[0].urn).toBe(feature.urn);
    expect(reported(findings[0])).toMatch(/^`status` is "DISABLED" for GuardDuty feature "S3_DATA_EVENTS"; set `status: "ENABLED"`/);
    const config = { 'guardduty-enabled': { allowedDisabledFeatures: ['S3_DATA_EVENTS'] } };
    expect(await evaluate(guarddutyEnabled, [usEast1, detector('main'), feature], { config })).toEqual([]);
  });

  it('Preview: unknown values are undecided where they sit; known violations are the verdict', async () => {
    const unknownDetector = resource(
      DETECTOR,
      { enable: UNKNOWN_VALUE, findingPublishingFrequency: UNKNOWN_VALUE, region: UNKNOWN_VALUE },
      { provider: usEast1 },
    );
    const unknownFeature = resource(FEATURE, { detectorId: UNKNOWN_VALUE, name: UNKNOWN_VALUE, status: UNKNOWN_VALUE });
    const open = await evaluate(guarddutyEnabled, [usEast1, unknownDetector, unknownFeature, detector('known', { region: 'us-east-1' })], { config: bothRegions });
    expect(mandatory(open)).toEqual([]);
    expect(undecided(open).map((finding) => [finding.urn, finding.property])).toEqual([
      [unknownDetector.urn, 'enable'],
      [unknownDetector.urn, 'findingPublishingFrequency'],
      [unknownFeature.urn, 'status'],
      [unknownDetector.urn, 'region'],
    ]);
    // A known violation beside unknowns is still reported; one detector of unknown region cannot cover two regions.
    const slow = detector('slow', { findingPublishingFrequency: 'SIX_HOURS', region: UNKNOWN_VALUE });
    const findings = await evaluate(guarddutyEnabled, [usEast1, slow], { config: bothRegions });
    expect(mandatory(findings).map((finding) => finding.urn)).toEqual([slow.urn, undefined]);
    expect(mandatory(findings)[1].message).toContain('no enabled `aws.guardduty.Detector` in at least 1 of');
  });

  it('Region coverage: a detector whose region nothing states may cover one missing region, never all of them', async () => {
    // No `region` input and no provider record: the detector could run anywhere, so it is open, not a pass.
    const placeless = resource(DETECTOR, { enable: true, findingPublishingFrequency: 'FIFTEEN_MINUTES' }, { name: 'placeless' });
    const open = await evaluate(guarddutyEnabled, [usEast1, detector('main'), placeless], { config: bothRegions });
    expect(mandatory(open)).toEqual([]);
    expect(undecided(open).map((finding) => [finding.urn, finding.property])).toEqual([[placeless.urn, 'region']]);
    expect(undecided(open)[0].message).toContain('neither its `region` input nor its provider states a region');
    expect(undecided(open)[0].message).toContain('"eu-west-1"');
    // Two regions missing and one placeless detector: at least one region is uncovered whatever its region.
    const threeRegions = { 'guardduty-enabled': { regions: ['us-east-1', 'eu-west-1', 'eu-central-1'] } };
    const gap = await evaluate(guarddutyEnabled, [usEast1, detector('main'), placeless], { config: threeRegions });
    expect(mandatory(gap).map((finding) => finding.urn)).toEqual([undefined]);
    expect(reported(mandatory(gap)[0])).toMatch(/^no enabled `aws.guardduty.Detector` in at least 1 of "eu-west-1", "eu-central-1" /);
    // A disabled placeless detector covers nothing and opens nothing.
    const off = resource(DETECTOR, { enable: false, findingPublishingFrequency: 'FIFTEEN_MINUTES' }, { name: 'off' });
    const offFindings = await evaluate(guarddutyEnabled, [usEast1, detector('main'), off], { config: bothRegions });
    expect(undecided(offFindings)).toEqual([]);
    expect(mandatory(offFindings).map((finding) => finding.urn)).toEqual([off.urn, undefined]);
  });

  describe('on a real program', () => {
    function program() {
      const ireland = new aws.Provider('ireland', { region: 'eu-west-1' });
      new aws.guardduty.Detector('main', { enable: true, findingPublishingFrequency: 'FIFTEEN_MINUTES' });
      new aws.guardduty.Detector('ireland', { enable: true }, { provider: ireland });
      new aws.guardduty.DetectorFeature('s3', {
        detectorId: new aws.guardduty.Detector('frankfurt', { region: 'eu-central-1', findingPublishingFrequency: 'FIFTEEN_MINUTES' }).id,
        name: 'S3_DATA_EVENTS',
        status: 'DISABLED',
      });
    }

    it.each(['preview', 'update'] as const)('gives the same verdict in %s mode', async (mode) => {
      const config = { 'guardduty-enabled': { regions: ['us-east-1', 'eu-west-1', 'eu-central-1', 'ap-southeast-2'] } };
      const findings = mandatory(
        await evaluateProgram(guarddutyEnabled, program, { mode, config, stackConfig: { 'aws:region': 'us-east-1' } }),
      );
      expect(findings.map((finding) => finding.policy)).toEqual(['guardduty-enabled', 'guardduty-enabled', 'guardduty-enabled']);
      expect(findings.map(reported)).toEqual([
        '`findingPublishingFrequency` is not set (AWS default SIX_HOURS); set it to "FIFTEEN_MINUTES"',
        expect.stringMatching(/^`status` is "DISABLED" for GuardDuty feature "S3_DATA_EVENTS"/),
        expect.stringMatching(/^no enabled `aws.guardduty.Detector` in "ap-southeast-2" /),
      ]);
      expect(findings[0].urn).toMatch(/::ireland$/);
      expect(findings[1].urn).toMatch(/::s3$/);
    });
  });
});
