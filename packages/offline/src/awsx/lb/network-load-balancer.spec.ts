import * as awsx from '@pulumi/awsx';
import { childrenOf, recordOf, runBothModes, typesAndNames } from '../testing/component-records';

const NLB = 'awsx:lb:NetworkLoadBalancer';

describe('awsx:lb:NetworkLoadBalancer', () => {
  it('with defaults: a network load balancer in the default VPC, a TCP target group and listener on 80, no security group', async () => {
    const { preview, update } = await runBothModes(() => ({ arn: new awsx.lb.NetworkLoadBalancer('edge', {}).loadBalancer.arn }));
    for (const result of [preview, update]) {
      expect(typesAndNames(childrenOf(result, NLB, 'edge'))).toEqual([
        ['aws:lb/loadBalancer:LoadBalancer', 'edge'],
        ['aws:lb/targetGroup:TargetGroup', 'edge'],
        ['aws:lb/listener:Listener', 'edge-0'],
      ]);
      expect(recordOf(result, 'aws:lb/loadBalancer:LoadBalancer', 'edge').inputs).toMatchObject({ loadBalancerType: 'network', enableHttp2: false, idleTimeout: 0 });
      expect(recordOf(result, 'aws:lb/targetGroup:TargetGroup', 'edge').inputs).toMatchObject({ port: 80, protocol: 'TCP' });
      expect(recordOf(result, 'aws:lb/targetGroup:TargetGroup', 'edge').inputs['targetType']).toBeUndefined();
      expect(recordOf(result, 'aws:lb/listener:Listener', 'edge-0').inputs).toMatchObject({ port: 80, protocol: 'TCP' });
    }
    expect(update.outputs['arn']).toMatch(/^arn:aws:elasticloadbalancing:us-east-1:\d{12}:loadbalancer\/net\/edge-[0-9a-f]{7}\//);
  });

  it('with a target group port and TLS listeners', async () => {
    const { update } = await runBothModes(
      () =>
        void new awsx.lb.NetworkLoadBalancer('edge', {
          subnetIds: ['subnet-0a'],
          defaultTargetGroupPort: 8443,
          listeners: [{ port: 443, protocol: 'TLS', certificateArn: 'arn:aws:acm:us-east-1:111122223333:certificate/abc' }, { port: 80 }],
        }),
    );
    expect(recordOf(update, 'aws:lb/targetGroup:TargetGroup', 'edge').inputs).toMatchObject({ port: 8443, protocol: 'TCP' });
    expect(recordOf(update, 'aws:lb/listener:Listener', 'edge-0').inputs).toMatchObject({ port: 443, protocol: 'TLS' });
    expect(recordOf(update, 'aws:lb/listener:Listener', 'edge-1').inputs).toMatchObject({ port: 80, protocol: 'TCP' });
  });
});
