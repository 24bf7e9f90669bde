import { evaluate, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { cloudtrailAfterBucketPolicy } from './cloudtrail-after-bucket-policy';

function stack(trailAfterPolicy: boolean) {
  const bucket = resource('aws:s3/bucket:Bucket', { bucket: 'trail-logs' }, { name: 'trail-logs' });
  const policy = resource('aws:s3/bucketPolicy:BucketPolicy', { bucket: UNKNOWN_VALUE, policy: '{}' }, { name: 'trail-logs', dependsOn: { bucket: [bucket] } });
  const trail = resource('aws:cloudtrail/trail:Trail', { s3BucketName: UNKNOWN_VALUE }, { name: 'audit', dependsOn: { s3BucketName: [bucket] }, explicitDependsOn: trailAfterPolicy ? [policy] : [] });
  return [bucket, policy, trail];
}

describe('cloudtrail-after-bucket-policy', () => {
  it('Compliance: the trail depends on the bucket policy', async () => {
    expect(await evaluate(cloudtrailAfterBucketPolicy, stack(true))).toEqual([]);
  });

  it('Noncompliance: the trail depends on the bucket only (InsufficientS3BucketPolicyException when created first)', async () => {
    const findings = mandatory(await evaluate(cloudtrailAfterBucketPolicy, stack(false)));
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain('Trail audit does not depend on bucket policy trail-logs');
  });

  it('Preview: the link goes through dependencies, so the unknown bucket name of a first preview gives the same verdict', async () => {
    expect(mandatory(await evaluate(cloudtrailAfterBucketPolicy, stack(false)))).toHaveLength(1);
  });

  describe('a bucket or key the rule cannot link', () => {
    function unlinked(trailAfterPolicy: boolean) {
      const buckets = ['trail-logs', 'other'].map((name) => resource('aws:s3/bucket:Bucket', { bucket: name }, { name }));
      const policies = buckets.map((bucket) => resource('aws:s3/bucketPolicy:BucketPolicy', { bucket: UNKNOWN_VALUE, policy: '{}' }, { name: `${bucket.name}-policy`, dependsOn: { bucket: [bucket] } }));
      // The bucket name comes from no resource of the stack the engine can tie it to (no dependency recorded).
      const trail = resource('aws:cloudtrail/trail:Trail', { s3BucketName: UNKNOWN_VALUE }, { name: 'audit', explicitDependsOn: trailAfterPolicy ? policies : [policies[0] as never] });
      return [...buckets, ...policies, trail];
    }

    it('Preview: a trail that does not wait for every bucket policy its unlinked bucket may have is undecided on s3BucketName', async () => {
      const findings = await evaluate(cloudtrailAfterBucketPolicy, unlinked(false));
      expect(mandatory(findings)).toEqual([]);
      expect(undecided(findings).map((finding) => [finding.property, finding.message])).toEqual([['s3BucketName', expect.stringContaining('does not depend on other-policy')]]);
    });

    it('Compliance: a trail that waits for every bucket policy of the stack holds whichever bucket it writes to', async () => {
      expect(await evaluate(cloudtrailAfterBucketPolicy, unlinked(true))).toEqual([]);
    });
  });
});
