/**
 * `awsx:lb:NetworkLoadBalancer`: an `aws:lb/loadBalancer:LoadBalancer` of type `network` (HTTP/2 off, idle
 * timeout 0, as NLBs require), a default TCP target group on port 80 (or `defaultTargetGroupPort`) and TCP
 * listeners on port 80 forwarding to it, all under the component. No security group.
 */
import { type ComponentBuilder } from '../component-builder';
import { type ComponentInputs } from '../component-inputs';
import { type ComponentModel, type ComponentOutputs } from '../component-model';
import { ComponentArgumentError } from '../model-errors';
import { buildListeners, loadBalancerArguments } from './application-load-balancer';
import { loadBalancerNetwork } from './load-balancer-network';

function expandNetworkLoadBalancer(build: ComponentBuilder, inputs: ComponentInputs): ComponentOutputs {
  const name = build.component.name;
  const network = loadBalancerNetwork(build, inputs);
  if (inputs.has('listener') && inputs.has('listeners')) throw new ComponentArgumentError('Only one of [listener] and [listeners] can be specified');
  const loadBalancer = build.child('aws:lb/loadBalancer:LoadBalancer', name, {
    ...loadBalancerArguments(inputs),
    subnets: network.subnets,
    loadBalancerType: 'network',
    enableHttp2: false,
    idleTimeout: 0,
  });
  if (inputs.has('defaultTargetGroup') && inputs.has('defaultTargetGroupPort')) {
    throw new ComponentArgumentError('Only one of `defaultTargetGroup` or `defaultTargetGroupPort` can be provided.');
  }
  const defaultTargetGroup = build.child('aws:lb/targetGroup:TargetGroup', name, {
    vpcId: network.vpcId,
    protocol: 'TCP',
    port: inputs.value('defaultTargetGroupPort') ?? 80,
    ...inputs.entries('defaultTargetGroup'),
  });
  const listeners = buildListeners(build, inputs, loadBalancer, defaultTargetGroup, () => ({ protocol: 'TCP', port: 80 }));
  return { loadBalancer, defaultTargetGroup, listeners, vpcId: network.vpcId };
}

export const networkLoadBalancerModel: ComponentModel = {
  type: 'awsx:lb:NetworkLoadBalancer',
  expand: expandNetworkLoadBalancer,
};
