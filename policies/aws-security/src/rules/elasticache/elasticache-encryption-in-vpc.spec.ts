import * as aws from '@pulumi/aws';
import { evaluate, evaluateProgram, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { elasticacheEncryptionInVpc } from './elasticache-encryption-in-vpc';

const GROUP = 'aws:elasticache/replicationGroup:ReplicationGroup';

const detail = (message: string) => message.split('\n').pop();
const secure = { atRestEncryptionEnabled: true, transitEncryptionEnabled: true, subnetGroupName: 'cache-private' };

describe('elasticache-encryption-in-vpc', () => {
  it('Compliance: encrypted at rest and in transit, in a subnet group', async () => {
    const findings = await evaluate(elasticacheEncryptionInVpc, [
      resource(GROUP, { description: 'sessions', ...secure }),
      resource(GROUP, { description: 'sessions', ...secure, transitEncryptionMode: 'required' }),
      // Valkey turns at-rest encryption on by default.
      resource(GROUP, { description: 'valkey', engine: 'valkey', transitEncryptionEnabled: true, subnetGroupName: 'cache-private' }),
      // A global datastore member inherits encryption from its primary.
      resource(GROUP, { description: 'secondary', globalReplicationGroupId: 'ldgnf-sessions', subnetGroupName: 'cache-private' }),
    ]);
    expect(findings).toEqual([]);
  });

  it('Noncompliance 1: nothing set (Redis OSS defaults: no encryption, default VPC)', async () => {
    const findings = await evaluate(elasticacheEncryptionInVpc, [resource(GROUP, { description: 'cache' }, { name: 'cache' })]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ policy: 'elasticache-encryption-in-vpc', enforcement: 'mandatory' });
    expect(findings[0].urn).toContain('::cache');
    expect(detail(findings[0].message)).toBe(
      '`atRestEncryptionEnabled` is not set; set it to true; `transitEncryptionEnabled` is not set; set it to true; ' +
        '`subnetGroupName` is not set; set it to a cache subnet group of private VPC subnets.',
    );
  });

  it('Noncompliance 2: at-rest encryption off', async () => {
    const findings = await evaluate(elasticacheEncryptionInVpc, [resource(GROUP, { ...secure, atRestEncryptionEnabled: false })]);
    expect(detail(findings[0].message)).toBe('`atRestEncryptionEnabled` is false; set it to true.');
  });

  it('Noncompliance 3: in-transit encryption off', async () => {
    const findings = await evaluate(elasticacheEncryptionInVpc, [resource(GROUP, { ...secure, transitEncryptionEnabled: false })]);
    expect(detail(findings[0].message)).toBe('`transitEncryptionEnabled` is false; set it to true.');
  });

  it('Noncompliance 4: in-transit encryption in "preferred" mode still accepts plaintext', async () => {
    const findings = await evaluate(elasticacheEncryptionInVpc, [resource(GROUP, { ...secure, transitEncryptionMode: 'preferred' })]);
    expect(detail(findings[0].message)).toContain('`transitEncryptionMode` is "preferred"');
  });

  it('Noncompliance 5: no subnet group, even for a global datastore member', async () => {
    const findings = await evaluate(elasticacheEncryptionInVpc, [
      resource(GROUP, { ...secure, subnetGroupName: '' }),
      resource(GROUP, { globalReplicationGroupId: 'ldgnf-sessions' }),
    ]);
    expect(findings).toHaveLength(2);
    for (const finding of findings) expect(detail(finding.message)).toContain('`subnetGroupName` is');
  });

  it('Preview: unknown flags, mode or engine are undecided; a computed subnet group name is decided', async () => {
    const flags = resource(GROUP, { atRestEncryptionEnabled: UNKNOWN_VALUE, transitEncryptionEnabled: UNKNOWN_VALUE, subnetGroupName: UNKNOWN_VALUE });
    const engine = resource(GROUP, { engine: UNKNOWN_VALUE, transitEncryptionEnabled: true, transitEncryptionMode: UNKNOWN_VALUE, subnetGroupName: 'cache' });
    const findings = await evaluate(elasticacheEncryptionInVpc, [
      flags,
      engine,
      resource(GROUP, { engine: UNKNOWN_VALUE, atRestEncryptionEnabled: true, transitEncryptionEnabled: true, subnetGroupName: UNKNOWN_VALUE }),
    ]);
    expect(mandatory(findings)).toEqual([]);
    expect(undecided(findings).map((finding) => [finding.urn, finding.property])).toEqual([
      [flags.urn, 'atRestEncryptionEnabled'],
      [flags.urn, 'transitEncryptionEnabled'],
      [engine.urn, 'engine'],
      [engine.urn, 'transitEncryptionMode'],
    ]);
  });

  it.each(['preview', 'update'] as const)('Program (%s): a subnet group name unknown in preview is accepted in both modes', async (mode) => {
    const findings = await evaluateProgram(
      elasticacheEncryptionInVpc,
      () => {
        const subnets = new aws.elasticache.SubnetGroup('cache-subnets', { subnetIds: ['subnet-a', 'subnet-b'] });
        new aws.elasticache.ReplicationGroup('secure', {
          description: 'sessions',
          nodeType: 'cache.t4g.micro',
          atRestEncryptionEnabled: true,
          transitEncryptionEnabled: true,
          subnetGroupName: subnets.name,
        });
        new aws.elasticache.ReplicationGroup('plaintext', { description: 'sessions', nodeType: 'cache.t4g.micro', subnetGroupName: subnets.name });
      },
      { mode, stackConfig: { 'aws:region': 'eu-west-1' } },
    );
    expect(findings.map((finding) => [finding.urn?.split('::').pop(), finding.policy, finding.enforcement])).toEqual([
      ['plaintext', 'elasticache-encryption-in-vpc', 'mandatory'],
    ]);
    expect(detail(findings[0].message)).not.toContain('subnetGroupName');
  });
});
