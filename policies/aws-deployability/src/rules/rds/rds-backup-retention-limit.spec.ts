import { evaluate, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { rdsBackupRetentionLimit } from './rds-backup-retention-limit';

describe('rds-backup-retention-limit', () => {
  it('Compliance: 35 days on an instance, 7 on a cluster', async () => {
    expect(await evaluate(rdsBackupRetentionLimit, [resource('aws:rds/instance:Instance', { backupRetentionPeriod: 35 }), resource('aws:rds/cluster:Cluster', { backupRetentionPeriod: 7 })])).toEqual([]);
  });

  it('Noncompliance: 90 days on an instance, 0 on a cluster (InvalidParameterValue)', async () => {
    const findings = mandatory(await evaluate(rdsBackupRetentionLimit, [resource('aws:rds/instance:Instance', { backupRetentionPeriod: 90 }), resource('aws:rds/cluster:Cluster', { backupRetentionPeriod: 0 })]));
    expect(findings.map((finding) => finding.message)).toEqual([expect.stringContaining('90 is outside 0-35'), expect.stringContaining('0 is outside 1-35')]);
  });

  it('Preview: an unknown period is undecided', async () => {
    expect(undecided(await evaluate(rdsBackupRetentionLimit, [resource('aws:rds/instance:Instance', { backupRetentionPeriod: UNKNOWN_VALUE })]))).toHaveLength(1);
  });
});
