import { evaluate, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { ec2Imdsv2Required } from './ec2-imdsv2-required';

const INSTANCE = 'aws:ec2/instance:Instance';
const LAUNCH_TEMPLATE = 'aws:ec2/launchTemplate:LaunchTemplate';

/** Expects exactly one mandatory finding on `record` whose message contains `fragment`. */
async function expectOneViolation(record: ReturnType<typeof resource>, fragment: string) {
  const findings = await evaluate(ec2Imdsv2Required, [record]);
  expect(findings).toHaveLength(1);
  expect(findings[0]).toMatchObject({ policy: 'ec2-imdsv2-required', enforcement: 'mandatory', urn: record.urn });
  expect(findings[0].message).toContain(fragment);
}

describe('ec2-imdsv2-required', () => {
  it('Compliance: httpTokens required on instances and launch templates', async () => {
    const findings = await evaluate(ec2Imdsv2Required, [
      resource(INSTANCE, { ami: 'ami-1', metadataOptions: { httpTokens: 'required', httpEndpoint: 'enabled' } }),
      resource(LAUNCH_TEMPLATE, { metadataOptions: { httpTokens: 'required', httpPutResponseHopLimit: 1 } }),
      resource('aws:ec2/vpc:Vpc', { cidrBlock: '10.0.0.0/16' }),
    ]);
    expect(findings).toEqual([]);
  });

  it('Noncompliance 1: instance without metadataOptions', async () => {
    await expectOneViolation(resource(INSTANCE, { ami: 'ami-1' }), 'metadataOptions is not set');
  });

  it('Noncompliance 2: instance with httpTokens optional', async () => {
    await expectOneViolation(
      resource(INSTANCE, { metadataOptions: { httpTokens: 'optional' } }),
      'metadataOptions.httpTokens is "optional", which allows IMDSv1',
    );
  });

  it('Noncompliance 3: launch template with metadataOptions but no httpTokens', async () => {
    await expectOneViolation(
      resource(LAUNCH_TEMPLATE, { metadataOptions: { httpEndpoint: 'enabled' } }),
      'metadataOptions.httpTokens is not set',
    );
  });

  it('Noncompliance 4: launch template without metadataOptions', async () => {
    await expectOneViolation(resource(LAUNCH_TEMPLATE, { imageId: 'ami-1' }), 'Set metadataOptions.httpTokens to "required"');
  });

  it('Preview: unknown metadataOptions or httpTokens are undecided', async () => {
    const block = resource(INSTANCE, { metadataOptions: UNKNOWN_VALUE });
    const tokens = resource(LAUNCH_TEMPLATE, { metadataOptions: { httpTokens: UNKNOWN_VALUE } });
    const findings = await evaluate(ec2Imdsv2Required, [block, tokens]);
    expect(mandatory(findings)).toEqual([]);
    expect(undecided(findings).map((finding) => [finding.urn, finding.property])).toEqual([
      [block.urn, 'metadataOptions'],
      [tokens.urn, 'metadataOptions.httpTokens'],
    ]);
  });
});
