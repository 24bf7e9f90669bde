import * as aws from '@pulumi/aws';
import { evaluate, evaluateProgram, resource, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { dynamodbEncryptionKms } from './dynamodb-encryption-kms';

const TABLE = 'aws:dynamodb/table:Table';
const KEY_ARN = 'arn:aws:kms:eu-west-1:123456789012:key/mrk-1234abcd12ab34cd56ef1234567890ab';
const REPLICA_KEY_ARN = 'arn:aws:kms:eu-central-1:123456789012:key/mrk-1234abcd12ab34cd56ef1234567890ab';

const detail = (message: string) => message.split('\n').pop();

describe('dynamodb-encryption-kms', () => {
  it('Compliance: a table (and its replica) encrypted with customer managed keys', async () => {
    const findings = await evaluate(dynamodbEncryptionKms, [
      resource(TABLE, { serverSideEncryption: { enabled: true, kmsKeyArn: KEY_ARN } }),
      resource(TABLE, {
        serverSideEncryption: { enabled: true, kmsKeyArn: KEY_ARN },
        replicas: [{ regionName: 'eu-central-1', kmsKeyArn: REPLICA_KEY_ARN }],
      }),
    ]);
    expect(findings).toEqual([]);
  });

  it('Noncompliance 1: no serverSideEncryption at all (AWS owned key)', async () => {
    const findings = await evaluate(dynamodbEncryptionKms, [resource(TABLE, { hashKey: 'id' }, { name: 'orders' })]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ policy: 'dynamodb-encryption-kms', enforcement: 'mandatory' });
    expect(findings[0].urn).toContain('::orders');
    expect(detail(findings[0].message)).toBe(
      '`serverSideEncryption` is not set, so the table uses an AWS owned key; set `serverSideEncryption: { enabled: true, kmsKeyArn: <customer managed key ARN> }`.',
    );
  });

  it('Noncompliance 2: serverSideEncryption disabled', async () => {
    const findings = await evaluate(dynamodbEncryptionKms, [resource(TABLE, { serverSideEncryption: { enabled: false, kmsKeyArn: KEY_ARN } })]);
    expect(detail(findings[0].message)).toContain('`serverSideEncryption.enabled` is false');
  });

  it('Noncompliance 3: enabled without a key (the AWS managed aws/dynamodb key)', async () => {
    const findings = await evaluate(dynamodbEncryptionKms, [resource(TABLE, { serverSideEncryption: { enabled: true } })]);
    expect(detail(findings[0].message)).toContain('`serverSideEncryption.kmsKeyArn` is not set, so the table uses the AWS managed key');
  });

  it('Noncompliance 4: a replica without its own key', async () => {
    const findings = await evaluate(dynamodbEncryptionKms, [
      resource(TABLE, { serverSideEncryption: { enabled: true, kmsKeyArn: KEY_ARN }, replicas: [{ regionName: 'us-east-1' }] }),
    ]);
    expect(findings).toHaveLength(1);
    expect(detail(findings[0].message)).toContain('`replicas[0].kmsKeyArn` (us-east-1) is not set');
  });

  it('accepts the list-of-one block shape', async () => {
    expect(await evaluate(dynamodbEncryptionKms, [resource(TABLE, { serverSideEncryption: [{ enabled: true, kmsKeyArn: KEY_ARN }] })])).toEqual([]);
  });

  it('Preview: unknown blocks, flags and keys neither throw nor decide', async () => {
    const findings = await evaluate(dynamodbEncryptionKms, [
      resource(TABLE, { serverSideEncryption: UNKNOWN_VALUE, replicas: UNKNOWN_VALUE }),
      resource(TABLE, { serverSideEncryption: { enabled: UNKNOWN_VALUE, kmsKeyArn: UNKNOWN_VALUE } }),
      resource(TABLE, { serverSideEncryption: { enabled: true, kmsKeyArn: UNKNOWN_VALUE }, replicas: [UNKNOWN_VALUE, { kmsKeyArn: UNKNOWN_VALUE }] }),
    ]);
    expect(findings).toEqual([]);
  });

  it.each(['preview', 'update'] as const)('Program (%s): same verdict with a key ARN unknown in preview', async (mode) => {
    const findings = await evaluateProgram(
      dynamodbEncryptionKms,
      () => {
        const key = new aws.kms.Key('table-key', { enableKeyRotation: true });
        new aws.dynamodb.Table('encrypted', {
          attributes: [{ name: 'id', type: 'S' }],
          hashKey: 'id',
          billingMode: 'PAY_PER_REQUEST',
          serverSideEncryption: { enabled: true, kmsKeyArn: key.arn },
        });
        new aws.dynamodb.Table('default-key', { attributes: [{ name: 'id', type: 'S' }], hashKey: 'id', billingMode: 'PAY_PER_REQUEST' });
      },
      { mode, stackConfig: { 'aws:region': 'eu-west-1' } },
    );
    expect(findings.map((finding) => [finding.urn?.split('::').pop(), finding.policy, finding.enforcement])).toEqual([
      ['default-key', 'dynamodb-encryption-kms', 'mandatory'],
    ]);
  });
});
