/**
 * rds-backup-retention: RDS instances and clusters keep automated backups for at least a week, so a bad
 * migration or a deleted table discovered days later can still be restored to a point in time.
 *
 * Absent `backupRetentionPeriod` means the AWS default of 1 day, which violates. Read replicas
 * (`replicateSourceDb` set) are skipped unless `checkReadReplicas` is on, as AWS Config's
 * db-instance-backup-enabled does: the source's backups protect the data, and some engines (RDS for
 * PostgreSQL) do not support automated backups on replicas at all. An unknown retention (preview) is decided
 * when the value is known, in the update.
 */
import { describeValue, isUnknown, numberValue, rawProps, resourceRule, UNDECIDED } from '@bulwark/policy-kit';
import { isRdsReadReplica } from '../../lib/rds-read-replica';

const INSTANCE = 'aws:rds/instance:Instance';
const CLUSTER = 'aws:rds/cluster:Cluster';

/** What AWS applies when a program leaves `backupRetentionPeriod` out (instances and clusters alike). */
const AWS_DEFAULT_RETENTION_DAYS = 1;

export interface RdsBackupRetentionConfig {
  readonly minimumRetentionDays: number;
  readonly checkReadReplicas: boolean;
}

export const rdsBackupRetention = resourceRule<RdsBackupRetentionConfig>({
  metadata: {
    id: 'rds-backup-retention',
    title: 'RDS databases keep automated backups for at least 7 days',
    description:
      'RDS instances and clusters must set `backupRetentionPeriod` to at least the configured number of days ' +
      '(7 by default). Automated backups enable point-in-time restore; the AWS default of 1 day leaves almost no ' +
      'time to notice corruption or an accidental deletion before the last good backup is gone.',
    severity: 'medium',
    enforcementLevel: 'mandatory',
    service: 'rds',
    controls: { fsbp: ['RDS.11'] },
    resourceTypes: [INSTANCE, CLUSTER],
    remediation:
      'Set `backupRetentionPeriod` on the `aws.rds.Instance` or `aws.rds.Cluster` to 7 or more (up to 35), ' +
      'e.g. `backupRetentionPeriod: 14`, and optionally a `backupWindow`/`preferredBackupWindow` outside peak hours.',
    decisions: [
      'An absent `backupRetentionPeriod` is the AWS default of 1 day and violates; 0 disables backups. Read replicas ' +
        '(`replicateSourceDb` set, or unknown: any value names a source) are skipped unless `checkReadReplicas` is on.',
      'An unknown retention (first preview) is reported undecided.',
    ],
    references: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html'],
  },
  configSchema: {
    properties: {
      minimumRetentionDays: {
        type: 'integer',
        minimum: 1,
        maximum: 35,
        description: 'The smallest acceptable `backupRetentionPeriod`, in days.',
        default: 7,
      },
      checkReadReplicas: {
        type: 'boolean',
        description: 'Also require the retention on read replicas (instances with `replicateSourceDb`).',
        default: false,
      },
    },
  },
  check: ({ args, config, report, undecided }) => {
    if (args.type !== INSTANCE && args.type !== CLUSTER) return;
    const props = rawProps(args.props);
    if (args.type === INSTANCE && !config.checkReadReplicas && isRdsReadReplica(props)) return;

    const raw = props['backupRetentionPeriod'];
    const retention = numberValue(raw);
    if (retention === UNDECIDED || isUnknown(raw)) {
      undecided('backupRetentionPeriod', 'its value decides how long automated backups are kept');
      return;
    }
    const minimum = config.minimumRetentionDays;
    const effective = retention ?? (raw === undefined || raw === null ? AWS_DEFAULT_RETENTION_DAYS : undefined);
    if (effective !== undefined && effective >= minimum) return;

    const what =
      raw === undefined || raw === null
        ? `is not set, so AWS keeps backups for ${AWS_DEFAULT_RETENTION_DAYS} day`
        : effective === undefined
          ? `is ${describeValue(raw)}, which is not a number of days`
          : effective === 0
            ? 'is 0, which disables automated backups'
            : `is ${effective} day${effective === 1 ? '' : 's'}`;
    report(`\`backupRetentionPeriod\` ${what}; set it to at least ${minimum} days.`);
  },
});
