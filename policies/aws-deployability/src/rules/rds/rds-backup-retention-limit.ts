/**
 * RDS automated backup retention (the backup retention page): 0 to 35 days for a DB instance (0 turns automated
 * backups off) and 1 to 35 for a DB cluster. A longer period fails CreateDBInstance / CreateDBCluster
 * (InvalidParameterValue); the security pack's rds-backup-retention sets the minimum, this rule AWS's maximum.
 */
import { numberValue, rawProps, resourceRule, UNDECIDED } from '@bulwark/policy-kit';
import { AWS_DOCS } from '../../lib/references';

const LIMITS: Record<string, { min: number; max: number; what: string }> = {
  'aws:rds/instance:Instance': { min: 0, max: 35, what: 'DB instance' },
  'aws:rds/cluster:Cluster': { min: 1, max: 35, what: 'DB cluster' },
};

export const rdsBackupRetentionLimit = resourceRule({
  metadata: {
    id: 'rds-backup-retention-limit',
    title: 'RDS backup retention is within what RDS accepts',
    description: 'backupRetentionPeriod is 0-35 days for a DB instance and 1-35 for a DB cluster; RDS refuses a longer period, so the create call fails.',
    severity: 'medium',
    enforcementLevel: 'mandatory',
    service: 'rds',
    controls: {},
    resourceTypes: Object.keys(LIMITS),
    remediation: 'Keep backupRetentionPeriod at 35 days or less; keep longer history with AWS Backup or snapshot copies.',
    references: [AWS_DOCS.rdsBackupRetention],
  },
  check: ({ args, report, undecided }) => {
    const limit = LIMITS[args.type];
    if (!limit) return;
    const days = numberValue(rawProps(args.props)['backupRetentionPeriod']);
    if (days === UNDECIDED) undecided('backupRetentionPeriod', 'a period RDS does not accept fails the deploy');
    else if (days !== undefined && (days < limit.min || days > limit.max || !Number.isInteger(days))) {
      report(`${limit.what} ${args.name}: backupRetentionPeriod ${days} is outside ${limit.min}-${limit.max} days, which RDS refuses.`);
    }
  },
});
