import { evaluate, mandatory, resource, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { cloudtrailAfterBucketPolicy } from './cloudtrail-after-bucket-policy';

function stack(trailAfterPolicy: boolean) {
  const bucket = resource('aws:s3/bucket:Bucket', { bucket: 'trail-logs' }, { name: 'trail-logs' });
  const policy = resource('aws:s3/bucketPolicy:BucketPolicy', { bucket: UNKNOWN_VALUE, policy: '{}' }, { name: 'trail-logs', dependsOn: { bucket: [bucket] } });
  const trail = resource('aws:cloudtrail/trail:Trail', { s3BucketName: UNKNOWN_VALUE }, { name: 'audit', dependsOn: { s3BucketName: [bucket], ...(trailAfterPolicy ? { __dependsOn: [policy] } : {}) } });
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
});
