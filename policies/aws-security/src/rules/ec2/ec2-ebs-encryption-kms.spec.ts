import { evaluate, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { ec2EbsEncryptionKms } from './ec2-ebs-encryption-kms';

const INSTANCE = 'aws:ec2/instance:Instance';
const LAUNCH_TEMPLATE = 'aws:ec2/launchTemplate:LaunchTemplate';
const VOLUME = 'aws:ebs/volume:Volume';
const KEY = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

/** Expects exactly one mandatory finding on `record` whose message contains every fragment. */
async function expectOneViolation(record: ReturnType<typeof resource>, fragments: string[]) {
  const findings = await evaluate(ec2EbsEncryptionKms, [record]);
  expect(findings).toHaveLength(1);
  expect(findings[0]).toMatchObject({ policy: 'ec2-ebs-encryption-kms', enforcement: 'mandatory', urn: record.urn });
  for (const fragment of fragments) expect(findings[0].message).toContain(fragment);
}

describe('ec2-ebs-encryption-kms', () => {
  it('Compliance: instance, launch template and volume encrypted with a customer managed key', async () => {
    const findings = await evaluate(ec2EbsEncryptionKms, [
      resource(INSTANCE, {
        ami: 'ami-1',
        rootBlockDevice: { encrypted: true, kmsKeyId: KEY },
        ebsBlockDevices: [{ deviceName: '/dev/sdf', encrypted: true, kmsKeyId: KEY }],
      }),
      resource(LAUNCH_TEMPLATE, {
        blockDeviceMappings: [
          { deviceName: '/dev/xvda', ebs: { encrypted: 'true', kmsKeyId: KEY } },
          { deviceName: '/dev/sdb', ebs: { encrypted: true, kmsKeyId: KEY } },
          { deviceName: '/dev/sdc', virtualName: 'ephemeral0' },
        ],
      }),
      resource(LAUNCH_TEMPLATE, { imageId: 'ami-1' }),
      resource(VOLUME, { availabilityZone: 'eu-west-1a', size: 10, encrypted: true, kmsKeyId: KEY }),
    ]);
    expect(findings).toEqual([]);
  });

  it('Noncompliance 1: instance without rootBlockDevice', async () => {
    await expectOneViolation(resource(INSTANCE, { ami: 'ami-1' }), ['rootBlockDevice is not set']);
  });

  it('Noncompliance 2: instance root device encrypted with the AWS managed key (no kmsKeyId)', async () => {
    await expectOneViolation(resource(INSTANCE, { ami: 'ami-1', rootBlockDevice: { encrypted: true } }), [
      'rootBlockDevice.kmsKeyId is not set',
    ]);
  });

  it('Noncompliance 3: instance EBS block device not encrypted', async () => {
    await expectOneViolation(
      resource(INSTANCE, {
        rootBlockDevice: { encrypted: true, kmsKeyId: KEY },
        ebsBlockDevices: [{ deviceName: '/dev/sdf', encrypted: false, kmsKeyId: KEY }],
      }),
      ['ebsBlockDevices[0].encrypted is false (set it to true)'],
    );
  });

  it('Noncompliance 4: launch template EBS mapping with encrypted "false" and no key', async () => {
    await expectOneViolation(
      resource(LAUNCH_TEMPLATE, { blockDeviceMappings: [{ deviceName: '/dev/xvda', ebs: { encrypted: 'false', volumeSize: 20 } }] }),
      ['blockDeviceMappings[0].ebs.encrypted is "false"', 'blockDeviceMappings[0].ebs.kmsKeyId is not set'],
    );
  });

  it('Noncompliance 5: standalone volume without encryption', async () => {
    await expectOneViolation(resource(VOLUME, { availabilityZone: 'eu-west-1a', size: 10 }), [
      'encrypted is not set (set it to true)',
      'kmsKeyId is not set',
    ]);
  });

  describe('AWS managed keys are not customer managed (issue 16)', () => {
    it.each([
      ['an alias name', 'alias/ebs-data'],
      ['an alias ARN', 'arn:aws:kms:eu-west-1:111122223333:alias/ebs-data'],
      ['a multi-Region key id', 'mrk-1234abcd12ab34cd56ef1234567890ab'],
    ])('Compliance: %s', async (_label, kmsKeyId) => {
      expect(await evaluate(ec2EbsEncryptionKms, [resource(VOLUME, { encrypted: true, kmsKeyId })])).toEqual([]);
    });

    it.each([
      ['the aws/ebs alias', 'alias/aws/ebs'],
      ['the aws/ebs alias ARN', 'arn:aws:kms:eu-west-1:111122223333:alias/aws/ebs'],
      ['the console spelling aws/ebs', 'aws/ebs'],
    ])('Noncompliance: %s', async (_label, kmsKeyId) => {
      await expectOneViolation(resource(VOLUME, { encrypted: true, kmsKeyId }), [`kmsKeyId is "${kmsKeyId}", an AWS managed key`]);
    });
  });

  it('Preview: a key computed from a KMS key is decided; unknown blocks, flags and untraced keys are undecided', async () => {
    const key = resource('aws:kms/key:Key', {});
    const fromKey = resource(INSTANCE, { rootBlockDevice: { encrypted: true, kmsKeyId: UNKNOWN_VALUE } }, { dependsOn: { rootBlockDevice: [key] } });
    const fromElsewhere = resource(VOLUME, { encrypted: true, kmsKeyId: UNKNOWN_VALUE }, { dependsOn: { kmsKeyId: [resource('pulumi:pulumi:StackReference', {})] } });
    const unknownBlocks = resource(INSTANCE, { rootBlockDevice: UNKNOWN_VALUE, ebsBlockDevices: [UNKNOWN_VALUE] });
    const template = resource(LAUNCH_TEMPLATE, { blockDeviceMappings: [{ ebs: { encrypted: UNKNOWN_VALUE, kmsKeyId: KEY } }, { ebs: UNKNOWN_VALUE }] });
    const findings = await evaluate(ec2EbsEncryptionKms, [key, fromKey, fromElsewhere, unknownBlocks, template]);
    expect(mandatory(findings)).toEqual([]);
    expect(undecided(findings).map((finding) => [finding.urn, finding.property])).toEqual([
      [fromElsewhere.urn, 'kmsKeyId'],
      [unknownBlocks.urn, 'rootBlockDevice'],
      [unknownBlocks.urn, 'ebsBlockDevices[0]'],
      [template.urn, 'blockDeviceMappings[1].ebs'],
      [template.urn, 'blockDeviceMappings[0].ebs.encrypted'],
    ]);

    // a known violation next to unknown values is the verdict: no undecided finding beside it
    const mixed = resource(VOLUME, { encrypted: false, kmsKeyId: UNKNOWN_VALUE });
    const reported = await evaluate(ec2EbsEncryptionKms, [mixed]);
    expect(reported).toHaveLength(1);
    expect(reported[0]).toMatchObject({ policy: 'ec2-ebs-encryption-kms', enforcement: 'mandatory', urn: mixed.urn });
    expect(reported[0].message).toContain('encrypted is false');
    expect(reported[0].message.split('\n').pop()).not.toContain('kmsKeyId');
  });
});
