import * as aws from '@pulumi/aws';
import { evaluate, evaluateProgram, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { rdsEncryptionKms } from './rds-encryption-kms';

const INSTANCE = 'aws:rds/instance:Instance';
const CLUSTER = 'aws:rds/cluster:Cluster';
const KEY_ARN = 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';

describe('rds-encryption-kms', () => {
  it('Compliance: instances and clusters encrypted with a customer managed key', async () => {
    const findings = await evaluate(rdsEncryptionKms, [
      resource(INSTANCE, { storageEncrypted: true, kmsKeyId: KEY_ARN }),
      resource(CLUSTER, { engine: 'aurora-postgresql', storageEncrypted: true, kmsKeyId: KEY_ARN }),
      // Aurora Serverless v1 is always encrypted: the flag may be left out, the key may not.
      resource(CLUSTER, { engine: 'aurora-mysql', engineMode: 'serverless', kmsKeyId: KEY_ARN }),
    ]);
    expect(findings).toEqual([]);
  });

  it('Noncompliance 1: storage not encrypted and no key', async () => {
    const findings = await evaluate(rdsEncryptionKms, [resource(INSTANCE, { instanceClass: 'db.t3.micro' }, { name: 'plain' })]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ policy: 'rds-encryption-kms', enforcement: 'mandatory' });
    expect(findings[0].urn).toContain('::plain');
    expect(findings[0].message).toContain(
      '`storageEncrypted` is not set; set `storageEncrypted: true`; `kmsKeyId` is not set; set it to the ARN of a customer managed KMS key.',
    );
  });

  it('Noncompliance 2: encrypted with the AWS managed key (no kmsKeyId)', async () => {
    const findings = await evaluate(rdsEncryptionKms, [resource(CLUSTER, { engine: 'aurora-mysql', storageEncrypted: true, kmsKeyId: '' })]);
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('`kmsKeyId` is ""; set it to the ARN of a customer managed KMS key.');
    expect(findings[0].message.split('\n').pop()).not.toContain('storageEncrypted');
  });

  it('Noncompliance 3: a key is given but storageEncrypted is false', async () => {
    const findings = await evaluate(rdsEncryptionKms, [resource(INSTANCE, { storageEncrypted: false, kmsKeyId: KEY_ARN })]);
    expect(findings[0].message).toContain('`storageEncrypted` is false; set `storageEncrypted: true`.');
  });

  it('Noncompliance 4: a read replica that explicitly turns encryption off', async () => {
    const findings = await evaluate(rdsEncryptionKms, [resource(INSTANCE, { replicateSourceDb: 'primary', storageEncrypted: false })]);
    expect(findings[0].message).toContain('`storageEncrypted` is false on a read replica');
  });

  it('lets read replicas inherit encryption from their source', async () => {
    const findings = await evaluate(rdsEncryptionKms, [resource(INSTANCE, { replicateSourceDb: 'primary' })]);
    expect(findings).toEqual([]);
  });

  describe('AWS managed keys are not customer managed (issue 16)', () => {
    it.each([
      ['an alias of our own', 'alias/orders-db'],
      ['a key id', '1234abcd-12ab-34cd-56ef-1234567890ab'],
      ['an alias ARN of our own', 'arn:aws:kms:eu-west-1:123456789012:alias/orders-db'],
    ])('Compliance: %s', async (_label, kmsKeyId) => {
      expect(await evaluate(rdsEncryptionKms, [resource(INSTANCE, { storageEncrypted: true, kmsKeyId })])).toEqual([]);
    });

    it.each([
      ['alias/aws/rds', 'alias/aws/rds'],
      ['its ARN', 'arn:aws:kms:eu-west-1:123456789012:alias/aws/rds'],
      ['aws/rds', 'aws/rds'],
    ])('Noncompliance: %s', async (_label, kmsKeyId) => {
      const findings = await evaluate(rdsEncryptionKms, [resource(CLUSTER, { storageEncrypted: true, kmsKeyId })]);
      expect(mandatory(findings)).toHaveLength(1);
      expect(findings[0].message).toContain(`\`kmsKeyId\` is "${kmsKeyId}", an AWS managed key`);
    });
  });

  it('Preview: a key traced to a KMS key is decided; unknown flags and untraced keys are undecided; a missing key is the verdict', async () => {
    const key = resource('aws:kms/key:Key', {});
    const traced = resource(INSTANCE, { storageEncrypted: true, kmsKeyId: UNKNOWN_VALUE }, { dependsOn: { kmsKeyId: [key] } });
    const untraced = resource(CLUSTER, { storageEncrypted: UNKNOWN_VALUE, kmsKeyId: UNKNOWN_VALUE });
    const unknownMode = resource(CLUSTER, { engineMode: UNKNOWN_VALUE, kmsKeyId: KEY_ARN });
    const findings = await evaluate(rdsEncryptionKms, [
      key,
      traced,
      untraced,
      unknownMode,
      resource(INSTANCE, { replicateSourceDb: UNKNOWN_VALUE }),
      resource(CLUSTER, { storageEncrypted: UNKNOWN_VALUE }, { name: 'no-key' }),
    ]);
    expect(mandatory(findings).map((finding) => finding.urn?.split('::').pop())).toEqual(['no-key']);
    expect(mandatory(findings)[0].message).toContain('`kmsKeyId` is not set');
    expect(mandatory(findings)[0].message.split('\n').pop()).not.toContain('storageEncrypted');
    expect(undecided(findings).map((finding) => [finding.urn, finding.property])).toEqual([
      [untraced.urn, 'storageEncrypted'],
      [untraced.urn, 'kmsKeyId'],
      [unknownMode.urn, 'engineMode'],
    ]);
  });

  it.each(['preview', 'update'] as const)('Program (%s): a key ARN that is unknown in preview is accepted in both modes', async (mode) => {
    const findings = await evaluateProgram(
      rdsEncryptionKms,
      () => {
        const key = new aws.kms.Key('db-key', { enableKeyRotation: true });
        new aws.rds.Instance('encrypted', {
          instanceClass: 'db.t3.micro',
          engine: 'postgres',
          allocatedStorage: 20,
          storageEncrypted: true,
          kmsKeyId: key.arn,
        });
        new aws.rds.Cluster('aws-managed-key', { engine: 'aurora-postgresql', storageEncrypted: true });
      },
      { mode, stackConfig: { 'aws:region': 'eu-west-1' } },
    );
    expect(findings.map((finding) => [finding.urn?.split('::').pop(), finding.policy, finding.enforcement])).toEqual([
      ['aws-managed-key', 'rds-encryption-kms', 'mandatory'],
    ]);
  });
});
