import * as aws from '@pulumi/aws';
import { evaluate, evaluateProgram, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { rdsMultiAz } from './rds-multi-az';

const INSTANCE = 'aws:rds/instance:Instance';

describe('rds-multi-az', () => {
  it('Compliance: multiAz is true', async () => {
    expect(await evaluate(rdsMultiAz, [resource(INSTANCE, { multiAz: true })])).toEqual([]);
  });

  it('Noncompliance 1: multiAz left out is reported as advisory by default', async () => {
    const findings = await evaluate(rdsMultiAz, [resource(INSTANCE, { instanceClass: 'db.t3.micro' }, { name: 'single' })]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ policy: 'rds-multi-az', enforcement: 'advisory' });
    expect(findings[0].message).toContain('`multiAz` is not set; set `multiAz: true`');
  });

  it('Noncompliance 2: multiAz false, made mandatory through pack config', async () => {
    const findings = await evaluate(rdsMultiAz, [resource(INSTANCE, { multiAz: false })], {
      config: { 'rds-multi-az': 'mandatory' },
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ policy: 'rds-multi-az', enforcement: 'mandatory' });
    expect(findings[0].message).toContain('`multiAz` is false');
  });

  it('skips read replicas', async () => {
    expect(await evaluate(rdsMultiAz, [resource(INSTANCE, { replicateSourceDb: 'primary' })])).toEqual([]);
  });

  it('Preview: an unknown multiAz is undecided', async () => {
    const findings = await evaluate(rdsMultiAz, [resource(INSTANCE, { multiAz: UNKNOWN_VALUE })]);
    expect(undecided(findings).map((finding) => [finding.property, finding.enforcement])).toEqual([['multiAz', 'advisory']]);
    expect(mandatory(findings)).toEqual([]);
  });

  it.each(['preview', 'update'] as const)('Program (%s): advises on the single-AZ instance only', async (mode) => {
    const findings = await evaluateProgram(
      rdsMultiAz,
      () => {
        new aws.rds.Instance('ha', { instanceClass: 'db.t3.micro', engine: 'mysql', multiAz: true });
        new aws.rds.Instance('single-az', { instanceClass: 'db.t3.micro', engine: 'mysql' });
      },
      { mode, stackConfig: { 'aws:region': 'eu-west-1' } },
    );
    expect(findings.map((finding) => [finding.urn?.split('::').pop(), finding.policy, finding.enforcement])).toEqual([
      ['single-az', 'rds-multi-az', 'advisory'],
    ]);
  });
});
