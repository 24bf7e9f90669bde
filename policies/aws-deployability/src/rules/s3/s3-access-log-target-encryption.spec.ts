import { evaluate, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { s3AccessLogTargetEncryption } from './s3-access-log-target-encryption';

const ENCRYPTION = 'aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration';

function stack(algorithm: unknown) {
  const source = resource('aws:s3/bucket:Bucket', { bucket: 'data' }, { name: 'data' });
  const target = resource('aws:s3/bucket:Bucket', { bucket: 'access-logs' }, { name: 'access-logs' });
  const encryption = resource(ENCRYPTION, { bucket: 'access-logs', rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: algorithm } }] }, { name: 'access-logs', dependsOn: { bucket: [target] } });
  const logging = resource('aws:s3/bucketLogging:BucketLogging', { bucket: 'data', targetBucket: 'access-logs', targetPrefix: 'data/' }, { dependsOn: { bucket: [source], targetBucket: [target] } });
  return [source, target, encryption, logging];
}

describe('s3-access-log-target-encryption', () => {
  it('Compliance: the log target bucket uses SSE-S3', async () => {
    expect(await evaluate(s3AccessLogTargetEncryption, stack('AES256'))).toEqual([]);
  });

  it('Noncompliance: the log target bucket uses SSE-KMS, into which S3 delivers no server access logs (a dead control)', async () => {
    const findings = mandatory(await evaluate(s3AccessLogTargetEncryption, stack('aws:kms')));
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain('Bucket access-logs receives S3 server access logs (from data)');
    expect(findings[0]?.urn).toMatch(/BucketServerSideEncryptionConfiguration::access-logs$/);
  });

  it('Preview: an unknown algorithm is undecided', async () => {
    const findings = await evaluate(s3AccessLogTargetEncryption, stack(UNKNOWN_VALUE));
    expect(mandatory(findings)).toEqual([]);
    expect(undecided(findings)).toHaveLength(1);
  });
});
