import { evaluate, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { rdsIdentifiers } from './rds-identifiers';

const INSTANCE = 'aws:rds/instance:Instance';

describe('rds-identifiers', () => {
  it('Compliance: a physicalName-style identifier and subnet group', async () => {
    expect(await evaluate(rdsIdentifiers, [resource(INSTANCE, { identifier: 'bulwark-dev-orders' }), resource('aws:rds/subnetGroup:SubnetGroup', { name: 'bulwark-dev-data' })])).toEqual([]);
  });

  it('Noncompliance: a digit first, a double hyphen, 64 characters, a subnet group named default', async () => {
    const findings = mandatory(await evaluate(rdsIdentifiers, [resource(INSTANCE, { identifier: '1orders' }), resource(INSTANCE, { identifier: 'orders--db' }), resource(INSTANCE, { identifier: `a${'b'.repeat(63)}` }), resource('aws:rds/subnetGroup:SubnetGroup', { name: 'default' })]));
    expect(findings.map((finding) => finding.message)).toEqual([
      expect.stringContaining('must start with a letter'),
      expect.stringContaining('two consecutive hyphens'),
      expect.stringContaining('has 64 characters'),
      expect.stringContaining('must not be "default"'),
    ]);
  });

  it('Preview: an unknown identifier is undecided', async () => {
    expect(undecided(await evaluate(rdsIdentifiers, [resource(INSTANCE, { identifier: UNKNOWN_VALUE })]))).toHaveLength(1);
  });
});
