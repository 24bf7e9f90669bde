import { evaluate, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { s3AccountPublicAccessBlock } from './s3-account-public-access-block';

const TYPE = 'aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock';

describe('s3-account-public-access-block', () => {
  it('Compliance: all four flags true', async () => {
    const block = resource(TYPE, { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: 'true' });
    expect(await evaluate(s3AccountPublicAccessBlock, [block])).toEqual([]);
  });

  it('Noncompliance 1: a flag set to false', async () => {
    const block = resource(TYPE, { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: false, restrictPublicBuckets: true }, { name: 'account' });
    expect(await evaluate(s3AccountPublicAccessBlock, [block])).toEqual([
      expect.objectContaining({
        policy: 's3-account-public-access-block',
        enforcement: 'mandatory',
        urn: block.urn,
        message: expect.stringContaining('AccountPublicAccessBlock account does not set `ignorePublicAcls` to true (unset means false): set all four flags to true.'),
      }),
    ]);
  });

  it('Noncompliance 2: flags left unset', async () => {
    const findings = await evaluate(s3AccountPublicAccessBlock, [resource(TYPE, { blockPublicAcls: true })]);
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('`blockPublicPolicy`, `ignorePublicAcls`, `restrictPublicBuckets`');
  });

  it('Preview: unknown flags are undecided, known false ones are the verdict', async () => {
    const unknownOnly = resource(TYPE, { blockPublicAcls: UNKNOWN_VALUE, blockPublicPolicy: true, ignorePublicAcls: UNKNOWN_VALUE, restrictPublicBuckets: true });
    const open = await evaluate(s3AccountPublicAccessBlock, [unknownOnly]);
    expect(mandatory(open)).toEqual([]);
    expect(undecided(open).map((finding) => finding.property)).toEqual(['blockPublicAcls', 'ignorePublicAcls']);
    const mixed = resource(TYPE, { blockPublicAcls: UNKNOWN_VALUE, blockPublicPolicy: false, ignorePublicAcls: true, restrictPublicBuckets: true });
    const findings = await evaluate(s3AccountPublicAccessBlock, [mixed]);
    expect(findings.map((finding) => finding.message)).toEqual([expect.stringContaining('`blockPublicPolicy`')]);
  });

  it('ignores other resource types', async () => {
    expect(await evaluate(s3AccountPublicAccessBlock, [resource('aws:s3/bucket:Bucket', { blockPublicAcls: false })])).toEqual([]);
  });
});
