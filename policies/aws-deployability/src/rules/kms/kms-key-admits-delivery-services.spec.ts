import { evaluate, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { ACCOUNT, keyPolicy, serviceStatement } from '../../testing/key-policies';
import { kmsKeyAdmitsDeliveryServices } from './kms-key-admits-delivery-services';

const configStatement = serviceStatement('config.amazonaws.com', ['kms:Decrypt', 'kms:GenerateDataKey*'], { StringEquals: { 'aws:SourceAccount': ACCOUNT } });
const deliveryStatement = serviceStatement('delivery.logs.amazonaws.com', ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'], { StringEquals: { 'aws:SourceAccount': ACCOUNT } });

function configStack(policy: unknown) {
  const key = resource('aws:kms/key:Key', { policy }, { name: 'config' });
  const bucket = resource('aws:s3/bucket:Bucket', { bucket: 'config-history' });
  const channel = resource('aws:cfg/deliveryChannel:DeliveryChannel', { s3BucketName: UNKNOWN_VALUE, s3KmsKeyArn: UNKNOWN_VALUE }, { name: 'account', dependsOn: { s3BucketName: [bucket], s3KmsKeyArn: [key] } });
  return [key, bucket, channel];
}

function flowLogStack(policy: unknown) {
  const key = resource('aws:kms/key:Key', { policy }, { name: 'flow-logs' });
  const bucket = resource('aws:s3/bucket:Bucket', { bucket: 'flow-logs' });
  const encryption = resource(
    'aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration',
    { bucket: 'flow-logs', rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: UNKNOWN_VALUE } }] },
    { dependsOn: { bucket: [bucket], rules: [key] } },
  );
  const flowLog = resource('aws:ec2/flowLog:FlowLog', { logDestinationType: 's3', logDestination: UNKNOWN_VALUE, trafficType: 'ALL' }, { name: 'vpc', dependsOn: { logDestination: [bucket] } });
  return [key, bucket, encryption, flowLog];
}

describe('kms-key-admits-delivery-services', () => {
  it('Compliance: Config and the log delivery service admitted for this account', async () => {
    expect(await evaluate(kmsKeyAdmitsDeliveryServices, configStack(keyPolicy(configStatement)))).toEqual([]);
    expect(await evaluate(kmsKeyAdmitsDeliveryServices, flowLogStack(keyPolicy(deliveryStatement)))).toEqual([]);
  });

  it('Noncompliance: keys that trust only the account root (Config and flow logs deliver nothing)', async () => {
    expect(mandatory(await evaluate(kmsKeyAdmitsDeliveryServices, configStack(keyPolicy())))[0]?.message).toContain('config.amazonaws.com calling kms:Decrypt, kms:GenerateDataKey');
    expect(mandatory(await evaluate(kmsKeyAdmitsDeliveryServices, flowLogStack(keyPolicy())))[0]?.message).toContain('delivery.logs.amazonaws.com calling kms:Encrypt');
  });

  it('Preview: an unknown key policy is undecided', async () => {
    expect(undecided(await evaluate(kmsKeyAdmitsDeliveryServices, configStack(UNKNOWN_VALUE)))).toHaveLength(1);
  });

  describe('a delivery bucket the rule cannot link', () => {
    it('Preview: a flow log bucket no dependency ties to a bucket of the stack is undecided on logDestination', async () => {
      const [key, bucket, encryption] = flowLogStack(keyPolicy());
      const flowLog = resource('aws:ec2/flowLog:FlowLog', { logDestinationType: 's3', logDestination: UNKNOWN_VALUE, trafficType: 'ALL' }, { name: 'vpc' });
      const findings = await evaluate(kmsKeyAdmitsDeliveryServices, [key, bucket, encryption, flowLog] as never);
      expect(mandatory(findings)).toEqual([]);
      expect(undecided(findings).map((finding) => [finding.property, finding.message])).toEqual([['logDestination', expect.stringContaining('no dependency ties it to a bucket of the stack')]]);
    });

    it('Preview: a Config channel bucket (no explicit key) no dependency ties to a bucket is undecided on s3BucketName', async () => {
      const channel = resource('aws:cfg/deliveryChannel:DeliveryChannel', { s3BucketName: UNKNOWN_VALUE }, { name: 'account' });
      const findings = await evaluate(kmsKeyAdmitsDeliveryServices, [resource('aws:s3/bucket:Bucket', { bucket: 'config-history' }), channel]);
      expect(undecided(findings).map((finding) => finding.property)).toEqual(['s3BucketName']);
    });

    it('Preview: an encryption configuration whose bucket is unlinked may be the flow log bucket\'s: undecided, not "SSE-S3"', async () => {
      const [key, bucket, , flowLog] = flowLogStack(keyPolicy());
      const encryption = resource(
        'aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration',
        { bucket: UNKNOWN_VALUE, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: UNKNOWN_VALUE } }] },
        { dependsOn: { rules: [key as never] } },
      );
      const findings = await evaluate(kmsKeyAdmitsDeliveryServices, [key, bucket, encryption, flowLog] as never);
      expect(mandatory(findings)).toEqual([]);
      expect(undecided(findings).map((finding) => finding.property)).toEqual(['logDestination']);
    });
  });
});
