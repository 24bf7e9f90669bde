import * as aws from '@pulumi/aws';
import { evaluate, evaluateProgram, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { dynamodbPitr } from './dynamodb-pitr';

const TABLE = 'aws:dynamodb/table:Table';

const detail = (message: string) => message.split('\n').pop();

describe('dynamodb-pitr', () => {
  it('Compliance: point-in-time recovery on the table and its replicas', async () => {
    const findings = await evaluate(dynamodbPitr, [
      resource(TABLE, { pointInTimeRecovery: { enabled: true } }),
      resource(TABLE, { pointInTimeRecovery: { enabled: true, recoveryPeriodInDays: 35 }, replicas: [{ regionName: 'eu-central-1', pointInTimeRecovery: true }] }),
    ]);
    expect(findings).toEqual([]);
  });

  it('Noncompliance 1: pointInTimeRecovery not set', async () => {
    const findings = await evaluate(dynamodbPitr, [resource(TABLE, { hashKey: 'id' }, { name: 'sessions' })]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ policy: 'dynamodb-pitr', enforcement: 'mandatory' });
    expect(findings[0].urn).toContain('::sessions');
    expect(detail(findings[0].message)).toBe('`pointInTimeRecovery` is not set, so recovery is off; set `pointInTimeRecovery: { enabled: true }`.');
  });

  it('Noncompliance 2: pointInTimeRecovery.enabled false', async () => {
    const findings = await evaluate(dynamodbPitr, [resource(TABLE, { pointInTimeRecovery: { enabled: false } })]);
    expect(detail(findings[0].message)).toBe('`pointInTimeRecovery.enabled` is false; set it to true.');
  });

  it('Noncompliance 3: a replica without point-in-time recovery', async () => {
    const findings = await evaluate(dynamodbPitr, [
      resource(TABLE, { pointInTimeRecovery: { enabled: true }, replicas: [{ regionName: 'us-west-2' }] }),
    ]);
    expect(findings).toHaveLength(1);
    expect(detail(findings[0].message)).toBe('`replicas[0].pointInTimeRecovery` (us-west-2) is not set; set it to true.');
  });

  it('Preview: unknown blocks, flags and replicas are undecided', async () => {
    const block = resource(TABLE, { pointInTimeRecovery: UNKNOWN_VALUE, replicas: UNKNOWN_VALUE });
    const flags = resource(TABLE, { pointInTimeRecovery: { enabled: UNKNOWN_VALUE }, replicas: [{ pointInTimeRecovery: UNKNOWN_VALUE }, UNKNOWN_VALUE] });
    const findings = await evaluate(dynamodbPitr, [block, flags]);
    expect(mandatory(findings)).toEqual([]);
    expect(undecided(findings).map((finding) => [finding.urn, finding.property])).toEqual([
      [block.urn, 'pointInTimeRecovery'],
      [block.urn, 'replicas'],
      [flags.urn, 'pointInTimeRecovery.enabled'],
      [flags.urn, 'replicas[0].pointInTimeRecovery'],
      [flags.urn, 'replicas[1]'],
    ]);
  });

  it('never throws on wrong-typed values', async () => {
    const findings = await evaluate(dynamodbPitr, [resource(TABLE, { pointInTimeRecovery: 'yes', replicas: 'all' })]);
    expect(findings).toHaveLength(1);
  });

  it.each(['preview', 'update'] as const)('Program (%s): flags the table without recovery', async (mode) => {
    const findings = await evaluateProgram(
      dynamodbPitr,
      () => {
        const attributes = [{ name: 'id', type: 'S' }];
        new aws.dynamodb.Table('recoverable', { attributes, hashKey: 'id', billingMode: 'PAY_PER_REQUEST', pointInTimeRecovery: { enabled: true } });
        new aws.dynamodb.Table('unrecoverable', { attributes, hashKey: 'id', billingMode: 'PAY_PER_REQUEST' });
      },
      { mode, stackConfig: { 'aws:region': 'eu-west-1' } },
    );
    expect(findings.map((finding) => [finding.urn?.split('::').pop(), finding.policy, finding.enforcement])).toEqual([
      ['unrecoverable', 'dynamodb-pitr', 'mandatory'],
    ]);
  });
});
