/**
 * rds-encryption-kms: RDS instances and clusters encrypt their storage with a customer managed KMS key, so
 * storage, snapshots, backups and replicas are unreadable without a key whose policy the organisation controls
 * (and can revoke or audit), rather than the account-wide AWS managed `aws/rds` key.
 *
 * Needs `storageEncrypted: true` and a `kmsKeyId`. Two AWS behaviours are honoured: a read replica
 * (`replicateSourceDb`) inherits its source's encryption (this rule checks the source), so only an explicit
 * `storageEncrypted: false` on it violates; and an Aurora Serverless v1 cluster (`engineMode: serverless`) is
 * always encrypted, so an absent `storageEncrypted` is fine there (it still needs the `kmsKeyId`).
 *
 * A stack rule so that an unknown `kmsKeyId` can be traced to the resource it is computed from (see
 * `lib/customer-managed-key.ts`); each database is still judged, and reported, on its own.
 */
import { boolValue, describeValue, rawProps, resourcesOfType, stackRule, stringValue, UNDECIDED } from '@bulwark/policy-kit';
import { CUSTOMER_MANAGED_KEY_DECISION, CUSTOMER_MANAGED_KEY_REFERENCES, describeKeyProblem, keyReferenceVerdict } from '../../lib/customer-managed-key';
import { isRdsReadReplica } from '../../lib/rds-read-replica';

const INSTANCE = 'aws:rds/instance:Instance';
const CLUSTER = 'aws:rds/cluster:Cluster';

export const rdsEncryptionKms = stackRule({
  metadata: {
    id: 'rds-encryption-kms',
    title: 'RDS storage is encrypted with a customer managed KMS key',
    description:
      'RDS instances and clusters must set `storageEncrypted: true` and a `kmsKeyId`. Encryption at rest covers ' +
      'the storage, automated backups, snapshots and replicas; a customer managed key keeps access to the data ' +
      'under a key policy the organisation controls and audits. Read replicas inherit their source\'s encryption.',
    decisions: [
      CUSTOMER_MANAGED_KEY_DECISION,
      'A read replica (`replicateSourceDb` set, or unknown: any value names a source) inherits its source\'s encryption: ' +
        'only an explicit `storageEncrypted: false` on it violates. An Aurora Serverless v1 cluster (`engineMode: ' +
        'serverless`) is always encrypted, so an absent `storageEncrypted` is fine there; it still needs the key.',
      'Unknown values (first preview): an unknown `storageEncrypted`, an unknown `engineMode` where the flag is absent, ' +
        'or a key reference not computed from a KMS key is reported undecided; a decided problem is the only verdict.',
    ],
    severity: 'high',
    enforcementLevel: 'mandatory',
    service: 'rds',
    controls: { fsbp: ['RDS.3'], cis: ['2.3.1'] },
    resourceTypes: [INSTANCE, CLUSTER],
    remediation:
      'Create an `aws.kms.Key` (with rotation on) and set `storageEncrypted: true` and `kmsKeyId: key.arn` on the ' +
      '`aws.rds.Instance` or `aws.rds.Cluster`. Encryption cannot be turned on in place: for an existing database, ' +
      'restore an encrypted copy of a snapshot and switch over.',
    references: [...CUSTOMER_MANAGED_KEY_REFERENCES, 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html'],
  },
  check: ({ args, report, undecided }) => {
    for (const database of resourcesOfType(args.resources, [INSTANCE, CLUSTER])) {
      const props = rawProps(database.props);
      const encrypted = boolValue(props['storageEncrypted']);
      if (database.type === INSTANCE && isRdsReadReplica(props)) {
        if (encrypted === false) {
          report('`storageEncrypted` is false on a read replica; remove it so the replica keeps its source\'s encryption.', database.urn);
        } else if (encrypted === UNDECIDED) {
          undecided('storageEncrypted', 'its value decides whether the replica turns its source\'s encryption off', database.urn);
        }
        continue;
      }
      const problems: string[] = [];
      const parts: string[] = [];
      const engineMode = stringValue(props['engineMode']);
      const alwaysEncrypted = database.type === CLUSTER && engineMode === 'serverless';
      if (encrypted === UNDECIDED) parts.push('storageEncrypted');
      else if (encrypted === false || (encrypted === undefined && !alwaysEncrypted)) {
        if (encrypted === undefined && database.type === CLUSTER && engineMode === UNDECIDED) parts.push('engineMode');
        else problems.push(`\`storageEncrypted\` is ${describeValue(props['storageEncrypted'])}; set \`storageEncrypted: true\``);
      }
      const key = keyReferenceVerdict(database, 'kmsKeyId', props['kmsKeyId']);
      if (key === 'undecided') parts.push('kmsKeyId');
      else if (key !== 'customer-managed') {
        problems.push(`\`kmsKeyId\` ${describeKeyProblem(props['kmsKeyId'], key)}; set it to the ARN of a customer managed KMS key`);
      }
      // A decided problem (a missing key, say) is the verdict; otherwise every unknown that could hide one is named.
      if (problems.length > 0) report(`${problems.join('; ')}.`, database.urn);
      else for (const part of parts) undecided(part, 'its value decides whether the storage is encrypted with a customer managed key', database.urn);
    }
  },
});
