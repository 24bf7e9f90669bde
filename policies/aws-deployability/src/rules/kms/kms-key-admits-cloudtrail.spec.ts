import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { evaluate, evaluateProgram, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { ACCOUNT, keyPolicy, serviceStatement } from '../../testing/key-policies';
import { kmsKeyAdmitsCloudtrail } from './kms-key-admits-cloudtrail';

const TRAIL_ARN = `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/audit`;
const provider = resource('pulumi:providers:aws', { region: 'us-east-1' }, { name: 'use1' });
const encrypt = serviceStatement('cloudtrail.amazonaws.com', 'kms:GenerateDataKey*', {
  StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': `arn:aws:cloudtrail:*:${ACCOUNT}:trail/*` },
  StringEquals: { 'aws:SourceArn': TRAIL_ARN },
});
const describeKey = serviceStatement('cloudtrail.amazonaws.com', 'kms:DescribeKey', { StringEquals: { 'aws:SourceArn': TRAIL_ARN } });
const decrypt = serviceStatement('cloudtrail.amazonaws.com', 'kms:Decrypt', { StringEquals: { 'aws:SourceArn': TRAIL_ARN } });

function stack(policy: unknown, options: { bucketKey?: boolean } = {}) {
  const key = resource('aws:kms/key:Key', { policy }, { name: 'trail-key', provider });
  const bucket = resource('aws:s3/bucket:Bucket', { bucket: 'trail-logs' }, { name: 'trail-logs', provider });
  const encryption = resource(
    'aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration',
    { bucket: 'trail-logs', rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: UNKNOWN_VALUE }, bucketKeyEnabled: options.bucketKey ?? false }] },
    { dependsOn: { bucket: [bucket], rules: [key] }, provider },
  );
  const trail = resource('aws:cloudtrail/trail:Trail', { name: 'audit', s3BucketName: 'trail-logs', kmsKeyId: UNKNOWN_VALUE }, { name: 'audit', dependsOn: { kmsKeyId: [key], s3BucketName: [bucket] }, provider });
  return [provider, key, bucket, encryption, trail];
}

