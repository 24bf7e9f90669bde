import { evaluate, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { ACCOUNT, keyPolicy } from '../../testing/key-policies';
import { cloudtrailBucketPolicy } from './cloudtrail-bucket-policy';

const TRAIL_ARN = `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/audit`;
const provider = resource('pulumi:providers:aws', { region: 'us-east-1' }, { name: 'use1' });
const aclCheck = { Sid: 'AWSCloudTrailAclCheck', Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:GetBucketAcl', Resource: 'arn:aws:s3:::trail-logs', Condition: { StringEquals: { 'aws:SourceArn': TRAIL_ARN } } };
const write = (resource: string, sourceArn = TRAIL_ARN) => ({
  Sid: 'AWSCloudTrailWrite',
  Effect: 'Allow',
  Principal: { Service: 'cloudtrail.amazonaws.com' },
  Action: 's3:PutObject',
  Resource: resource,
  Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceArn': sourceArn } },
});
const tlsOnly = { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: ['arn:aws:s3:::trail-logs', 'arn:aws:s3:::trail-logs/*'], Condition: { Bool: { 'aws:SecureTransport': 'false' } } };

function stack(policy: unknown, prefix?: string, bucketName: unknown = 'trail-logs') {
  const key = resource('aws:kms/key:Key', { policy: keyPolicy() }, { provider });
  const bucket = resource('aws:s3/bucket:Bucket', { bucket: bucketName }, { name: 'trail-logs', provider });
  const bucketPolicy = resource('aws:s3/bucketPolicy:BucketPolicy', { bucket: 'trail-logs', policy }, { dependsOn: { bucket: [bucket] }, provider });
  const trail = resource('aws:cloudtrail/trail:Trail', { name: 'audit', s3BucketName: UNKNOWN_VALUE, ...(prefix ? { s3KeyPrefix: prefix } : {}) }, { name: 'audit', dependsOn: { s3BucketName: [bucket] }, provider });
  return [provider, key, bucket, bucketPolicy, trail];
}
const policy = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: [tlsOnly, ...statements] });

describe('cloudtrail-bucket-policy', () => {
  it("Compliance: the CloudTrail guide's statements, scoped to this trail; with a key prefix", async () => {
    expect(await evaluate(cloudtrailBucketPolicy, stack(policy(aclCheck, write(`arn:aws:s3:::trail-logs/AWSLogs/${ACCOUNT}/*`))))).toEqual([]);
    expect(await evaluate(cloudtrailBucketPolicy, stack(policy(aclCheck, write(`arn:aws:s3:::trail-logs/audit/AWSLogs/${ACCOUNT}/*`)), 'audit'))).toEqual([]);
  });

  it('Noncompliance 1: no GetBucketAcl statement (InsufficientS3BucketPolicyException)', async () => {
    const findings = mandatory(await evaluate(cloudtrailBucketPolicy, stack(policy(write(`arn:aws:s3:::trail-logs/AWSLogs/${ACCOUNT}/*`)))));
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain('calling s3:GetBucketAcl');
  });

  it('Noncompliance 2: PutObject on a path without the key prefix the trail writes under', async () => {
    const findings = mandatory(await evaluate(cloudtrailBucketPolicy, stack(policy(aclCheck, write(`arn:aws:s3:::trail-logs/AWSLogs/${ACCOUNT}/*`)), 'audit')));
    expect(findings[0]?.message).toContain('calling s3:PutObject on arn:aws:s3:::trail-logs/audit/AWSLogs');
  });

  it('Noncompliance 3: statements scoped to another trail', async () => {
    const other = `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/other`;
    expect(mandatory(await evaluate(cloudtrailBucketPolicy, stack(policy({ ...aclCheck, Condition: { StringEquals: { 'aws:SourceArn': other } } }, write(`arn:aws:s3:::trail-logs/AWSLogs/${ACCOUNT}/*`, other)))))).toHaveLength(1);
  });

  it('Preview: a bucket policy unknown until apply is undecided', async () => {
    const findings = await evaluate(cloudtrailBucketPolicy, stack(UNKNOWN_VALUE));
    expect(mandatory(findings)).toEqual([]);
    expect(undecided(findings)).toHaveLength(1);
  });

  it('Preview: a bucket whose name is unknown until apply is undecided on the bucket name, not skipped', async () => {
    const findings = await evaluate(cloudtrailBucketPolicy, stack(policy(aclCheck, write(`arn:aws:s3:::trail-logs/AWSLogs/${ACCOUNT}/*`)), undefined, UNKNOWN_VALUE));
    expect(mandatory(findings)).toEqual([]);
    expect(undecided(findings).map((finding) => finding.message)).toEqual([expect.stringContaining('the name of bucket trail-logs is not known')]);
  });

  it('Preview: a bucket name tied to no bucket of the stack (no dependency) is undecided on s3BucketName, neither a pass nor a violation', async () => {
    const bucket = resource('aws:s3/bucket:Bucket', { bucket: 'trail-logs' }, { name: 'trail-logs', provider });
    const trail = resource('aws:cloudtrail/trail:Trail', { name: 'audit', s3BucketName: UNKNOWN_VALUE }, { name: 'audit', provider });
    const findings = await evaluate(cloudtrailBucketPolicy, [provider, resource('aws:kms/key:Key', { policy: keyPolicy() }, { provider }), bucket, trail]);
    expect(mandatory(findings)).toEqual([]);
    expect(undecided(findings).map((finding) => [finding.property, finding.message])).toEqual([['s3BucketName', expect.stringContaining('no dependency ties it to a bucket of the stack')]]);
  });

  it('Preview: a bucket policy whose bucket is unlinked may be the trail bucket\'s, so a bucket without another policy is undecided, not refused', async () => {
    const key = resource('aws:kms/key:Key', { policy: keyPolicy() }, { provider });
    const bucket = resource('aws:s3/bucket:Bucket', { bucket: 'trail-logs' }, { name: 'trail-logs', provider });
    const somebodys = resource('aws:s3/bucketPolicy:BucketPolicy', { bucket: UNKNOWN_VALUE, policy: policy(aclCheck, write(`arn:aws:s3:::trail-logs/AWSLogs/${ACCOUNT}/*`)) }, { provider });
    const trail = resource('aws:cloudtrail/trail:Trail', { name: 'audit', s3BucketName: UNKNOWN_VALUE }, { name: 'audit', dependsOn: { s3BucketName: [bucket] }, provider });
    const findings = await evaluate(cloudtrailBucketPolicy, [provider, key, bucket, somebodys, trail]);
    expect(mandatory(findings)).toEqual([]);
    expect(undecided(findings)).toHaveLength(1);
  });
});
