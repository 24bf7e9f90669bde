import { evaluate, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { logGroupRetentionKms } from './log-group-retention-kms';

const LOG_GROUP = 'aws:cloudwatch/logGroup:LogGroup';
const KEY = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

/** Expects exactly one mandatory finding on `record` whose message contains every fragment. */
async function expectOneViolation(record: ReturnType<typeof resource>, fragments: string[], config?: Record<string, unknown>) {
  const findings = await evaluate(logGroupRetentionKms, [record], { config });
  expect(findings).toHaveLength(1);
  expect(findings[0]).toMatchObject({ policy: 'log-group-retention-kms', enforcement: 'mandatory', urn: record.urn });
  for (const fragment of fragments) expect(findings[0].message).toContain(fragment);
}

describe('log-group-retention-kms', () => {
  it('Compliance: retention at or above 90 days, or never expiring (0 / absent), with a KMS key', async () => {
    const findings = await evaluate(logGroupRetentionKms, [
      resource(LOG_GROUP, { retentionInDays: 90, kmsKeyId: KEY }),
      resource(LOG_GROUP, { retentionInDays: 3653, kmsKeyId: KEY }),
      resource(LOG_GROUP, { retentionInDays: 0, kmsKeyId: KEY }),
      resource(LOG_GROUP, { kmsKeyId: KEY }),
      resource('aws:ec2/vpc:Vpc', { cidrBlock: '10.0.0.0/16' }),
    ]);
    expect(findings).toEqual([]);
  });

  it('Noncompliance 1: retention shorter than the minimum', async () => {
    await expectOneViolation(resource(LOG_GROUP, { retentionInDays: 30, kmsKeyId: KEY }), [
      'retentionInDays is 30, shorter than the required 90 days',
    ]);
  });

  it('Noncompliance 2: no kmsKeyId', async () => {
    await expectOneViolation(resource(LOG_GROUP, { retentionInDays: 365 }), ['kmsKeyId is not set']);
  });

  it('Noncompliance 3: both problems reported in one finding', async () => {
    await expectOneViolation(resource(LOG_GROUP, { retentionInDays: 7, kmsKeyId: '' }), [
      'retentionInDays is 7',
      'kmsKeyId is not set',
    ]);
  });

  it('Noncompliance 4: a retention that is not a number of days', async () => {
    await expectOneViolation(resource(LOG_GROUP, { retentionInDays: 'forever', kmsKeyId: KEY }), [
      'retentionInDays is "forever", which is not a number of days',
    ]);
  });

  it('honours a configured minimumRetentionDays', async () => {
    const config = { 'log-group-retention-kms': { minimumRetentionDays: 365 } };
    await expectOneViolation(resource(LOG_GROUP, { retentionInDays: 180, kmsKeyId: KEY }), ['shorter than the required 365 days'], config);
    expect(await evaluate(logGroupRetentionKms, [resource(LOG_GROUP, { retentionInDays: 400, kmsKeyId: KEY })], { config })).toEqual([]);
  });

  describe('AWS managed keys are not customer managed (issue 16)', () => {
    it.each([['a key ARN', KEY], ['an alias ARN of our own', 'arn:aws:kms:eu-west-1:111122223333:alias/logs'], ['an alias of our own', 'alias/logs']])(
      'Compliance: %s',
      async (_label, kmsKeyId) => {
        expect(await evaluate(logGroupRetentionKms, [resource(LOG_GROUP, { kmsKeyId })])).toEqual([]);
      },
    );

    it.each([['alias/aws/logs'], ['arn:aws:kms:eu-west-1:111122223333:alias/aws/logs'], ['aws/logs']])('Noncompliance: %s', async (kmsKeyId) => {
      await expectOneViolation(resource(LOG_GROUP, { kmsKeyId }), [`kmsKeyId is "${kmsKeyId}", an AWS managed key`]);
    });
  });

  it('Preview: a key traced to a KMS key counts; an unknown retention or untraced key is undecided; a decided problem is the verdict', async () => {
    const key = resource('aws:kms/key:Key', {});
    const traced = resource(LOG_GROUP, { retentionInDays: 90, kmsKeyId: UNKNOWN_VALUE }, { dependsOn: { kmsKeyId: [key] } });
    const unknownRetention = resource(LOG_GROUP, { retentionInDays: UNKNOWN_VALUE, kmsKeyId: KEY });
    const untraced = resource(LOG_GROUP, { kmsKeyId: UNKNOWN_VALUE });
    const findings = await evaluate(logGroupRetentionKms, [key, traced, unknownRetention, untraced]);
    expect(mandatory(findings)).toEqual([]);
    expect(undecided(findings).map((finding) => [finding.urn, finding.property])).toEqual([
      [unknownRetention.urn, 'retentionInDays'],
      [untraced.urn, 'kmsKeyId'],
    ]);

    const knownShort = resource(LOG_GROUP, { retentionInDays: 14, kmsKeyId: UNKNOWN_VALUE });
    await expectOneViolation(knownShort, ['retentionInDays is 14']);
  });
});
