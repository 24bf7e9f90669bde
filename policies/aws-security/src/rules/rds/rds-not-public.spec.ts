import * as aws from '@pulumi/aws';
import { evaluate, evaluateProgram, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { rdsNotPublic } from './rds-not-public';

const INSTANCE = 'aws:rds/instance:Instance';

describe('rds-not-public', () => {
  it('Compliance: an instance that leaves publiclyAccessible out or sets it false', async () => {
    const findings = await evaluate(rdsNotPublic, [
      resource(INSTANCE, { instanceClass: 'db.t3.micro' }),
      resource(INSTANCE, { instanceClass: 'db.t3.micro', publiclyAccessible: false }),
    ]);
    expect(findings).toEqual([]);
  });

  it('Noncompliance 1: publiclyAccessible is true', async () => {
    const findings = await evaluate(rdsNotPublic, [resource(INSTANCE, { publiclyAccessible: true }, { name: 'open-db' })]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ policy: 'rds-not-public', enforcement: 'mandatory' });
    expect(findings[0].urn).toContain('::open-db');
    expect(findings[0].message).toContain('`publiclyAccessible` is true; remove it or set it to false');
  });

  it('Noncompliance 2: publiclyAccessible arrives as the string "true"', async () => {
    const findings = await evaluate(rdsNotPublic, [resource(INSTANCE, { publiclyAccessible: 'true' })]);
    expect(findings).toHaveLength(1);
  });

  it('Preview: an unknown publiclyAccessible is undecided', async () => {
    const instance = resource(INSTANCE, { publiclyAccessible: UNKNOWN_VALUE, dbSubnetGroupName: UNKNOWN_VALUE });
    const findings = await evaluate(rdsNotPublic, [instance]);
    expect(mandatory(findings)).toEqual([]);
    expect(undecided(findings).map((finding) => [finding.urn, finding.property])).toEqual([[instance.urn, 'publiclyAccessible']]);
  });

  it('ignores other resource types and wrong-typed values', async () => {
    const findings = await evaluate(rdsNotPublic, [
      resource('aws:rds/cluster:Cluster', { publiclyAccessible: true }),
      resource(INSTANCE, { publiclyAccessible: ['yes'] }),
    ]);
    expect(findings).toEqual([]);
  });

  it.each(['preview', 'update'] as const)('Program (%s): flags only the public instance', async (mode) => {
    const findings = await evaluateProgram(
      rdsNotPublic,
      () => {
        const subnets = new aws.rds.SubnetGroup('private', { subnetIds: ['subnet-a', 'subnet-b'] });
        new aws.rds.Instance('private-db', { instanceClass: 'db.t3.micro', engine: 'mysql', dbSubnetGroupName: subnets.name });
        new aws.rds.Instance('public-db', { instanceClass: 'db.t3.micro', engine: 'mysql', publiclyAccessible: true });
      },
      { mode, stackConfig: { 'aws:region': 'eu-west-1' } },
    );
    expect(findings.map((finding) => [finding.urn?.split('::').pop(), finding.policy, finding.enforcement])).toEqual([
      ['public-db', 'rds-not-public', 'mandatory'],
    ]);
  });
});
