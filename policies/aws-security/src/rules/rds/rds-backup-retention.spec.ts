import * as aws from '@pulumi/aws';
import { evaluate, evaluateProgram, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { rdsBackupRetention } from './rds-backup-retention';

const INSTANCE = 'aws:rds/instance:Instance';
const CLUSTER = 'aws:rds/cluster:Cluster';

describe('rds-backup-retention', () => {
  it('Compliance: an instance and a cluster keep backups for 7 days or more', async () => {
    const findings = await evaluate(rdsBackupRetention, [
      resource(INSTANCE, { instanceClass: 'db.t3.micro', backupRetentionPeriod: 7 }),
      resource(CLUSTER, { engine: 'aurora-postgresql', backupRetentionPeriod: 35 }),
    ]);
    expect(findings).toEqual([]);
  });

  it('Noncompliance 1: an instance leaves the retention out, so AWS keeps 1 day', async () => {
    const findings = await evaluate(rdsBackupRetention, [resource(INSTANCE, { instanceClass: 'db.t3.micro' }, { name: 'db' })]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ policy: 'rds-backup-retention', enforcement: 'mandatory' });
    expect(findings[0].urn).toContain('::db');
    expect(findings[0].message).toContain('`backupRetentionPeriod` is not set, so AWS keeps backups for 1 day; set it to at least 7 days.');
  });

  it('Noncompliance 2: a cluster keeps backups for fewer days than the minimum', async () => {
    const findings = await evaluate(rdsBackupRetention, [resource(CLUSTER, { engine: 'aurora-mysql', backupRetentionPeriod: 3 })]);
    expect(mandatory(findings)).toHaveLength(1);
    expect(findings[0].message).toContain('`backupRetentionPeriod` is 3 days; set it to at least 7 days.');
  });

  it('Noncompliance 3: a retention of 0 disables automated backups', async () => {
    const findings = await evaluate(rdsBackupRetention, [resource(INSTANCE, { backupRetentionPeriod: 0 })]);
    expect(findings[0].message).toContain('is 0, which disables automated backups');
  });

  it('Noncompliance 4: a retention that is not a number is reported, not trusted', async () => {
    const findings = await evaluate(rdsBackupRetention, [resource(INSTANCE, { backupRetentionPeriod: 'a week' })]);
    expect(findings[0].message).toContain('is "a week", which is not a number of days');
  });

  it('honours a configured minimum', async () => {
    const records = [resource(INSTANCE, { backupRetentionPeriod: 10 })];
    expect(await evaluate(rdsBackupRetention, records)).toEqual([]);
    const findings = await evaluate(rdsBackupRetention, records, { config: { 'rds-backup-retention': { minimumRetentionDays: 14 } } });
    expect(findings[0].message).toContain('is 10 days; set it to at least 14 days.');
  });

  it('skips read replicas unless checkReadReplicas is on', async () => {
    const replica = resource(INSTANCE, { replicateSourceDb: 'primary-db' });
    const previewReplica = resource(INSTANCE, { replicateSourceDb: UNKNOWN_VALUE });
    expect(await evaluate(rdsBackupRetention, [replica, previewReplica])).toEqual([]);
    const findings = await evaluate(rdsBackupRetention, [replica], { config: { 'rds-backup-retention': { checkReadReplicas: true } } });
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('is not set');
  });

  it('Preview: an unknown retention is undecided; a known short one is the verdict', async () => {
    const unknown = resource(INSTANCE, { backupRetentionPeriod: UNKNOWN_VALUE, kmsKeyId: UNKNOWN_VALUE });
    const findings = await evaluate(rdsBackupRetention, [
      unknown,
      resource(CLUSTER, { backupRetentionPeriod: 1, clusterIdentifier: UNKNOWN_VALUE }, { name: 'short' }),
      resource(INSTANCE, { replicateSourceDb: UNKNOWN_VALUE, backupRetentionPeriod: UNKNOWN_VALUE }),
    ]);
    expect(mandatory(findings)).toHaveLength(1);
    expect(mandatory(findings)[0]).toMatchObject({ policy: 'rds-backup-retention', enforcement: 'mandatory' });
    expect(mandatory(findings)[0].urn).toContain('::short');
    // A computed replicateSourceDb names a source: a replica, skipped, whatever its retention.
    expect(undecided(findings).map((finding) => [finding.urn, finding.property])).toEqual([[unknown.urn, 'backupRetentionPeriod']]);
  });

  it('never throws on wrong-typed or missing properties', async () => {
    const findings = await evaluate(rdsBackupRetention, [
      resource(INSTANCE, { backupRetentionPeriod: { days: 7 }, replicateSourceDb: 42 }),
      resource(CLUSTER, {}),
    ]);
    expect(findings).toHaveLength(2);
  });

  it.each(['preview', 'update'] as const)('Program (%s): judges real aws.rds resources the same way in both modes', async (mode) => {
    const findings = await evaluateProgram(
      rdsBackupRetention,
      () => {
        const key = new aws.kms.Key('db-key', { enableKeyRotation: true });
        new aws.rds.Instance('kept', {
          instanceClass: 'db.t3.micro',
          engine: 'postgres',
          allocatedStorage: 20,
          backupRetentionPeriod: 14,
          storageEncrypted: true,
          kmsKeyId: key.arn,
        });
        const primary = new aws.rds.Instance('default-retention', { instanceClass: 'db.t3.micro', engine: 'postgres', allocatedStorage: 20 });
        new aws.rds.Instance('replica', { instanceClass: 'db.t3.micro', replicateSourceDb: primary.arn });
        new aws.rds.Cluster('aurora', { engine: 'aurora-postgresql', backupRetentionPeriod: 2 });
      },
      { mode, stackConfig: { 'aws:region': 'eu-west-1' } },
    );
    const flagged = findings.map((finding) => [finding.urn?.split('::').pop(), finding.policy, finding.enforcement]).sort();
    expect(flagged).toEqual([
      ['aurora', 'rds-backup-retention', 'mandatory'],
      ['default-retention', 'rds-backup-retention', 'mandatory'],
    ]);
    expect(findings.find((finding) => finding.urn?.endsWith('::aurora'))?.message).toContain('is 2 days');
  });
});
