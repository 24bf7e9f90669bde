import { evaluate, mandatory, resource, UNKNOWN_VALUE } from '@bulwark/policy-kit/testing';
import { configDeliveryOrder } from './config-delivery-order';

function stack(statusAfterChannel: boolean) {
  const recorder = resource('aws:cfg/recorder:Recorder', { name: 'account' }, { name: 'account' });
  const channel = resource('aws:cfg/deliveryChannel:DeliveryChannel', { name: 'account' }, { name: 'channel', dependsOn: { __dependsOn: [recorder] } });
  const status = resource('aws:cfg/recorderStatus:RecorderStatus', { name: UNKNOWN_VALUE, isEnabled: true }, { name: 'status', dependsOn: { name: [recorder], ...(statusAfterChannel ? { __dependsOn: [channel] } : {}) } });
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
});
