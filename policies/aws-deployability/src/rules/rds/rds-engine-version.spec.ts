import { evaluate, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { rdsEngineVersion } from './rds-engine-version';

const INSTANCE = 'aws:rds/instance:Instance';

describe('rds-engine-version', () => {
  it('Compliance: a supported major alone; a pinned minor with automatic minor upgrades off; engines outside the list', async () => {
    const findings = await evaluate(rdsEngineVersion, [
      resource(INSTANCE, { engine: 'postgres', engineVersion: '17' }),
      resource(INSTANCE, { engine: 'mysql', engineVersion: '8.4' }),
      resource(INSTANCE, { engine: 'postgres', engineVersion: '17.2', autoMinorVersionUpgrade: false }),
      resource(INSTANCE, { engine: 'sqlserver-ex', engineVersion: '15.00' }),
    ]);
    expect(findings).toEqual([]);
  });

  it('Noncompliance 1: postgres 16.4 pinned with automatic minor upgrades (no longer offered; Pulumi would downgrade)', async () => {
    const findings = mandatory(await evaluate(rdsEngineVersion, [resource(INSTANCE, { engine: 'postgres', engineVersion: '16.4' }, { name: 'orders' })]));
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain('pins the minor version 16.4');
    expect(findings[0]?.message).toContain('Set engineVersion to "16"');
  });

  it('Noncompliance 2: a major RDS does not offer, and one past standard support', async () => {
    const findings = mandatory(await evaluate(rdsEngineVersion, [resource(INSTANCE, { engine: 'postgres', engineVersion: '9.6' }), resource(INSTANCE, { engine: 'postgres', engineVersion: '13' })]));
    expect(findings.map((finding) => finding.message)).toEqual([expect.stringContaining('is not a major version RDS offers'), expect.stringContaining('left standard support on 2026-02-28')]);
  });

  it('Preview: an unknown version is undecided', async () => {
    const findings = await evaluate(rdsEngineVersion, [resource(INSTANCE, { engine: 'postgres', engineVersion: UNKNOWN_VALUE })]);
    expect(undecided(findings).map((finding) => finding.property)).toEqual(['engineVersion']);
  });
});
