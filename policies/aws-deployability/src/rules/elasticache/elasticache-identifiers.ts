/**
 * ElastiCache identifiers (CreateReplicationGroup / CreateCacheCluster API references): a replication group id holds
 * 1 to 40 alphanumeric characters or hyphens, a cluster id 1 to 50; both begin with a letter, hold no two
 * consecutive hyphens and do not end with one. ElastiCache refuses anything else.
 */
import { rawProps, resourceRule, stringValue } from '@bulwark/policy-kit';
import { checkNamedInputs, noDoubleHyphen, noTrailingHyphen, startsWithLetter, type NamedInput } from '../../lib/name-rules';
import { AWS_DOCS } from '../../lib/references';

const extra = [startsWithLetter, noDoubleHyphen, noTrailingHyphen];
const NAMED: readonly NamedInput[] = [
  { type: 'aws:elasticache/replicationGroup:ReplicationGroup', property: 'replicationGroupId', rule: { what: 'replication group id', min: 1, max: 40, characters: 'A-Za-z0-9-', extra } },
  { type: 'aws:elasticache/cluster:Cluster', property: 'clusterId', rule: { what: 'cache cluster id', min: 1, max: 50, characters: 'A-Za-z0-9-', extra } },
];

export const elasticacheIdentifiers = resourceRule({
  metadata: {
    id: 'elasticache-identifiers',
    title: 'ElastiCache identifiers follow ElastiCache naming rules',
    description: 'Replication group ids hold 1-40 letters, digits or hyphens (cluster ids 1-50), begin with a letter and hold no double or trailing hyphen; ElastiCache refuses anything else.',
    severity: 'medium',
    enforcementLevel: 'mandatory',
    service: 'elasticache',
    controls: {},
    resourceTypes: NAMED.map((input) => input.type),
    remediation: 'Shorten the id to 40 characters (physicalName truncates) and keep a letter first.',
    references: [AWS_DOCS.elastiCacheNaming],
  },
  check: ({ args, report, undecided }) => checkNamedInputs(NAMED, args.type, rawProps(args.props), report, undecided, stringValue),
});
