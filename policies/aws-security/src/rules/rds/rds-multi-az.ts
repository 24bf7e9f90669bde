/**
 * rds-multi-az: RDS instances run a synchronous standby in a second Availability Zone, so the loss of one zone
 * or a host failure fails over in minutes instead of waiting for a restore from backup.
 *
 * Advisory by default (single-AZ is a reasonable choice for development databases); pack config can make it
 * mandatory. Read replicas (`replicateSourceDb` set) are skipped: their availability comes from the source and
 * from promoting another replica. An unknown `multiAz` (preview) is decided in the update.
 */
import { boolValue, describeValue, rawProps, resourceRule, UNDECIDED } from '@bulwark/policy-kit';
import { isRdsReadReplica } from '../../lib/rds-read-replica';

const INSTANCE = 'aws:rds/instance:Instance';

export const rdsMultiAz = resourceRule({
  metadata: {
    id: 'rds-multi-az',
    title: 'RDS instances are deployed across multiple Availability Zones',
    description:
      'RDS instances should set `multiAz: true`. A Multi-AZ deployment keeps a synchronous standby in another ' +
      'Availability Zone and fails over automatically, which protects availability and, because writes are ' +
      'committed to both, recent data. Read replicas are not checked.',
    severity: 'medium',
    enforcementLevel: 'advisory',
    service: 'rds',
    controls: { fsbp: ['RDS.5'] },
    resourceTypes: [INSTANCE],
    remediation:
      'Set `multiAz: true` on the `aws.rds.Instance` and give it a `dbSubnetGroupName` whose subnets span at least ' +
      'two Availability Zones. For a development database you may instead waive the rule with a reason.',
    decisions: [
      'Read replicas (`replicateSourceDb` set, or unknown: any value names a source) are not checked. An unknown ' +
        '`multiAz` (first preview) is reported undecided.',
    ],
    references: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZ.html'],
  },
  check: ({ args, report, undecided }) => {
    if (args.type !== INSTANCE) return;
    const props = rawProps(args.props);
    if (isRdsReadReplica(props)) return;
    const multiAz = boolValue(props['multiAz']);
    if (multiAz === UNDECIDED) undecided('multiAz', 'its value decides whether the database keeps a standby in a second Availability Zone');
    if (multiAz === true || multiAz === UNDECIDED) return;
    report(`\`multiAz\` is ${describeValue(props['multiAz'])}; set \`multiAz: true\` to keep a standby in a second Availability Zone.`);
  },
});
