import * as aws from '@pulumi/aws';
import { evaluate, evaluateProgram, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { s3BucketVersioning } from './s3-bucket-versioning';

const BUCKET = 'aws:s3/bucket:Bucket';
const BUCKET_V2 = 'aws:s3/bucketV2:BucketV2';
const VERSIONING = 'aws:s3/bucketVersioning:BucketVersioning';
const VERSIONING_V2 = 'aws:s3/bucketVersioningV2:BucketVersioningV2';

describe('s3-bucket-versioning', () => {
  it('Compliance: companions of both families, and legacy inline inputs of both bucket types', async () => {
    const a = resource(BUCKET, { bucket: 'a' });
    const b = resource(BUCKET_V2, { bucket: 'b' });
    const findings = await evaluate(s3BucketVersioning, [
      a,
      b,
      resource(VERSIONING, { bucket: UNKNOWN_VALUE, versioningConfiguration: { status: 'Enabled' } }, { dependsOn: { bucket: [a] } }),
      resource(VERSIONING_V2, { bucket: 'b', versioningConfiguration: { status: 'Enabled' } }),
      resource(BUCKET, { bucket: 'c', versioning: { enabled: true } }),
      resource(BUCKET_V2, { bucket: 'd', versionings: [{ enabled: true }] }),
    ]);
    expect(findings).toEqual([]);
  });

  it('Noncompliance 1: a bucket with no versioning at all', async () => {
    const bucket = resource(BUCKET, { bucket: 'bare' }, { name: 'bare' });
    expect(await evaluate(s3BucketVersioning, [bucket])).toEqual([
      expect.objectContaining({ policy: 's3-bucket-versioning', enforcement: 'mandatory', urn: bucket.urn, message: expect.stringContaining('Bucket bare: versioning is not enabled') }),
    ]);
  });

  it('Noncompliance 2: a BucketVersioning with status Suspended', async () => {
    const bucket = resource(BUCKET, { bucket: 'x' });
    const versioning = resource(VERSIONING_V2, { bucket: 'x', versioningConfiguration: { status: 'Suspended' } }, { name: 'v' });
    expect(await evaluate(s3BucketVersioning, [bucket, versioning])).toEqual([
      expect.objectContaining({ urn: versioning.urn, message: expect.stringContaining('BucketVersioning v: `versioningConfiguration.status` is "Suspended": set it to "Enabled".') }),
    ]);
  });

  it('Noncompliance 3: legacy inline versioning disabled', async () => {
    const bucket = resource(BUCKET_V2, { bucket: 'x', versionings: [{ enabled: false }] }, { name: 'old' });
    expect(await evaluate(s3BucketVersioning, [bucket])).toEqual([
      expect.objectContaining({ urn: bucket.urn, message: expect.stringContaining('Bucket old: `versionings.enabled` is false') }),
    ]);
  });

  it('Preview: unknown status, inline block and an unlinked companion are undecided, and blame nobody', async () => {
    const inline = resource(BUCKET, { bucket: 'x', versioning: UNKNOWN_VALUE });
    const companion = resource(VERSIONING, { bucket: UNKNOWN_VALUE, versioningConfiguration: { status: UNKNOWN_VALUE } });
    const findings = await evaluate(s3BucketVersioning, [inline, resource(BUCKET, { bucket: 'y' }), companion]);
    expect(mandatory(findings)).toEqual([]);
    expect(undecided(findings).map((finding) => [finding.urn, finding.property])).toEqual([
      [companion.urn, 'versioningConfiguration.status'],
      [inline.urn, 'versioning'],
      [companion.urn, 'bucket'],
    ]);
  });

  describe('on a program', () => {
    const program = () => {
      const kept = new aws.s3.Bucket('kept');
      new aws.s3.BucketVersioning('kept-versioning', { bucket: kept.id, versioningConfiguration: { status: 'Enabled' } });
      new aws.s3.Bucket('scratch');
    };
    it.each(['preview', 'update'] as const)('gives the same verdict in %s', async (mode) => {
      const findings = await evaluateProgram(s3BucketVersioning, program, { mode });
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({ policy: 's3-bucket-versioning', enforcement: 'mandatory', message: expect.stringContaining('Bucket scratch: versioning is not enabled') });
    });
  });
});
