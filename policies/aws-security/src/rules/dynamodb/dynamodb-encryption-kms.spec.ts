import * as aws from '@pulumi/aws';
import { evaluate, evaluateProgram, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
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

  describe('AWS managed keys are not customer managed (issue 16)', () => {
    it.each([['a key ARN', KEY_ARN], ['an alias of our own', 'alias/orders'], ['an alias ARN of our own', 'arn:aws:kms:eu-west-1:123456789012:alias/orders']])(
      'Compliance: %s',
      async (_label, kmsKeyArn) => {
        expect(await evaluate(dynamodbEncryptionKms, [resource(TABLE, { serverSideEncryption: { enabled: true, kmsKeyArn } })])).toEqual([]);
      },
    );

    it.each([['alias/aws/dynamodb'], ['arn:aws:kms:eu-west-1:123456789012:alias/aws/dynamodb'], ['aws/dynamodb']])('Noncompliance: %s', async (kmsKeyArn) => {
      const findings = await evaluate(dynamodbEncryptionKms, [resource(TABLE, { serverSideEncryption: { enabled: true, kmsKeyArn } })]);
      expect(detail(findings[0].message)).toContain(`\`serverSideEncryption.kmsKeyArn\` is "${kmsKeyArn}", an AWS managed key`);
    });

    it('Noncompliance: a replica on the AWS managed key of its region', async () => {
      const findings = await evaluate(dynamodbEncryptionKms, [
        resource(TABLE, { serverSideEncryption: { enabled: true, kmsKeyArn: KEY_ARN }, replicas: [{ regionName: 'us-east-1', kmsKeyArn: 'alias/aws/dynamodb' }] }),
      ]);
      expect(detail(findings[0].message)).toContain('`replicas[0].kmsKeyArn` (us-east-1) is "alias/aws/dynamodb", an AWS managed key');
    });
  });

  it('Preview: keys traced to KMS keys are decided; unknown blocks, flags, replicas and untraced keys are undecided', async () => {
    const key = resource('aws:kms/key:Key', {});
    const unknownBlocks = resource(TABLE, { serverSideEncryption: UNKNOWN_VALUE, replicas: UNKNOWN_VALUE });
    const unknownFlag = resource(TABLE, { serverSideEncryption: { enabled: UNKNOWN_VALUE, kmsKeyArn: UNKNOWN_VALUE } });
    const traced = resource(
      TABLE,
      { serverSideEncryption: { enabled: true, kmsKeyArn: UNKNOWN_VALUE }, replicas: [UNKNOWN_VALUE, { kmsKeyArn: UNKNOWN_VALUE }] },
      { dependsOn: { serverSideEncryption: [key], replicas: [key] } },
    );
    const findings = await evaluate(dynamodbEncryptionKms, [key, unknownBlocks, unknownFlag, traced]);
    expect(mandatory(findings)).toEqual([]);
    expect(undecided(findings).map((finding) => [finding.urn, finding.property])).toEqual([
      [unknownBlocks.urn, 'serverSideEncryption'],
      [unknownBlocks.urn, 'replicas'],
      [unknownFlag.urn, 'serverSideEncryption.enabled'],
      [unknownFlag.urn, 'serverSideEncryption.kmsKeyArn'],
      [traced.urn, 'replicas[0]'],
    ]);
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
