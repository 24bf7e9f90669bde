import { evaluate, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { ACCOUNT, keyPolicy } from '../../testing/key-policies';
import { configDeliveryBucketPolicy } from './config-delivery-bucket-policy';

const provider = resource('pulumi:providers:aws', { region: 'eu-west-1' }, { name: 'euw1' });
const check = { Effect: 'Allow', Principal: { Service: 'config.amazonaws.com' }, Action: ['s3:GetBucketAcl', 's3:ListBucket'], Resource: 'arn:aws:s3:::config-history', Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT } } };
const deliver = (path: string) => ({
  Effect: 'Allow',
  Principal: { Service: 'config.amazonaws.com' },
  Action: 's3:PutObject',
  Resource: `arn:aws:s3:::config-history/${path}`,
  Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT, 's3:x-amz-acl': 'bucket-owner-full-control' } },
});

function stack(policy: unknown, serviceLinked = true, bucketName: unknown = 'config-history') {
  const key = resource('aws:kms/key:Key', { policy: keyPolicy() }, { provider });
  const role = resource('aws:iam/serviceLinkedRole:ServiceLinkedRole', { awsServiceName: serviceLinked ? 'config.amazonaws.com' : 'other.amazonaws.com' }, { provider });
  const recorder = resource('aws:cfg/recorder:Recorder', { roleArn: UNKNOWN_VALUE }, { dependsOn: { roleArn: [role] }, provider });
  const bucket = resource('aws:s3/bucket:Bucket', { bucket: bucketName }, { name: 'config-history', provider });
  const bucketPolicy = resource('aws:s3/bucketPolicy:BucketPolicy', { bucket: 'config-history', policy }, { dependsOn: { bucket: [bucket] }, provider });
  const channel = resource('aws:cfg/deliveryChannel:DeliveryChannel', { s3BucketName: UNKNOWN_VALUE }, { name: 'account', dependsOn: { s3BucketName: [bucket] }, provider });
  return [provider, key, role, recorder, bucket, bucketPolicy, channel];
}
const policy = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });

describe('config-delivery-bucket-policy', () => {
  it("Compliance: the Config guide's statements for the service-linked role", async () => {
    expect(await evaluate(configDeliveryBucketPolicy, stack(policy(check, deliver(`AWSLogs/${ACCOUNT}/Config/*`))))).toEqual([]);
  });

  it('Compliance: a recorder on a custom role is not judged (it writes with its own permissions)', async () => {
    expect(await evaluate(configDeliveryBucketPolicy, stack(policy(), false))).toEqual([]);
  });

  it('Noncompliance: PutObject granted outside AWSLogs/<account>/Config (InsufficientDeliveryPolicyException)', async () => {
    const findings = mandatory(await evaluate(configDeliveryBucketPolicy, stack(policy(check, deliver('config/*')))));
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain('config.amazonaws.com calling s3:PutObject');
  });

  it('Preview: an unknown bucket policy is undecided', async () => {
    expect(undecided(await evaluate(configDeliveryBucketPolicy, stack(UNKNOWN_VALUE)))).toHaveLength(1);
  });

  it('Preview: a bucket whose name is unknown until apply is undecided on the bucket name, not skipped', async () => {
    const findings = await evaluate(configDeliveryBucketPolicy, stack(policy(check), true, UNKNOWN_VALUE));
    expect(mandatory(findings)).toEqual([]);
    expect(undecided(findings).map((finding) => finding.message)).toEqual([expect.stringContaining('the name of bucket config-history is not known')]);
  });

  describe('a bucket or role the rule cannot link', () => {
    it('Preview: a channel bucket name no dependency ties to a bucket of the stack is undecided on s3BucketName', async () => {
      const [, key, role, recorder, bucket] = stack(policy(check, deliver(`AWSLogs/${ACCOUNT}/Config/*`)));
      const channel = resource('aws:cfg/deliveryChannel:DeliveryChannel', { s3BucketName: UNKNOWN_VALUE }, { name: 'account', provider });
      const findings = await evaluate(configDeliveryBucketPolicy, [provider, key, role, recorder, bucket, channel] as never);
      expect(mandatory(findings)).toEqual([]);
      expect(undecided(findings).map((finding) => [finding.property, finding.message])).toEqual([['s3BucketName', expect.stringContaining('no dependency ties it to a bucket of the stack')]]);
    });

    it('Preview: a recorder role no dependency ties to a role of the stack may be the service-linked role: undecided on roleArn', async () => {
      const [, key, , , bucket, bucketPolicy, channel] = stack(policy());
      const recorder = resource('aws:cfg/recorder:Recorder', { roleArn: UNKNOWN_VALUE }, { name: 'recorder', provider });
      const findings = await evaluate(configDeliveryBucketPolicy, [provider, key, recorder, bucket, bucketPolicy, channel] as never);
      expect(mandatory(findings)).toEqual([]);
      expect(undecided(findings).map((finding) => [finding.urn, finding.property])).toEqual([[recorder.urn, 'roleArn']]);
    });

    it('A recorder on a custom role of the stack is decided: the role is not the service-linked one', async () => {
      const [, key, , , bucket, bucketPolicy, channel] = stack(policy());
      const custom = resource('aws:iam/role:Role', { name: 'config' }, { provider });
      const recorder = resource('aws:cfg/recorder:Recorder', { roleArn: UNKNOWN_VALUE }, { name: 'recorder', dependsOn: { roleArn: [custom] }, provider });
      expect(await evaluate(configDeliveryBucketPolicy, [provider, key, custom, recorder, bucket, bucketPolicy, channel] as never)).toEqual([]);
    });
  });
});
