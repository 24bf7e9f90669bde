import { evaluate, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { cloudtrailSecure } from './cloudtrail-secure';

const TRAIL = 'aws:cloudtrail/trail:Trail';
const KEY_ARN = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

function trail(overrides: Record<string, unknown> = {}) {
  return resource(
    TRAIL,
    { s3BucketName: 'audit-logs', isMultiRegionTrail: true, enableLogFileValidation: true, kmsKeyId: KEY_ARN, ...overrides },
    { name: 'audit' },
  );
}

describe('cloudtrail-secure', () => {
  it('Compliance: multi-region, validated, encrypted trail with defaults for global events and logging', async () => {
    expect(await evaluate(cloudtrailSecure, [trail()])).toEqual([]);
    expect(await evaluate(cloudtrailSecure, [trail({ includeGlobalServiceEvents: true, enableLogging: true })])).toEqual([]);
  });

  it('Noncompliance 1: single-region trail (isMultiRegionTrail absent or false)', async () => {
    for (const value of [undefined, false]) {
      const [finding, ...rest] = await evaluate(cloudtrailSecure, [trail({ isMultiRegionTrail: value })]);
      expect(rest).toEqual([]);
      expect(finding).toMatchObject({ policy: 'cloudtrail-secure', enforcement: 'mandatory', urn: trail().urn });
      expect(finding.message).toContain(`\`isMultiRegionTrail\` is ${value === undefined ? 'not set' : 'false'}; set it to true`);
    }
  });

  it('Noncompliance 2: log file validation off', async () => {
    const findings = await evaluate(cloudtrailSecure, [trail({ enableLogFileValidation: false })]);
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('`enableLogFileValidation` is false; set it to true');
  });

  it('Noncompliance 3: no customer managed key (absent or empty)', async () => {
    for (const value of [undefined, '']) {
      const findings = await evaluate(cloudtrailSecure, [trail({ kmsKeyId: value })]);
      expect(findings).toHaveLength(1);
      expect(findings[0].message).toMatch(/`kmsKeyId` is (not set|""); set it to the ARN of a customer managed KMS key/);
    }
  });

  it('Noncompliance 4: global service events turned off', async () => {
    const findings = await evaluate(cloudtrailSecure, [trail({ includeGlobalServiceEvents: false })]);
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('`includeGlobalServiceEvents` is false');
  });

  it('Noncompliance 5: logging turned off', async () => {
    const findings = await evaluate(cloudtrailSecure, [trail({ enableLogging: false })]);
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('`enableLogging` is false');
  });

  it('Noncompliance 6: every problem of one trail in one finding', async () => {
    const findings = await evaluate(cloudtrailSecure, [resource(TRAIL, { s3BucketName: 'logs', enableLogging: 'false' })]);
    expect(findings).toHaveLength(1);
    expect(findings[0].message.split('\n').filter((line) => line.startsWith('`'))).toHaveLength(4);
  });

  describe('AWS managed keys are not customer managed (issue 16)', () => {
    it.each([['a key ARN', KEY_ARN], ['an alias of our own', 'alias/cloudtrail'], ['an alias ARN of our own', 'arn:aws:kms:us-east-1:111122223333:alias/cloudtrail']])(
      'Compliance: %s',
      async (_label, kmsKeyId) => {
        expect(await evaluate(cloudtrailSecure, [trail({ kmsKeyId })])).toEqual([]);
      },
    );

    it.each([['alias/aws/cloudtrail'], ['arn:aws:kms:us-east-1:111122223333:alias/aws/s3'], ['aws/s3']])('Noncompliance: %s', async (kmsKeyId) => {
      const findings = await evaluate(cloudtrailSecure, [trail({ kmsKeyId })]);
      expect(mandatory(findings)).toHaveLength(1);
      expect(findings[0].message).toContain(`\`kmsKeyId\` is "${kmsKeyId}", an AWS managed key`);
    });
  });

  it('Preview: unknown switches and untraced keys are undecided; a traced key is decided; known violations are the verdict', async () => {
    const key = resource('aws:kms/key:Key', {});
    const unknownTrail = resource(TRAIL, {
      s3BucketName: UNKNOWN_VALUE,
      isMultiRegionTrail: UNKNOWN_VALUE,
      enableLogFileValidation: UNKNOWN_VALUE,
      kmsKeyId: UNKNOWN_VALUE,
      includeGlobalServiceEvents: UNKNOWN_VALUE,
      enableLogging: UNKNOWN_VALUE,
    });
    const traced = resource(TRAIL, { isMultiRegionTrail: true, enableLogFileValidation: true, kmsKeyId: UNKNOWN_VALUE }, { dependsOn: { kmsKeyId: [key] } });
    const found = await evaluate(cloudtrailSecure, [key, unknownTrail, traced]);
    expect(mandatory(found)).toEqual([]);
    expect(undecided(found).map((finding) => [finding.urn, finding.property])).toEqual(
      ['isMultiRegionTrail', 'enableLogFileValidation', 'kmsKeyId', 'includeGlobalServiceEvents', 'enableLogging'].map((property) => [unknownTrail.urn, property]),
    );
    const findings = await evaluate(cloudtrailSecure, [trail({ kmsKeyId: UNKNOWN_VALUE, enableLogFileValidation: false })]);
    expect(findings).toHaveLength(1);
    expect(findings[0].enforcement).toBe('mandatory');
    expect(findings[0].message).toContain('`enableLogFileValidation` is false');
    expect(findings[0].message.slice((findings[0].description ?? '').length)).not.toContain('kmsKeyId');
  });

  it('ignores other resource types', async () => {
    expect(await evaluate(cloudtrailSecure, [resource('aws:s3/bucketV2:BucketV2', { isMultiRegionTrail: false })])).toEqual([]);
  });
});
