import * as aws from '@pulumi/aws';
import { evaluate, evaluateProgram, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { s3BucketKmsEncryption } from './s3-bucket-kms-encryption';

const BUCKET = 'aws:s3/bucket:Bucket';
const BUCKET_V2 = 'aws:s3/bucketV2:BucketV2';
const SSE = 'aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration';
const SSE_V2 = 'aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2';
const KEY = 'arn:aws:kms:eu-west-1:111122223333:key/abc';

describe('s3-bucket-kms-encryption', () => {
  it('Compliance: aws:kms / aws:kms:dsse with a key, by companion or inline', async () => {
    const a = resource(BUCKET, { bucket: 'a' });
    const key = resource('aws:kms/key:Key', {});
    const findings = await evaluate(s3BucketKmsEncryption, [
      a,
      key,
      resource(SSE, { bucket: UNKNOWN_VALUE, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: UNKNOWN_VALUE } }] }, { dependsOn: { bucket: [a], rules: [key] } }),
      resource(BUCKET, { bucket: 'b' }),
      resource(SSE_V2, { bucket: 'b', rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms:dsse', kmsMasterKeyId: KEY } }] }),
      resource(BUCKET, { bucket: 'c', serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: KEY } } } }),
      resource(BUCKET_V2, { bucket: 'd', serverSideEncryptionConfigurations: [{ rules: [{ applyServerSideEncryptionByDefaults: [{ sseAlgorithm: 'aws:kms', kmsMasterKeyId: KEY }] }] }] }),
    ]);
    expect(findings).toEqual([]);
  });

  it('Noncompliance 1: AES256', async () => {
    const sse = resource(SSE, { bucket: 'a', rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } }] }, { name: 'sse' });
    const findings = await evaluate(s3BucketKmsEncryption, [resource(BUCKET, { bucket: 'a' }), sse]);
    expect(findings).toEqual([
      expect.objectContaining({
        policy: 's3-bucket-kms-encryption',
        enforcement: 'mandatory',
        urn: sse.urn,
        message: expect.stringContaining('`rules[0].applyServerSideEncryptionByDefault.sseAlgorithm` is "AES256": use "aws:kms"'),
      }),
    ]);
  });

  it('Noncompliance 2: aws:kms without a customer managed key (inline BucketV2)', async () => {
    const bucket = resource(BUCKET_V2, { serverSideEncryptionConfigurations: [{ rules: [{ applyServerSideEncryptionByDefaults: [{ sseAlgorithm: 'aws:kms' }] }] }] }, { name: 'v2' });
    const findings = await evaluate(s3BucketKmsEncryption, [bucket]);
    expect(findings).toEqual([expect.objectContaining({ urn: bucket.urn, message: expect.stringContaining('kmsMasterKeyId` is unset') })]);
  });

  it('Noncompliance 3: no encryption configuration', async () => {
    const bucket = resource(BUCKET, { bucket: 'plain' }, { name: 'plain' });
    expect((await evaluate(s3BucketKmsEncryption, [bucket]))[0]).toMatchObject({ urn: bucket.urn, message: expect.stringContaining('Bucket plain: no default encryption is configured') });
  });

  describe('AWS managed keys are not customer managed (issue 16)', () => {
    const withKey = (kmsMasterKeyId: string) => [
      resource(BUCKET, { bucket: 'data' }),
      resource(SSE, { bucket: 'data', rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId } }] }, { name: 'data-sse' }),
    ];
    it.each([['a key ARN', KEY], ['an alias of our own', 'alias/data'], ['an alias ARN of our own', 'arn:aws:kms:eu-west-1:111122223333:alias/data']])(
      'Compliance: %s',
      async (_label, kmsMasterKeyId) => {
        expect(await evaluate(s3BucketKmsEncryption, withKey(kmsMasterKeyId))).toEqual([]);
      },
    );

    it.each([['alias/aws/s3'], ['arn:aws:kms:eu-west-1:111122223333:alias/aws/s3'], ['aws/s3']])('Noncompliance: %s', async (kmsMasterKeyId) => {
      const findings = await evaluate(s3BucketKmsEncryption, withKey(kmsMasterKeyId));
      expect(mandatory(findings)).toEqual([
        expect.objectContaining({ message: expect.stringContaining(`BucketServerSideEncryptionConfiguration data-sse: \`rules[0].applyServerSideEncryptionByDefault.kmsMasterKeyId\` is "${kmsMasterKeyId}", an AWS managed key`) }),
      ]);
    });

    it('Noncompliance: the aws/s3 alias inline on a legacy bucket', async () => {
      const bucket = resource(BUCKET, { bucket: 'old', serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: 'alias/aws/s3' } } } });
      expect(mandatory(await evaluate(s3BucketKmsEncryption, [bucket])).map((finding) => finding.urn)).toEqual([bucket.urn]);
    });
  });

  it('Preview: unknown algorithms, rules, blocks and untraced keys are undecided where they sit; nobody is blamed', async () => {
    const inline = resource(BUCKET, { bucket: 'a', serverSideEncryptionConfiguration: UNKNOWN_VALUE });
    const algorithm = resource(SSE, { bucket: 'b', rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: UNKNOWN_VALUE } }] });
    const untracedKey = resource(SSE, { bucket: 'c', rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: UNKNOWN_VALUE } }] });
    const unlinked = resource(SSE_V2, { bucket: UNKNOWN_VALUE, rules: UNKNOWN_VALUE });
    const findings = await evaluate(s3BucketKmsEncryption, [
      inline,
      resource(BUCKET, { bucket: 'b' }),
      algorithm,
      resource(BUCKET, { bucket: 'c' }),
      untracedKey,
      unlinked,
    ]);
    expect(mandatory(findings)).toEqual([]);
    expect(undecided(findings).map((finding) => [finding.urn, finding.property])).toEqual([
      [algorithm.urn, 'rules[0].applyServerSideEncryptionByDefault.sseAlgorithm'],
      [untracedKey.urn, 'rules[0].applyServerSideEncryptionByDefault.kmsMasterKeyId'],
      [unlinked.urn, 'rules'],
      [inline.urn, 'serverSideEncryptionConfiguration.rule.applyServerSideEncryptionByDefault'],
    ]);
  });

  describe('server access log targets (S3 log delivery supports only SSE-S3 destinations)', () => {
    const LOGGING = 'aws:s3/bucketLogging:BucketLogging';
    const LOGGING_V2 = 'aws:s3/bucketLoggingV2:BucketLoggingV2';

    it('Compliance: a log target with AES256 (companion or inline) or with no configuration, its sources with a CMK', async () => {
      const logs = resource(BUCKET, { bucket: 'logs' });
      const legacyLogs = resource(BUCKET, { bucket: 'legacy-logs', serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } } } });
      const plainLogs = resource(BUCKET, { bucket: 'plain-logs' });
      const data = resource(BUCKET, { bucket: 'data' });
      const findings = await evaluate(s3BucketKmsEncryption, [
        logs,
        resource(SSE, { bucket: UNKNOWN_VALUE, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } }] }, { dependsOn: { bucket: [logs] } }),
        legacyLogs,
        plainLogs,
        data,
        resource(SSE, { bucket: 'data', rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: KEY } }] }),
        resource(LOGGING, { bucket: UNKNOWN_VALUE, targetBucket: UNKNOWN_VALUE }, { dependsOn: { bucket: [data], targetBucket: [logs] } }),
        resource(BUCKET, { bucket: 'other', logging: { targetBucket: 'legacy-logs' }, serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: KEY } } } }),
        resource(BUCKET_V2, { bucket: 'third', serverSideEncryptionConfigurations: [{ rules: [{ applyServerSideEncryptionByDefaults: [{ sseAlgorithm: 'aws:kms', kmsMasterKeyId: KEY }] }] }] }),
        resource(LOGGING_V2, { bucket: 'third', targetBucket: 'plain-logs' }),
      ]);
      expect(findings).toEqual([]);
    });

    it('Noncompliance 4: a log target encrypted with SSE-KMS, linked by dependency in a first preview', async () => {
      const logs = resource(BUCKET, { bucket: UNKNOWN_VALUE }, { name: 'logs' });
      const data = resource(BUCKET, { bucket: 'data', serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: KEY } } } });
      const sse = resource(SSE, { bucket: UNKNOWN_VALUE, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: UNKNOWN_VALUE } }] }, { name: 'logs-sse', dependsOn: { bucket: [logs] } });
      const findings = await evaluate(s3BucketKmsEncryption, [
        logs,
        sse,
        data,
        resource(LOGGING, { bucket: 'data', targetBucket: UNKNOWN_VALUE }, { dependsOn: { targetBucket: [logs] } }),
      ]);
      expect(findings).toEqual([
        expect.objectContaining({
          urn: sse.urn,
          enforcement: 'mandatory',
          message: expect.stringContaining('is "aws:kms", but the bucket is a server access log target'),
        }),
      ]);
    });

    it('Noncompliance 5: a legacy inline log target (named by value) with aws:kms:dsse', async () => {
      const logs = resource(BUCKET, { bucket: 'logs', serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms:dsse', kmsMasterKeyId: KEY } } } }, { name: 'logs' });
      const source = resource(BUCKET, { bucket: 'src', logging: { targetBucket: 'logs' }, serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: KEY } } } });
      const findings = await evaluate(s3BucketKmsEncryption, [logs, source]);
      expect(findings).toEqual([expect.objectContaining({ urn: logs.urn, message: expect.stringContaining('"aws:kms:dsse"') })]);
    });

    it('a bucket logging to itself is not a log target (it still needs a CMK)', async () => {
      const loop = resource(BUCKET, { bucket: 'loop', logging: { targetBucket: 'loop' }, serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } } } }, { name: 'loop' });
      const findings = await evaluate(s3BucketKmsEncryption, [loop]);
      expect(findings).toEqual([expect.objectContaining({ urn: loop.urn, message: expect.stringContaining('is "AES256": use "aws:kms"') })]);
    });
  });

  describe('on a program', () => {
    const program = () => {
      const key = new aws.kms.Key('key', { enableKeyRotation: true });
      const good = new aws.s3.Bucket('good');
      new aws.s3.BucketServerSideEncryptionConfiguration('good-sse', {
        bucket: good.id,
        rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: key.arn } }],
      });
      const weak = new aws.s3.Bucket('weak');
      new aws.s3.BucketServerSideEncryptionConfiguration('weak-sse', { bucket: weak.id, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } }] });
    };
    it.each(['preview', 'update'] as const)('gives the same verdict in %s', async (mode) => {
      const findings = await evaluateProgram(s3BucketKmsEncryption, program, { mode });
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({ enforcement: 'mandatory', message: expect.stringContaining('BucketServerSideEncryptionConfiguration weak-sse:') });
    });
  });
});
