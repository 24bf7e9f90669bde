import * as aws from '@pulumi/aws';
import { evaluate, evaluateProgram, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { s3BucketAccessLogging } from './s3-bucket-access-logging';

const BUCKET = 'aws:s3/bucket:Bucket';
const BUCKET_V2 = 'aws:s3/bucketV2:BucketV2';
const LOGGING = 'aws:s3/bucketLogging:BucketLogging';
const LOGGING_V2 = 'aws:s3/bucketLoggingV2:BucketLoggingV2';

describe('s3-bucket-access-logging', () => {
  it('Compliance: buckets log to a log bucket, which is itself exempt (companion and inline, both families)', async () => {
    const logs = resource(BUCKET, { bucket: 'logs' }, { name: 'logs' });
    const data = resource(BUCKET, { bucket: 'data' });
    const findings = await evaluate(s3BucketAccessLogging, [
      logs,
      data,
      resource(LOGGING, { bucket: UNKNOWN_VALUE, targetBucket: UNKNOWN_VALUE, targetPrefix: 'data/' }, { dependsOn: { bucket: [data], targetBucket: [logs] } }),
      resource(BUCKET_V2, { bucket: 'old', loggings: [{ targetBucket: 'logs' }] }),
      resource(BUCKET, { bucket: 'other' }),
      resource(LOGGING_V2, { bucket: 'other', targetBucket: 'arn:aws:s3:::logs', targetPrefix: '' }),
    ]);
    expect(findings).toEqual([]);
  });

  it('Noncompliance 1: a bucket that logs nowhere and is no log target', async () => {
    const bucket = resource(BUCKET, { bucket: 'quiet' }, { name: 'quiet' });
    expect(await evaluate(s3BucketAccessLogging, [bucket])).toEqual([
      expect.objectContaining({ policy: 's3-bucket-access-logging', enforcement: 'mandatory', urn: bucket.urn, message: expect.stringContaining('Bucket quiet has no server access logging') }),
    ]);
  });

  it('Noncompliance 2: a bucket that logs to itself, by dependency or by name', async () => {
    const a = resource(BUCKET, { bucket: 'a' }, { name: 'a' });
    const selfByDependency = resource(LOGGING, { bucket: UNKNOWN_VALUE, targetBucket: UNKNOWN_VALUE }, { name: 'a-logging', dependsOn: { bucket: [a], targetBucket: [a] } });
    const b = resource(BUCKET, { bucket: 'b', logging: { targetBucket: 'b' } }, { name: 'b' });
    const findings = await evaluate(s3BucketAccessLogging, [a, selfByDependency, b]);
    expect(findings).toEqual([
      expect.objectContaining({ urn: selfByDependency.urn, message: expect.stringContaining('Bucket a logs to itself (BucketLogging a-logging `targetBucket`)') }),
      expect.objectContaining({ urn: b.urn, message: expect.stringContaining('Bucket b logs to itself (logging.targetBucket)') }),
    ]);
  });

  it('Preview: unknown targets without dependency are another bucket; an unlinked companion is undecided and blames nobody', async () => {
    const a = resource(BUCKET, { bucket: UNKNOWN_VALUE });
    const unlinked = resource(LOGGING, { bucket: UNKNOWN_VALUE, targetBucket: 'central-logs' });
    const findings = await evaluate(s3BucketAccessLogging, [
      a,
      resource(LOGGING, { bucket: UNKNOWN_VALUE, targetBucket: UNKNOWN_VALUE }, { dependsOn: { bucket: [a] } }),
      resource(BUCKET, { bucket: 'b', logging: UNKNOWN_VALUE }),
      resource(BUCKET, { bucket: 'c' }, { name: 'c' }),
      unlinked,
    ]);
    expect(mandatory(findings)).toEqual([]);
    expect(undecided(findings).map((finding) => [finding.urn, finding.property])).toEqual([[unlinked.urn, 'bucket']]);
    expect(undecided(findings)[0].message).toContain('and c has no other');
  });

  describe('on a program', () => {
    const program = () => {
      const logs = new aws.s3.Bucket('logs');
      const data = new aws.s3.Bucket('data');
      new aws.s3.BucketLogging('data-logging', { bucket: data.id, targetBucket: logs.id, targetPrefix: 'data/' });
      const loop = new aws.s3.Bucket('loop');
      new aws.s3.BucketLogging('loop-logging', { bucket: loop.id, targetBucket: loop.id, targetPrefix: 'self/' });
    };
    it.each(['preview', 'update'] as const)('gives the same verdict in %s', async (mode) => {
      const findings = await evaluateProgram(s3BucketAccessLogging, program, { mode });
      expect(findings).toEqual([expect.objectContaining({ enforcement: 'mandatory', message: expect.stringContaining('Bucket loop logs to itself') })]);
      expect(findings[0].urn).toMatch(/::loop-logging$/);
    });
  });
});
