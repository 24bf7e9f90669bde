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
});