describe('kms-key-admits-cloudtrail', () => {
  it('Compliance: encrypt under the encryption context, DescribeKey and Decrypt on aws:SourceArn only (the CloudTrail guide)', async () => {
    expect(await evaluate(kmsKeyAdmitsCloudtrail, stack(keyPolicy(encrypt, describeKey, decrypt), { bucketKey: true }))).toEqual([]);
    // Without a Bucket Key, Decrypt is not needed.
    expect(await evaluate(kmsKeyAdmitsCloudtrail, stack(keyPolicy(encrypt, describeKey)))).toEqual([]);
  });

  it('Noncompliance 1: the key policy does not name cloudtrail.amazonaws.com (CreateTrail: InsufficientEncryptionPolicyException)', async () => {
    const findings = mandatory(await evaluate(kmsKeyAdmitsCloudtrail, stack(keyPolicy())));
    expect(findings).toHaveLength(1);
    expect(findings[0]?.urn).toMatch(/Trail::audit$/);
    expect(findings[0]?.message).toContain('cloudtrail.amazonaws.com calling kms:GenerateDataKey');
    expect(findings[0]?.message).toContain('InsufficientEncryptionPolicyException');
  });

  it('Noncompliance 2: DescribeKey sits under the encryption-context condition, which DescribeKey requests never carry', async () => {
    const together = serviceStatement('cloudtrail.amazonaws.com', ['kms:GenerateDataKey*', 'kms:DescribeKey'], {
      StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': `arn:aws:cloudtrail:*:${ACCOUNT}:trail/*` },
    });
    const findings = mandatory(await evaluate(kmsKeyAdmitsCloudtrail, stack(keyPolicy(together))));
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain('calling kms:DescribeKey');
    expect(findings[0]?.message).not.toContain('calling kms:GenerateDataKey');
  });

  it('Noncompliance 3: the bucket has an S3 Bucket Key and the key policy grants CloudTrail no kms:Decrypt', async () => {
    const findings = mandatory(await evaluate(kmsKeyAdmitsCloudtrail, stack(keyPolicy(encrypt, describeKey), { bucketKey: true })));
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain('calling kms:Decrypt');
  });

  it('Noncompliance 4: a statement tied to another trail (aws:SourceArn) does not admit this one', async () => {
    const other = serviceStatement('cloudtrail.amazonaws.com', ['kms:GenerateDataKey*', 'kms:DescribeKey'], {
      StringEquals: { 'aws:SourceArn': `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/other` },
    });
    expect(mandatory(await evaluate(kmsKeyAdmitsCloudtrail, stack(keyPolicy(other))))).toHaveLength(1);
  });

  it('Preview: a key policy unknown until apply gives an undecided finding, not a pass', async () => {
    const findings = await evaluate(kmsKeyAdmitsCloudtrail, stack(UNKNOWN_VALUE));
    expect(mandatory(findings)).toEqual([]);
    expect(undecided(findings).map((finding) => finding.property)).toEqual(['kmsKeyId']);
  });

  describe('on a real program, in both modes', () => {
    function program(withCloudTrail: boolean) {
      return () => {
        const identity = aws.getCallerIdentityOutput({});
        const trailArn = pulumi.interpolate`arn:aws:cloudtrail:us-east-1:${identity.accountId}:trail/audit`;
        const statements = pulumi.all([identity.accountId, trailArn]).apply(([account, arn]) => [
          { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'kms:*', Resource: '*' },
          ...(withCloudTrail
            ? [
                serviceStatement('cloudtrail.amazonaws.com', 'kms:GenerateDataKey*', {
                  StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': `arn:aws:cloudtrail:*:${account}:trail/*` },
                }),
                serviceStatement('cloudtrail.amazonaws.com', 'kms:DescribeKey', { StringEquals: { 'aws:SourceArn': arn } }),
              ]
            : []),
        ]);
        const key = new aws.kms.Key('trail', { policy: pulumi.jsonStringify({ Version: '2012-10-17', Statement: statements }) });
        const bucket = new aws.s3.Bucket('trail-logs', {});
        new aws.cloudtrail.Trail('audit', { name: 'audit', s3BucketName: bucket.bucket, kmsKeyId: key.arn });
      };
    }
    const stackConfig = { 'aws:region': 'us-east-1' };

    it.each(['preview', 'update'] as const)('Compliance (%s)', async (mode) => {
      expect(mandatory(await evaluateProgram(kmsKeyAdmitsCloudtrail, program(true), { mode, stackConfig }))).toEqual([]);
    });

    it.each(['preview', 'update'] as const)('Noncompliance (%s): no cloudtrail.amazonaws.com in the key policy', async (mode) => {
      const findings = mandatory(await evaluateProgram(kmsKeyAdmitsCloudtrail, program(false), { mode, stackConfig }));
      expect(findings.map((finding) => finding.policy)).toEqual(['kms-key-admits-cloudtrail']);
    });
  });

  describe('a trail bucket the rule cannot link', () => {

    it('Preview: the bucket may use a Bucket Key, so a key without kms:Decrypt is undecided, not a violation', async () => {
      const [, key, bucket, encryption] = stack(keyPolicy(encrypt, describeKey));
      const trail = resource('aws:cloudtrail/trail:Trail', { name: 'audit', s3BucketName: UNKNOWN_VALUE, kmsKeyId: UNKNOWN_VALUE }, { name: 'audit', dependsOn: { kmsKeyId: [key as never] }, provider });
      const findings = await evaluate(kmsKeyAdmitsCloudtrail, [provider, key, bucket, encryption, trail] as never);
      expect(mandatory(findings)).toEqual([]);
      expect(undecided(findings).map((finding) => finding.property)).toEqual(['kmsKeyId']);
    });

    it('Compliance: a key that also allows kms:Decrypt is decided whichever bucket it is', async () => {
      const [, key, bucket, encryption] = stack(keyPolicy(encrypt, describeKey, decrypt));
      const trail = resource('aws:cloudtrail/trail:Trail', { name: 'audit', s3BucketName: UNKNOWN_VALUE, kmsKeyId: UNKNOWN_VALUE }, { name: 'audit', dependsOn: { kmsKeyId: [key as never] }, provider });
      expect(await evaluate(kmsKeyAdmitsCloudtrail, [provider, key, bucket, encryption, trail] as never)).toEqual([]);
    });
  });
});
