/**
 * rds-encryption-kms: RDS instances and clusters encrypt their storage with a customer managed KMS key, so
 * storage, snapshots, backups and replicas are unreadable without a key whose policy the organisation controls
 * (and can revoke or audit), rather than the account-wide AWS managed `aws/rds` key.
 *
 * Needs `storageEncrypted: true` and a `kmsKeyId`. Two AWS behaviours are honoured: a read replica
 * (`replicateSourceDb`) inherits its source's encryption (this rule checks the source), so only an explicit
 * `storageEncrypted: false` on it violates; and an Aurora Serverless v1 cluster (`engineMode: serverless`) is
 * always encrypted, so an absent `storageEncrypted` is fine there (it still needs the `kmsKeyId`).
 */
import { boolValue, describeValue, isStringSet, rawProps, resourceRule, stringValue } from '@bulwark/policy-kit';
import { isRdsReadReplica } from '../../lib/rds-read-replica';

const INSTANCE = 'aws:rds/instance:Instance';
const CLUSTER = 'aws:rds/cluster:Cluster';

export const rdsEncryptionKms = resourceRule({
  metadata: {
    id: 'rds-encryption-kms',
    title: 'RDS storage is encrypted with a customer managed KMS key',
    description:
      'RDS instances and clusters must set `storageEncrypted: true` and a `kmsKeyId`. Encryption at rest covers ' +
      'the storage, automated backups, snapshots and replicas; a customer managed key keeps access to the data ' +
      'under a key policy the organisation controls and audits. Read replicas inherit their source\'s encryption.',
    severity: 'high',
    enforcementLevel: 'mandatory',
    service: 'rds',
    controls: { fsbp: ['RDS.3'], cis: ['2.3.1'] },
    resourceTypes: [INSTANCE, CLUSTER],
    remediation:
      'Create an `aws.kms.Key` (with rotation on) and set `storageEncrypted: true` and `kmsKeyId: key.arn` on the ' +
      '`aws.rds.Instance` or `aws.rds.Cluster`. Encryption cannot be turned on in place: for an existing database, ' +
      'restore an encrypted copy of a snapshot and switch over.',
  },
  check: ({ args, report }) => {
    if (args.type !== INSTANCE && args.type !== CLUSTER) return;
    const props = rawProps(args.props);
    const encrypted = boolValue(props['storageEncrypted']);

    if (args.type === INSTANCE && isRdsReadReplica(props)) {
      if (encrypted === false) {
        report('`storageEncrypted` is false on a read replica; remove it so the replica keeps its source\'s encryption.');
      }
      return;
    }

    const problems: string[] = [];
    const alwaysEncrypted = args.type === CLUSTER && stringValue(props['engineMode']) === 'serverless';
    if (encrypted === false || (encrypted === undefined && !alwaysEncrypted)) {
      problems.push(`\`storageEncrypted\` is ${describeValue(props['storageEncrypted'])}; set \`storageEncrypted: true\``);
    }
    if (!isStringSet(props['kmsKeyId'])) {
      problems.push(`\`kmsKeyId\` is ${describeValue(props['kmsKeyId'])}; set it to the ARN of a customer managed KMS key`);
    }
    // An unknown `storageEncrypted` adds no problem, but a missing key is still decidable and reported.
    if (problems.length > 0) report(`${problems.join('; ')}.`);
  },
});
