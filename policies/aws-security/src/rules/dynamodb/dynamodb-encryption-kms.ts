/**
 * dynamodb-encryption-kms: DynamoDB tables are encrypted with a customer managed KMS key. Every table is
 * encrypted at rest, but by default with an AWS owned key the organisation can neither audit nor revoke; a
 * customer managed key puts reads of the table's data under a key policy and CloudTrail.
 *
 * Needs `serverSideEncryption.enabled: true` with a `kmsKeyArn` (enabled without a key means the AWS managed
 * `aws/dynamodb` key). Each inline `replicas` entry of a global table needs its own `kmsKeyArn` too, since a
 * replica without one falls back to the AWS managed key of its region. Unknown values (preview) are decided in
 * the update; known problems are reported in both.
 */
import { blockValue, boolValue, describeValue, isStringSet, listValue, rawProps, recordValue, resourceRule, stringValue, UNDECIDED } from '@bulwark/policy-kit';

const TABLE = 'aws:dynamodb/table:Table';

export const dynamodbEncryptionKms = resourceRule({
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
  },
  check: ({ args, report }) => {
    if (args.type !== TABLE) return;
    const props = rawProps(args.props);
    const encryption = blockValue(props['serverSideEncryption']);
    if (encryption === undefined) {
      report(
        '`serverSideEncryption` is not set, so the table uses an AWS owned key; set ' +
          '`serverSideEncryption: { enabled: true, kmsKeyArn: <customer managed key ARN> }`.',
      );
    } else if (encryption !== UNDECIDED) {
      const enabled = boolValue(encryption['enabled']);
      if (enabled === false || enabled === undefined) {
        report(
          `\`serverSideEncryption.enabled\` is ${describeValue(encryption['enabled'])}, so the table uses an AWS owned key; ` +
            'set `enabled: true` with a `kmsKeyArn`.',
        );
      } else if (!isStringSet(encryption['kmsKeyArn'])) {
        report(
          `\`serverSideEncryption.kmsKeyArn\` is ${describeValue(encryption['kmsKeyArn'])}, so the table uses the AWS ` +
            'managed key `aws/dynamodb`; set it to the ARN of a customer managed KMS key.',
        );
      }
    }

    const replicas = listValue(props['replicas']);
    if (replicas === UNDECIDED) return;
    replicas.forEach((entry, index) => {
      const replica = recordValue(entry);
      if (replica === undefined || replica === UNDECIDED || isStringSet(replica['kmsKeyArn'])) return;
      const region = stringValue(replica['regionName']);
      const where = typeof region === 'string' ? ` (${region})` : '';
      report(
        `\`replicas[${index}].kmsKeyArn\`${where} is ${describeValue(replica['kmsKeyArn'])}, so the replica uses the AWS ` +
          'managed key of its region; set it to a customer managed key in that region.',
      );
    });
  },
});
