import { evaluate, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { ec2EbsDefaultEncryption } from './ec2-ebs-default-encryption';

const ENCRYPTION_BY_DEFAULT = 'aws:ebs/encryptionByDefault:EncryptionByDefault';

describe('ec2-ebs-default-encryption', () => {
  it('Compliance: enabled true, or omitted (the provider default is true)', async () => {
    const findings = await evaluate(ec2EbsDefaultEncryption, [
      resource(ENCRYPTION_BY_DEFAULT, { enabled: true }),
      resource(ENCRYPTION_BY_DEFAULT, {}),
      resource('aws:s3/bucketV2:BucketV2', { enabled: false }),
    ]);
    expect(findings).toEqual([]);
  });

  it('Noncompliance 1: enabled false', async () => {
    const record = resource(ENCRYPTION_BY_DEFAULT, { enabled: false });
    const findings = await evaluate(ec2EbsDefaultEncryption, [record]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ policy: 'ec2-ebs-default-encryption', enforcement: 'mandatory', urn: record.urn });
    expect(findings[0].message).toContain('enabled is false');
    expect(findings[0].message).toContain('Set enabled to true');
  });

  it('Noncompliance 2: enabled is not a boolean', async () => {
    const record = resource(ENCRYPTION_BY_DEFAULT, { enabled: 'no' });
    const findings = await evaluate(ec2EbsDefaultEncryption, [record]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ policy: 'ec2-ebs-default-encryption', enforcement: 'mandatory', urn: record.urn });
    expect(findings[0].message).toContain('enabled is "no"');
  });

  it('Preview: an unknown enabled value is undecided', async () => {
    const findings = await evaluate(ec2EbsDefaultEncryption, [resource(ENCRYPTION_BY_DEFAULT, { enabled: UNKNOWN_VALUE })]);
    expect(mandatory(findings)).toEqual([]);
    expect(undecided(findings).map((finding) => finding.property)).toEqual(['enabled']);
  });
});
