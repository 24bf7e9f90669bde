import { evaluate, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { ec2NoPublicIp } from './ec2-no-public-ip';

const INSTANCE = 'aws:ec2/instance:Instance';
const LAUNCH_TEMPLATE = 'aws:ec2/launchTemplate:LaunchTemplate';

/** Expects exactly one advisory finding on `record` whose message contains `fragment`. */
async function expectOneAdvisory(record: ReturnType<typeof resource>, fragment: string) {
  const findings = await evaluate(ec2NoPublicIp, [record]);
  expect(findings).toHaveLength(1);
  expect(findings[0]).toMatchObject({ policy: 'ec2-no-public-ip', enforcement: 'advisory', urn: record.urn });
  expect(findings[0].message).toContain(fragment);
}

describe('ec2-no-public-ip', () => {
  it('Compliance: no public address requested', async () => {
    const findings = await evaluate(ec2NoPublicIp, [
      resource(INSTANCE, { ami: 'ami-1' }),
      resource(INSTANCE, { ami: 'ami-1', associatePublicIpAddress: false }),
      resource(LAUNCH_TEMPLATE, { networkInterfaces: [{ associatePublicIpAddress: 'false', subnetId: 'subnet-1' }, { deviceIndex: 1 }] }),
      resource(LAUNCH_TEMPLATE, {}),
    ]);
    expect(findings).toEqual([]);
  });

  it('Noncompliance 1: instance with associatePublicIpAddress true (advisory by default)', async () => {
    await expectOneAdvisory(resource(INSTANCE, { associatePublicIpAddress: true }), 'associatePublicIpAddress is true');
  });

  it('Noncompliance 2: launch template network interface with associatePublicIpAddress "true"', async () => {
    await expectOneAdvisory(
      resource(LAUNCH_TEMPLATE, { networkInterfaces: [{ deviceIndex: 0 }, { associatePublicIpAddress: 'true' }] }),
      'networkInterfaces[1].associatePublicIpAddress is "true"',
    );
  });

  it('can be made mandatory through pack config', async () => {
    const record = resource(INSTANCE, { associatePublicIpAddress: true });
    const findings = await evaluate(ec2NoPublicIp, [record], { config: { 'ec2-no-public-ip': 'mandatory' } });
    expect(mandatory(findings)).toHaveLength(1);
    expect(findings[0]).toMatchObject({ policy: 'ec2-no-public-ip', enforcement: 'mandatory', urn: record.urn });
  });

  it('Preview: unknown values are undecided', async () => {
    const instance = resource(INSTANCE, { associatePublicIpAddress: UNKNOWN_VALUE });
    const list = resource(LAUNCH_TEMPLATE, { networkInterfaces: UNKNOWN_VALUE });
    const entries = resource(LAUNCH_TEMPLATE, { networkInterfaces: [UNKNOWN_VALUE, { associatePublicIpAddress: UNKNOWN_VALUE }] });
    const findings = await evaluate(ec2NoPublicIp, [instance, list, entries]);
    expect(findings.every((finding) => finding.enforcement === 'advisory')).toBe(true);
    expect(undecided(findings).map((finding) => [finding.urn, finding.property])).toEqual([
      [instance.urn, 'associatePublicIpAddress'],
      [list.urn, 'networkInterfaces'],
      [entries.urn, 'networkInterfaces[0]'],
      [entries.urn, 'networkInterfaces[1].associatePublicIpAddress'],
    ]);
    expect(mandatory(findings)).toEqual([]);
  });
});
