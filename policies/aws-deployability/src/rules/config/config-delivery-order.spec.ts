import { evaluate, mandatory, resource, undecided, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { configDeliveryOrder } from './config-delivery-order';

function stack(statusAfterChannel: boolean) {
  const recorder = resource('aws:cfg/recorder:Recorder', { name: 'account' }, { name: 'account' });
  const channel = resource('aws:cfg/deliveryChannel:DeliveryChannel', { name: 'account' }, { name: 'channel', explicitDependsOn: [recorder] });
  const status = resource('aws:cfg/recorderStatus:RecorderStatus', { name: UNKNOWN_VALUE, isEnabled: true }, { name: 'status', dependsOn: { name: [recorder] }, explicitDependsOn: statusAfterChannel ? [channel] : [] });
  return [recorder, channel, status];
}

describe('config-delivery-order', () => {
  it('Compliance: channel after recorder, status after channel', async () => {
    expect(await evaluate(configDeliveryOrder, stack(true))).toEqual([]);
  });

  it('Noncompliance: the recorder status depends only on the recorder (NoAvailableDeliveryChannelException)', async () => {
    const findings = mandatory(await evaluate(configDeliveryOrder, stack(false)));
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain('Recorder status status does not depend on delivery channel channel');
  });

  it('Preview: links go through dependencies, so unknown names in a first preview give the same verdict', async () => {
    expect(mandatory(await evaluate(configDeliveryOrder, stack(false)))).toHaveLength(1);
  });

  describe('a bucket the rule cannot link', () => {
    function unlinked(channelAfterPolicies: boolean) {
      const recorder = resource('aws:cfg/recorder:Recorder', { name: 'account' }, { name: 'account' });
      const buckets = ['config-a', 'config-b'].map((name) => resource('aws:s3/bucket:Bucket', { bucket: name }, { name }));
      const policies = buckets.map((bucket) => resource('aws:s3/bucketPolicy:BucketPolicy', { bucket: UNKNOWN_VALUE, policy: '{}' }, { name: `${bucket.name}-policy`, dependsOn: { bucket: [bucket] } }));
      const channel = resource('aws:cfg/deliveryChannel:DeliveryChannel', { name: 'account', s3BucketName: UNKNOWN_VALUE }, { name: 'channel', explicitDependsOn: [recorder, ...(channelAfterPolicies ? policies : [])] });
      return [recorder, ...buckets, ...policies, channel];
    }

    it('Preview: a channel whose bucket no dependency names, not ordered after the bucket policies, is undecided on s3BucketName', async () => {
      const findings = await evaluate(configDeliveryOrder, unlinked(false));
      expect(mandatory(findings)).toEqual([]);
      expect(undecided(findings).map((finding) => [finding.property, finding.message])).toEqual([['s3BucketName', expect.stringContaining('does not depend on config-a-policy, config-b-policy')]]);
    });

    it('Compliance: ordered after every bucket policy, the channel waits for its own whichever it is', async () => {
      expect(await evaluate(configDeliveryOrder, unlinked(true))).toEqual([]);
    });
  });
});
