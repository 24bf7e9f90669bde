import { evaluate, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { elasticacheIdentifiers } from './elasticache-identifiers';

const GROUP = 'aws:elasticache/replicationGroup:ReplicationGroup';

describe('elasticache-identifiers', () => {
  it('Compliance: a 40-character id', async () => {
    expect(await evaluate(elasticacheIdentifiers, [resource(GROUP, { replicationGroupId: `c${'a'.repeat(39)}` })])).toEqual([]);
  });

  it('Noncompliance: 41 characters; a trailing hyphen', async () => {
    const findings = mandatory(await evaluate(elasticacheIdentifiers, [resource(GROUP, { replicationGroupId: `c${'a'.repeat(40)}` }), resource(GROUP, { replicationGroupId: 'cache-' })]));
    expect(findings.map((finding) => finding.message)).toEqual([expect.stringContaining('has 41 characters; AWS accepts 1 to 40'), expect.stringContaining('must not end with a hyphen')]);
  });

  it('Preview: an unknown id is undecided', async () => {
    expect(undecided(await evaluate(elasticacheIdentifiers, [resource(GROUP, { replicationGroupId: UNKNOWN_VALUE })]))).toHaveLength(1);
  });
});
