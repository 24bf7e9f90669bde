/**
 * ElastiCache identifiers (CreateReplicationGroup / CreateCacheCluster API references): a replication group id holds
 * 1 to 40 alphanumeric characters or hyphens, a cluster id 1 to 50; both begin with a letter, hold no two
 * consecutive hyphens and do not end with one. ElastiCache refuses anything else.
 */
import { rawProps, resourceRule, stringValue } from '@bulwark/policy-kit';
import { checkNamedInputs, type NameRule, type NamedInput } from '../../lib/name-rules';
import { AWS_DOCS } from '../../lib/references';

const identifier = (what: string, max: number): NameRule => ({ what, min: 1, max, characters: 'A-Za-z0-9-', ends: 'letter', hyphens: ['double', 'trailing'] });
const NAMED: readonly NamedInput[] = [
  { type: 'aws:elasticache/replicationGroup:ReplicationGroup', property: 'replicationGroupId', rule: identifier('replication group id', 40) },
  { type: 'aws:elasticache/cluster:Cluster', property: 'clusterId', rule: identifier('cache cluster id', 50) },
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
