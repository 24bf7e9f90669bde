import { evaluate, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { cloudfrontLogBucketAcl } from './cloudfront-log-bucket-acl';

const DISTRIBUTION = 'aws:cloudfront/distribution:Distribution';

function stack(ownership?: string) {
  const bucket = resource('aws:s3/bucket:Bucket', { bucket: 'edge-logs' }, { name: 'edge-logs' });
  const controls = ownership ? [resource('aws:s3/bucketOwnershipControls:BucketOwnershipControls', { bucket: 'edge-logs', rule: { objectOwnership: ownership } }, { dependsOn: { bucket: [bucket] } })] : [];
  const distribution = resource(DISTRIBUTION, { loggingConfig: { bucket: 'edge-logs.s3.amazonaws.com', prefix: 'cdn/' } }, { name: 'site' });
  return [bucket, ...controls, distribution];
}

describe('cloudfront-log-bucket-acl', () => {
  it('Compliance: a log bucket with ACLs enabled (BucketOwnerPreferred); no legacy logging', async () => {
    expect(await evaluate(cloudfrontLogBucketAcl, stack('BucketOwnerPreferred'))).toEqual([]);
    expect(await evaluate(cloudfrontLogBucketAcl, [resource(DISTRIBUTION, {})])).toEqual([]);
  });

  it('Noncompliance: a new bucket (BucketOwnerEnforced by default) or one set so explicitly: no log file is delivered', async () => {
    expect(mandatory(await evaluate(cloudfrontLogBucketAcl, stack()))[0]?.message).toContain('BucketOwnerEnforced (the default)');
    expect(mandatory(await evaluate(cloudfrontLogBucketAcl, stack('BucketOwnerEnforced')))).toHaveLength(1);
  });

  it('Preview: an unknown logging block is undecided', async () => {
    expect(undecided(await evaluate(cloudfrontLogBucketAcl, [resource(DISTRIBUTION, { loggingConfig: UNKNOWN_VALUE })]))).toHaveLength(1);
  });

  describe('a log bucket the rule cannot link', () => {
    function unlinked(ownership: string) {
      const bucket = resource('aws:s3/bucket:Bucket', { bucket: 'edge-logs' }, { name: 'edge-logs' });
      const controls = resource('aws:s3/bucketOwnershipControls:BucketOwnershipControls', { bucket: 'edge-logs', rule: { objectOwnership: ownership } }, { dependsOn: { bucket: [bucket] } });
      const distribution = resource(DISTRIBUTION, { loggingConfig: { bucket: UNKNOWN_VALUE, prefix: 'cdn/' } }, { name: 'site' });
      return [bucket, controls, distribution];
    }

    it('Preview: a log bucket domain no dependency ties to a bucket, which may be one with ACLs disabled, is undecided', async () => {
      const findings = await evaluate(cloudfrontLogBucketAcl, unlinked('BucketOwnerEnforced'));
      expect(mandatory(findings)).toEqual([]);
      expect(undecided(findings).map((finding) => [finding.property, finding.message])).toEqual([['loggingConfig.bucket', expect.stringContaining('it may be edge-logs')]]);
    });

    it('Compliance: when every bucket it may be has ACLs enabled, the verdict holds whichever it is', async () => {
      expect(await evaluate(cloudfrontLogBucketAcl, unlinked('BucketOwnerPreferred'))).toEqual([]);
    });

    it('Preview: ownership controls whose bucket is unlinked may be the log bucket\'s, so its ownership is undecided, not the default', async () => {
      const bucket = resource('aws:s3/bucket:Bucket', { bucket: 'edge-logs' }, { name: 'edge-logs' });
      const controls = resource('aws:s3/bucketOwnershipControls:BucketOwnershipControls', { bucket: UNKNOWN_VALUE, rule: { objectOwnership: 'BucketOwnerPreferred' } });
      const findings = await evaluate(cloudfrontLogBucketAcl, [bucket, controls, resource(DISTRIBUTION, { loggingConfig: { bucket: 'edge-logs.s3.amazonaws.com' } }, { name: 'site' })]);
      expect(mandatory(findings)).toEqual([]);
      expect(undecided(findings)).toHaveLength(1);
    });
  });
});
