/**
 * `awsx:lb:ApplicationLoadBalancer`: an `aws:lb/loadBalancer:LoadBalancer` of type `application`, a default
 * security group unless the program gives `securityGroups` or skips it (the provider's default admits every
 * protocol and port from 0.0.0.0/0 and ::/0, and lets TCP out on every port), a default target group (type `ip`)
 * and listeners forwarding to it (one on port 80, HTTP, unless `listener` or `listeners` say otherwise), all
 * under the component.
 */
import { type ComponentBuilder, type ModelValue, type ResourceHandle } from '../component-builder';
import { type ComponentInputs, type InputPath } from '../component-inputs';
import { type ComponentModel, type ComponentOutputs } from '../component-model';
import { ComponentArgumentError } from '../model-errors';
import { derive, type TracedValue } from '../traced-value';
import { loadBalancerNetwork } from './load-balancer-network';

/** The component arguments that are not load balancer arguments (the rest is passed to the load balancer). */
const OWN_ARGUMENTS = ['subnetIds', 'subnets', 'defaultTargetGroup', 'defaultTargetGroupPort', 'defaultSecurityGroup', 'listener', 'listeners'];

/** The provider's default security group: everything in, TCP out (its own TODO says it should be reviewed). */
const OPEN_SECURITY_GROUP = {
  ingress: [{ fromPort: 0, toPort: 0, protocol: '-1', cidrBlocks: ['0.0.0.0/0'], ipv6CidrBlocks: ['::/0'] }],
  egress: [{ fromPort: 0, toPort: 65535, protocol: 'tcp', cidrBlocks: ['0.0.0.0/0'], ipv6CidrBlocks: ['::/0'] }],
};

type PortAndProtocol = { port: ModelValue; protocol: ModelValue } | undefined;

/** A listener's port and protocol, each filled in from the other (443 is HTTPS), else port 80 HTTP. */
function listenerProtocol(inputs: ComponentInputs, listener: InputPath | undefined, defaultPort?: TracedValue): PortAndProtocol {
  if (listener && inputs.isTruthy(...listener)) {
    const port = inputs.value(...listener, 'port');
    const protocol = inputs.value(...listener, 'protocol');
    if (inputs.isTruthy(...listener, 'port') && inputs.isTruthy(...listener, 'protocol')) return { port, protocol };
    if (inputs.isTruthy(...listener, 'port')) {
      return { port, protocol: protocol ?? derive([port], (value) => (value === 443 ? 'HTTPS' : 'HTTP')) };
    }
    if (inputs.isTruthy(...listener, 'protocol')) return { protocol, port: derive([protocol], (value) => (value === 'HTTPS' ? 443 : 80)) };
  }
  return { port: defaultPort ?? 80, protocol: 'HTTP' };
}

/**
 * The port and protocol of the default target group and single listener. The provider's test is inverted: with
 * exactly one of `listeners` there is none (the target group gets no port or protocol), with several it takes
 * the first one's.
 */
function defaultProtocol(inputs: ComponentInputs): PortAndProtocol {
  let listener: InputPath | undefined = inputs.has('listener') ? ['listener'] : undefined;
  if (inputs.has('listeners')) {
    if (inputs.decideLength('listeners') === 1) return undefined;
    listener = ['listeners', 0];
  }
  return listenerProtocol(inputs, listener, inputs.value('defaultTargetGroupPort'));
}

/** The listeners, named `<name>-<index>`, each forwarding to the default target group. */
export function buildListeners(
  build: ComponentBuilder,
  inputs: ComponentInputs,
  loadBalancer: ResourceHandle,
  targetGroup: ResourceHandle,
  defaults: (listener: InputPath | undefined) => Record<string, ModelValue>,
): ResourceHandle[] {
  const name = build.component.name;
  const defaultActions = [{ type: 'forward', targetGroupArn: targetGroup.output('arn') }];
  const listener = (index: number, path: InputPath | undefined) =>
    build.child('aws:lb/listener:Listener', `${name}-${index}`, {
      defaultActions,
      ...defaults(path),
      ...(path ? inputs.entries(...path) : {}),
      loadBalancerArn: loadBalancer.output('arn'),
    });
  if (inputs.has('listener')) return [listener(0, ['listener'])];
  if (inputs.has('listeners')) return Array.from({ length: inputs.decideLength('listeners') }, (_unused, index) => listener(index, ['listeners', index]));
  return [listener(0, undefined)];
}

/** The load balancer's own arguments: everything but the component's. */
export function loadBalancerArguments(inputs: ComponentInputs): Record<string, ModelValue> {
  const values: Record<string, ModelValue> = inputs.values();
  for (const key of OWN_ARGUMENTS) delete values[key];
  return values;
}

function expandApplicationLoadBalancer(build: ComponentBuilder, inputs: ComponentInputs): ComponentOutputs {
  const name = build.component.name;
  const network = loadBalancerNetwork(build, inputs);
  if (inputs.has('listener') && inputs.has('listeners')) throw new ComponentArgumentError('Only one of [listener] and [listeners] can be specified');
  const lbArgs = loadBalancerArguments(inputs);
  let defaultSecurityGroup: ResourceHandle | undefined;
  if (!inputs.isTruthy('securityGroups') && !inputs.decide('defaultSecurityGroup', 'skip')) {
    if (inputs.isTruthy('defaultSecurityGroup', 'args') && inputs.isTruthy('defaultSecurityGroup', 'securityGroupId')) {
      throw new ComponentArgumentError('Only one of [defaultSecurityGroup] [args] or [securityGroupId] can be specified');
    }
    if (inputs.isTruthy('defaultSecurityGroup', 'securityGroupId')) {
      lbArgs['securityGroups'] = [inputs.value('defaultSecurityGroup', 'securityGroupId')];
    } else {
      const securityGroupArgs = inputs.isTruthy('defaultSecurityGroup', 'args')
        ? inputs.entries('defaultSecurityGroup', 'args')
        : { vpcId: network.vpcId, ...OPEN_SECURITY_GROUP };
      defaultSecurityGroup = build.child('aws:ec2/securityGroup:SecurityGroup', name, securityGroupArgs);
      lbArgs['securityGroups'] = [defaultSecurityGroup.id];
    }
  }
  const loadBalancer = build.child('aws:lb/loadBalancer:LoadBalancer', name, {
    ...lbArgs,
    subnets: network.subnets,
    loadBalancerType: 'application',
  });
  if (inputs.has('defaultTargetGroup') && inputs.has('defaultTargetGroupPort')) {
    throw new ComponentArgumentError('Only one of `defaultTargetGroup` or `defaultTargetGroupPort` can be provided.');
  }
  const protocol = defaultProtocol(inputs);
  const defaultTargetGroup = build.child('aws:lb/targetGroup:TargetGroup', name, {
    vpcId: network.vpcId,
    targetType: 'ip',
    ...protocol,
    ...inputs.entries('defaultTargetGroup'),
  });
  const listeners = buildListeners(build, inputs, loadBalancer, defaultTargetGroup, (path) =>
    path?.[0] === 'listeners' ? { ...listenerProtocol(inputs, path) } : { ...protocol },
  );
  return {
    loadBalancer,
    defaultTargetGroup,
    listeners,
    ...(defaultSecurityGroup ? { defaultSecurityGroup } : {}),
    vpcId: network.vpcId,
  };
}

export const applicationLoadBalancerModel: ComponentModel = {
  type: 'awsx:lb:ApplicationLoadBalancer',
  expand: expandApplicationLoadBalancer,
};
