import * as aws from '@pulumi/aws';
import { evaluate, evaluateProgram, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { s3BucketPublicAccessBlock } from './s3-bucket-public-access-block';

const BUCKET = 'aws:s3/bucket:Bucket';
const BUCKET_V2 = 'aws:s3/bucketV2:BucketV2';
const BLOCK = 'aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock';
const ALL_ON = { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true };

describe('s3-bucket-public-access-block', () => {
  it('Compliance: each bucket (both token families) has a block with all four flags, linked by dependency or by name', async () => {
    const data = resource(BUCKET, { bucket: 'data' }, { name: 'data' });
    const legacy = resource(BUCKET_V2, { bucket: 'legacy' }, { name: 'legacy' });
    const findings = await evaluate(s3BucketPublicAccessBlock, [
      data,
      legacy,
      resource(BLOCK, { bucket: UNKNOWN_VALUE, ...ALL_ON }, { dependsOn: { bucket: [data] } }),
      resource(BLOCK, { bucket: 'legacy', ...ALL_ON }),
    ]);
    expect(findings).toEqual([]);
  });

  it('Noncompliance 1: a bucket without a public access block', async () => {
    const bucket = resource(BUCKET_V2, { bucket: 'bare' }, { name: 'bare' });
    const findings = await evaluate(s3BucketPublicAccessBlock, [bucket]);
    expect(findings).toEqual([
      expect.objectContaining({
        policy: 's3-bucket-public-access-block',
        enforcement: 'mandatory',
        urn: bucket.urn,
        message: expect.stringContaining('Bucket bare has no BucketPublicAccessBlock'),
      }),
    ]);
  });

  it('Noncompliance 2: a block with a flag false or unset', async () => {
    const bucket = resource(BUCKET, { bucket: 'b' });
    const block = resource(BLOCK, { bucket: 'b', blockPublicAcls: true, blockPublicPolicy: false, ignorePublicAcls: true }, { name: 'weak' });
    const findings = mandatory(await evaluate(s3BucketPublicAccessBlock, [bucket, block]));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ urn: block.urn, policy: 's3-bucket-public-access-block' });
    expect(findings[0].message).toContain('BucketPublicAccessBlock weak does not set `blockPublicPolicy`, `restrictPublicBuckets` to true');
  });

  it('Noncompliance 3: a block for another bucket does not cover this one', async () => {
    const mine = resource(BUCKET, { bucket: 'mine' }, { name: 'mine' });
    const other = resource(BUCKET, { bucket: 'other' }, { name: 'other' });
    const findings = await evaluate(s3BucketPublicAccessBlock, [mine, other, resource(BLOCK, { bucket: UNKNOWN_VALUE, ...ALL_ON }, { dependsOn: { bucket: [other] } })]);
    expect(findings.map((finding) => finding.urn)).toEqual([mine.urn]);
  });

  it('Preview: an unknown flag and an unlinked block are undecided, and blame no unrelated bucket', async () => {
    const bucket = resource(BUCKET, { bucket: UNKNOWN_VALUE }, { name: 'data' });
    const block = resource(BLOCK, { bucket: UNKNOWN_VALUE, blockPublicAcls: UNKNOWN_VALUE, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
    const findings = await evaluate(s3BucketPublicAccessBlock, [bucket, block]);
    expect(mandatory(findings)).toEqual([]);
    expect(undecided(findings).map((finding) => [finding.urn, finding.property])).toEqual([
      [block.urn, 'blockPublicAcls'],
      [block.urn, 'bucket'],
    ]);
    expect(undecided(findings)[1].message).toContain('which bucket this BucketPublicAccessBlock configures, and data has no other');
    // A linked block with an unknown flag and a decidedly false one: the false flag is the verdict.
    const mixed = resource(BLOCK, { bucket: UNKNOWN_VALUE, blockPublicAcls: UNKNOWN_VALUE, blockPublicPolicy: false, ignorePublicAcls: true, restrictPublicBuckets: true }, { dependsOn: { bucket: [bucket] } });
    const decided = await evaluate(s3BucketPublicAccessBlock, [bucket, mixed]);
    expect(decided.map((finding) => [finding.urn, finding.enforcement])).toEqual([[mixed.urn, 'mandatory']]);
  });

  it('Preview: more uncovered buckets than unlinked blocks gives one stack-wide finding', async () => {
    const findings = await evaluate(s3BucketPublicAccessBlock, [
      resource(BUCKET, { bucket: 'a' }, { name: 'a' }),
      resource(BUCKET, { bucket: 'b' }, { name: 'b' }),
      resource(BLOCK, { bucket: UNKNOWN_VALUE, ...ALL_ON }, { name: 'external' }),
    ]);
    expect(findings).toEqual([
      expect.objectContaining({ urn: undefined, message: expect.stringContaining('2 buckets (a, b) have no BucketPublicAccessBlock') }),
    ]);
  });

  describe('on a program', () => {
    const program = () => {
      const logs = new aws.s3.Bucket('logs');
      new aws.s3.BucketPublicAccessBlock('logs-block', { bucket: logs.id, ...ALL_ON });
      new aws.s3.Bucket('open');
    };

    it.each(['preview', 'update'] as const)('gives the same verdict in %s', async (mode) => {
      const findings = await evaluateProgram(s3BucketPublicAccessBlock, program, { mode });
      expect(findings).toEqual([
        expect.objectContaining({ policy: 's3-bucket-public-access-block', enforcement: 'mandatory', message: expect.stringContaining('Bucket open has no') }),
      ]);
      expect(findings[0].urn).toMatch(/::open$/);
    });
  });
});
