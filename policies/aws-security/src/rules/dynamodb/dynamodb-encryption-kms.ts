/**
 * dynamodb-encryption-kms: DynamoDB tables are encrypted with a customer managed KMS key. Every table is
 * encrypted at rest, but by default with an AWS owned key the organisation can neither audit nor revoke; a
 * customer managed key puts reads of the table's data under a key policy and CloudTrail.
 *
 * Needs `serverSideEncryption.enabled: true` with a `kmsKeyArn` (enabled without a key means the AWS managed
 * `aws/dynamodb` key). Each inline `replicas` entry of a global table needs its own `kmsKeyArn` too, since a
 * replica without one falls back to the AWS managed key of its region.
 *
 * A stack rule so that an unknown `kmsKeyArn` can be traced to the resource it is computed from (see
 * `lib/customer-managed-key.ts`); each table is still judged, and reported, on its own.
 */
import type { PolicyResource } from '@pulumi/policy';
import { blockValue, boolValue, describeValue, listValue, rawProps, recordValue, resourcesOfType, stackRule, stringValue, UNDECIDED } from '@bulwark/policy-kit';
import { CUSTOMER_MANAGED_KEY_DECISION, CUSTOMER_MANAGED_KEY_REFERENCES, describeKeyProblem, keyReferenceVerdict } from '../../lib/customer-managed-key';

const TABLE = 'aws:dynamodb/table:Table';

/** The problems of one table (one message each) and the unknown parts that could hide one. */
function judgeTable(table: PolicyResource): { problems: string[]; undecided: string[] } {
  const props = rawProps(table.props);
  const problems: string[] = [];
  const undecided: string[] = [];
  const encryption = blockValue(props['serverSideEncryption']);
  if (encryption === undefined) {
    problems.push(
      '`serverSideEncryption` is not set, so the table uses an AWS owned key; set ' +
        '`serverSideEncryption: { enabled: true, kmsKeyArn: <customer managed key ARN> }`.',
    );
  } else if (encryption === UNDECIDED) {
    undecided.push('serverSideEncryption');
  } else {
    const enabled = boolValue(encryption['enabled']);
    const key = keyReferenceVerdict(table, 'serverSideEncryption', encryption['kmsKeyArn']);
    if (enabled === false || enabled === undefined) {
      problems.push(
        `\`serverSideEncryption.enabled\` is ${describeValue(encryption['enabled'])}, so the table uses an AWS owned key; ` +
          'set `enabled: true` with a `kmsKeyArn`.',
      );
    } else if (key === 'missing' || key === 'aws-managed') {
      problems.push(
        `\`serverSideEncryption.kmsKeyArn\` ${describeKeyProblem(encryption['kmsKeyArn'], key)}, so the table uses the AWS ` +
          'managed key `aws/dynamodb`; set it to the ARN of a customer managed KMS key.',
      );
    } else {
      if (enabled === UNDECIDED) undecided.push('serverSideEncryption.enabled');
      if (key === 'undecided') undecided.push('serverSideEncryption.kmsKeyArn');
    }
  }

  const replicas = listValue(props['replicas']);
  if (replicas === UNDECIDED) undecided.push('replicas');
  else {
    replicas.forEach((entry, index) => {
      const replica = recordValue(entry);
      if (replica === UNDECIDED) undecided.push(`replicas[${index}]`);
      if (replica === undefined || replica === UNDECIDED) return;
      const key = keyReferenceVerdict(table, 'replicas', replica['kmsKeyArn']);
      if (key === 'undecided') undecided.push(`replicas[${index}].kmsKeyArn`);
      if (key !== 'missing' && key !== 'aws-managed') return;
      const region = stringValue(replica['regionName']);
      const where = typeof region === 'string' ? ` (${region})` : '';
      problems.push(
        `\`replicas[${index}].kmsKeyArn\`${where} ${describeKeyProblem(replica['kmsKeyArn'], key)}, so the replica uses the AWS ` +
          'managed key of its region; set it to a customer managed key in that region.',
      );
    });
  }
  return { problems, undecided };
}

export const dynamodbEncryptionKms = stackRule({
  metadata: {
    id: 'dynamodb-encryption-kms',
    title: 'DynamoDB tables are encrypted with a customer managed KMS key',
    description:
      'DynamoDB tables must set `serverSideEncryption: { enabled: true, kmsKeyArn }`, and every inline replica a ' +
      '`kmsKeyArn`. Without it DynamoDB encrypts with an AWS owned or AWS managed key, so access to the data ' +
      'cannot be restricted, audited or revoked through a key policy the organisation controls.',
    severity: 'medium',
    enforcementLevel: 'mandatory',
    service: 'dynamodb',
    controls: {},
    resourceTypes: [TABLE],
    remediation:
      'Create an `aws.kms.Key` (multi-Region if the table has replicas) and set ' +
      '`serverSideEncryption: { enabled: true, kmsKeyArn: key.arn }` on the `aws.dynamodb.Table`; give each entry of ' +
      '`replicas` the `kmsKeyArn` of a key in its region.',
    decisions: [
      CUSTOMER_MANAGED_KEY_DECISION,
      '`serverSideEncryption.enabled: true` without a key, or with `alias/aws/dynamodb`, uses the AWS managed key; no ' +
        'block (or `enabled: false`) uses an AWS owned key. Each inline replica needs its own key reference.',
      'Unknown values (first preview): an unknown block, flag, replica list or entry, or a key reference not computed ' +
        'from a KMS key is reported undecided; a decided problem on the table is its only verdict.',
    ],
    references: [...CUSTOMER_MANAGED_KEY_REFERENCES, 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html'],
  },
  check: ({ args, report, undecided }) => {
    for (const table of resourcesOfType(args.resources, [TABLE])) {
      const verdict = judgeTable(table);
      for (const problem of verdict.problems) report(problem, table.urn);
      // A decided problem is the table's verdict; otherwise every unknown that could hide one is named.
      if (verdict.problems.length > 0) continue;
      for (const part of verdict.undecided) undecided(part, 'its value decides whether the table is encrypted with a customer managed key', table.urn);
    }
  },
});
