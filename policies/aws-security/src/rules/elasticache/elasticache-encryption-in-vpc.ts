/**
 * elasticache-encryption-in-vpc: ElastiCache replication groups encrypt data at rest and in transit and run
 * inside a VPC. Caches often hold session tokens and copies of database rows; unencrypted traffic can be read
 * by anything on the network path, and a cache outside a chosen subnet group lands in the default VPC.
 *
 * At rest: `atRestEncryptionEnabled` true, or absent with `engine: valkey` (the provider defaults it on for
 * Valkey, off for Redis OSS). In transit: `transitEncryptionEnabled` true, and `transitEncryptionMode` not
 * `preferred` (which still accepts plaintext clients). A member of a global datastore
 * (`globalReplicationGroupId`) inherits both from the primary group, which this rule checks, so only the subnet
 * group is required of it.
 */
import { boolValue, describeValue, isStringSet, rawProps, resourceRule, stringValue, UNDECIDED } from '@bulwark/policy-kit';

const REPLICATION_GROUP = 'aws:elasticache/replicationGroup:ReplicationGroup';

export const elasticacheEncryptionInVpc = resourceRule({
  metadata: {
    id: 'elasticache-encryption-in-vpc',
    title: 'ElastiCache replication groups are encrypted at rest and in transit, inside a VPC',
    description:
      'ElastiCache replication groups must enable encryption at rest (`atRestEncryptionEnabled`) and in transit ' +
      '(`transitEncryptionEnabled`, not in `preferred` mode) and name a `subnetGroupName` so they run in chosen ' +
      'private subnets. Caches hold sensitive data (sessions, tokens, query results) that must not travel or rest ' +
      'in plaintext.',
    severity: 'high',
    enforcementLevel: 'mandatory',
    service: 'elasticache',
    controls: { fsbp: ['ElastiCache.4', 'ElastiCache.5'] },
    resourceTypes: [REPLICATION_GROUP],
    remediation:
      'On the `aws.elasticache.ReplicationGroup` set `atRestEncryptionEnabled: true` (with `kmsKeyId` for a customer ' +
      'managed key), `transitEncryptionEnabled: true` (and `transitEncryptionMode: "required"` or leave it unset), ' +
      'and `subnetGroupName` to an `aws.elasticache.SubnetGroup` of private subnets. Encryption at rest can only be ' +
      'chosen at creation: migrate through a snapshot for an existing group.',
    decisions: [
      '`atRestEncryptionEnabled` absent is on for the Valkey engine and off for Redis OSS (the provider\'s defaults). ' +
        '`transitEncryptionMode: preferred` still accepts plaintext clients. A member of a global datastore ' +
        '(`globalReplicationGroupId` set, or unknown: any value names one) inherits encryption from its primary.',
      'Unknown values (first preview): a computed `subnetGroupName` names a subnet group whatever it is, so it is decided. ' +
        'An unknown encryption flag, transit mode, or `engine` where the at-rest flag is absent is reported undecided; a ' +
        'decided problem is the group\'s only verdict.',
    ],
    references: ['https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/encryption.html'],
  },
  check: ({ args, report, undecided }) => {
    if (args.type !== REPLICATION_GROUP) return;
    const props = rawProps(args.props);
    const problems: string[] = [];
    const parts: string[] = [];
    const inheritsEncryption = isStringSet(props['globalReplicationGroupId']);

    if (!inheritsEncryption) {
      const atRest = boolValue(props['atRestEncryptionEnabled']);
      const engine = stringValue(props['engine']);
      const defaultsOn = typeof engine === 'string' && engine.toLowerCase() === 'valkey';
      if (atRest === UNDECIDED) parts.push('atRestEncryptionEnabled');
      else if (atRest === undefined && engine === UNDECIDED) parts.push('engine');
      else if (atRest === false || (atRest === undefined && !defaultsOn)) {
        problems.push(`\`atRestEncryptionEnabled\` is ${describeValue(props['atRestEncryptionEnabled'])}; set it to true`);
      }
      const inTransit = boolValue(props['transitEncryptionEnabled']);
      const mode = stringValue(props['transitEncryptionMode']);
      if (inTransit === UNDECIDED) parts.push('transitEncryptionEnabled');
      else if (inTransit === false || inTransit === undefined) {
        problems.push(`\`transitEncryptionEnabled\` is ${describeValue(props['transitEncryptionEnabled'])}; set it to true`);
      } else if (mode === 'preferred') {
        problems.push('`transitEncryptionMode` is "preferred", which still accepts unencrypted clients; set it to "required"');
      } else if (mode === UNDECIDED) parts.push('transitEncryptionMode');
    }
    if (!isStringSet(props['subnetGroupName'])) {
      problems.push(
        `\`subnetGroupName\` is ${describeValue(props['subnetGroupName'])}; set it to a cache subnet group of private VPC subnets`,
      );
    }
    if (problems.length > 0) report(`${problems.join('; ')}.`);
    else for (const part of parts) undecided(part, 'its value decides whether the cache is encrypted at rest and in transit');
  },
});
