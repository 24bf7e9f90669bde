/**
 * dynamodb-pitr: DynamoDB tables have point-in-time recovery on, so a bad write, a buggy migration or a
 * malicious delete can be undone by restoring the table to any second of the recovery period.
 *
 * Needs `pointInTimeRecovery.enabled: true` (absent means off), and `pointInTimeRecovery: true` on each inline
 * `replicas` entry, which AWS also defaults to off. Unknown values (preview) are decided in the update.
 */
import { blockValue, boolValue, describeValue, listValue, rawProps, recordValue, resourceRule, stringValue, UNDECIDED } from '@bulwark/policy-kit';

const TABLE = 'aws:dynamodb/table:Table';

export const dynamodbPitr = resourceRule({
  metadata: {
    id: 'dynamodb-pitr',
    title: 'DynamoDB tables have point-in-time recovery enabled',
    description:
      'DynamoDB tables must set `pointInTimeRecovery: { enabled: true }` (and inline replicas ' +
      '`pointInTimeRecovery: true`). Point-in-time recovery keeps continuous backups for up to 35 days, the only ' +
      'way back from an accidental or malicious overwrite or delete of items.',
    severity: 'medium',
    enforcementLevel: 'mandatory',
    service: 'dynamodb',
    controls: { fsbp: ['DynamoDB.2'] },
    resourceTypes: [TABLE],
    remediation:
      'Set `pointInTimeRecovery: { enabled: true }` on the `aws.dynamodb.Table` (optionally `recoveryPeriodInDays`), ' +
      'and `pointInTimeRecovery: true` on each entry of `replicas`.',
    decisions: [
      'An absent `pointInTimeRecovery` block, or `enabled` absent, is off; inline replicas need their own ' +
        '`pointInTimeRecovery: true`, which AWS also defaults to off.',
      'Unknown values (first preview): an unknown block, flag, replica list, replica or replica flag is reported ' +
        'undecided; a decided problem on the table is its only verdict.',
    ],
    references: ['https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery.html'],
  },
  check: ({ args, report, undecided }) => {
    if (args.type !== TABLE) return;
    const props = rawProps(args.props);
    let problems = 0;
    const parts: string[] = [];
    const recovery = blockValue(props['pointInTimeRecovery']);
    if (recovery === undefined) {
      problems++;
      report('`pointInTimeRecovery` is not set, so recovery is off; set `pointInTimeRecovery: { enabled: true }`.');
    } else if (recovery === UNDECIDED) {
      parts.push('pointInTimeRecovery');
    } else {
      const enabled = boolValue(recovery['enabled']);
      if (enabled === UNDECIDED) parts.push('pointInTimeRecovery.enabled');
      else if (enabled === false || enabled === undefined) {
        problems++;
        report(`\`pointInTimeRecovery.enabled\` is ${describeValue(recovery['enabled'])}; set it to true.`);
      }
    }

    const replicas = listValue(props['replicas']);
    if (replicas === UNDECIDED) parts.push('replicas');
    else {
      replicas.forEach((entry, index) => {
        const replica = recordValue(entry);
        if (replica === UNDECIDED) parts.push(`replicas[${index}]`);
        if (replica === undefined || replica === UNDECIDED) return;
        const enabled = boolValue(replica['pointInTimeRecovery']);
        if (enabled === UNDECIDED) parts.push(`replicas[${index}].pointInTimeRecovery`);
        if (enabled === true || enabled === UNDECIDED) return;
        const region = stringValue(replica['regionName']);
        const where = typeof region === 'string' ? ` (${region})` : '';
        problems++;
        report(`\`replicas[${index}].pointInTimeRecovery\`${where} is ${describeValue(replica['pointInTimeRecovery'])}; set it to true.`);
      });
    }
    if (problems === 0) for (const part of parts) undecided(part, 'its value decides whether the table can be restored to a point in time');
  },
});
