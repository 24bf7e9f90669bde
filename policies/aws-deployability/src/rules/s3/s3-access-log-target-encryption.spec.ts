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

  describe('a target bucket the rule cannot link', () => {
    function unlinked(algorithm: string) {
      const source = resource('aws:s3/bucket:Bucket', { bucket: 'data' }, { name: 'data' });
      const target = resource('aws:s3/bucket:Bucket', { bucket: 'access-logs' }, { name: 'access-logs' });
      const encryption = resource(ENCRYPTION, { bucket: 'access-logs', rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: algorithm } }] }, { name: 'access-logs', dependsOn: { bucket: [target] } });
      const sourceEncryption = resource(ENCRYPTION, { bucket: 'data', rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } }] }, { name: 'data', dependsOn: { bucket: [source] } });
      const logging = resource('aws:s3/bucketLogging:BucketLogging', { bucket: 'data', targetBucket: UNKNOWN_VALUE }, { name: 'data-logging', dependsOn: { bucket: [source] } });
      return { logging, resources: [source, target, encryption, sourceEncryption, logging] };
    }

    it('Preview: a targetBucket no dependency ties to a bucket, which may be an SSE-KMS bucket, is undecided on the logging', async () => {
      const { logging, resources } = unlinked('aws:kms');
      const findings = await evaluate(s3AccessLogTargetEncryption, resources);
      expect(mandatory(findings)).toEqual([]);
      expect(undecided(findings).map((finding) => [finding.urn, finding.property, finding.message])).toEqual([[logging.urn, 'targetBucket', expect.stringContaining('it may be access-logs')]]);
    });

    it('Compliance: when every bucket it may be uses SSE-S3, the verdict holds whichever it is', async () => {
      expect(await evaluate(s3AccessLogTargetEncryption, unlinked('AES256').resources)).toEqual([]);
    });
  });

  describe('an inline logging configuration (Bucket `logging`, BucketV2 `loggings`)', () => {
    function inline(type: string, property: string, logging: unknown, algorithm: string, linked: boolean) {
      const target = resource('aws:s3/bucket:Bucket', { bucket: 'access-logs' }, { name: 'access-logs' });
      const encryption = resource(ENCRYPTION, { bucket: 'access-logs', rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: algorithm } }] }, { name: 'access-logs', dependsOn: { bucket: [target] } });
      const source = resource(type, { bucket: 'data', [property]: logging }, { name: 'data', ...(linked ? { dependsOn: { [property]: [target] } } : {}) });
      const sourceEncryption = resource(ENCRYPTION, { bucket: 'data', rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } }] }, { name: 'data', dependsOn: { bucket: [source] } });
      return { source, resources: [target, encryption, source, sourceEncryption] };
    }

    it('Compliance: a known logging block into an SSE-S3 bucket', async () => {
      expect(await evaluate(s3AccessLogTargetEncryption, inline('aws:s3/bucket:Bucket', 'logging', { targetBucket: 'access-logs' }, 'AES256', true).resources)).toEqual([]);
    });

    it('Noncompliance: a known logging block into an SSE-KMS bucket', async () => {
      const findings = await evaluate(s3AccessLogTargetEncryption, inline('aws:s3/bucket:Bucket', 'logging', { targetBucket: 'access-logs' }, 'aws:kms', true).resources);
      expect(mandatory(findings).map((finding) => finding.message)).toEqual([expect.stringContaining('Bucket access-logs receives S3 server access logs (from data)')]);
    });

    it('Preview: a whole `logging` value unknown until apply, with an SSE-KMS bucket in the stack, is undecided on the bucket (not a silent pass)', async () => {
      const { source, resources } = inline('aws:s3/bucket:Bucket', 'logging', UNKNOWN_VALUE, 'aws:kms', false);
      const findings = await evaluate(s3AccessLogTargetEncryption, resources);
      expect(mandatory(findings)).toEqual([]);
      expect(undecided(findings).map((finding) => [finding.urn, finding.property, finding.message])).toEqual([
        [source.urn, 'logging', expect.stringContaining('`logging` is unknown until apply: the server access logging of data is not known in this mode and no dependency ties it to a bucket of the stack; it may deliver into access-logs')],
      ]);
    });

    it('Preview: an unknown block of a BucketV2 `loggings` list is undecided, judged against the bucket its dependencies link', async () => {
      const { source, resources } = inline('aws:s3/bucketV2:BucketV2', 'loggings', [UNKNOWN_VALUE], 'aws:kms', true);
      const findings = await evaluate(s3AccessLogTargetEncryption, resources);
      expect(mandatory(findings)).toEqual([]);
      expect(undecided(findings).map((finding) => [finding.urn, finding.property, finding.message])).toEqual([[source.urn, 'loggings', expect.stringContaining('its dependencies link it to access-logs')]]);
    });

    it('Compliance: an unknown `logging` value passes when every bucket it may deliver into uses SSE-S3', async () => {
      expect(await evaluate(s3AccessLogTargetEncryption, inline('aws:s3/bucket:Bucket', 'logging', UNKNOWN_VALUE, 'AES256', false).resources)).toEqual([]);
    });
  });
});
