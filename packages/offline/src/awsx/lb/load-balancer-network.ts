/**
 * Where an awsx load balancer goes: the subnets it is given (as `subnets` resources, `subnetIds` or
 * `subnetMappings`), else the default VPC's public subnets; and the VPC those lie in, which its target group (and
 * an ALB's security group) is created in. The provider finds that VPC by looking up the first subnet.
 */
import { UnsupportedInvokeError } from '../../aws/invokes';
import { UNKNOWN } from '../../types';
import { type ComponentBuilder, type ModelValue } from '../component-builder';
import { type ComponentInputs } from '../component-inputs';
import { ComponentArgumentError, UndecidableInputError } from '../model-errors';
import { lookupDefaultVpc } from '../ec2/default-vpc';
import { derive, TracedValue } from '../traced-value';

export interface LoadBalancerNetwork {
  /** The load balancer's `subnets` input (undefined when it is placed by `subnetMappings`). */
  readonly subnets: ModelValue;
  /** The VPC id the component reports and its target group uses. */
  readonly vpcId: TracedValue;
}

/**
 * The VPC of a subnet given by id, as `aws.ec2.getSubnet` answers: from this run's records or the default VPC.
 * A subnet the run did not create (an id from config or a stack reference) cannot be looked up offline, so its
 * VPC is unknown, in both modes.
 */
function vpcOfSubnet(build: ComponentBuilder, subnetId: TracedValue): TracedValue {
  return derive([subnetId], (id) => {
    try {
      return build.invoke('aws:ec2/getSubnet:getSubnet', { id: id as string })['vpcId'] ?? UNKNOWN;
    } catch (error) {
      if (error instanceof UnsupportedInvokeError) return UNKNOWN;
      throw error;
    }
  });
}

export function loadBalancerNetwork(build: ComponentBuilder, inputs: ComponentInputs): LoadBalancerNetwork {
  const given = ['subnetIds', 'subnets', 'subnetMappings'].filter((property) => inputs.has(property));
  if (given.length > 1) throw new ComponentArgumentError('Only one of [subnets], [subnetIds] or [subnetMappings] can be specified');
  if (inputs.has('subnets')) {
    const handles = Array.from({ length: inputs.decideLength('subnets') }, (_unused, index) => {
      const urn = inputs.reference('subnets', index);
      if (urn === undefined) throw new UndecidableInputError(`subnets[${index}]`, 'is not a subnet resource');
      return build.resource(urn);
    });
    const ids = handles.map((handle) => handle.id);
    const first = handles[0];
    return {
      subnets: derive(ids, (...values) => values.map((value) => value ?? null)),
      vpcId: first ? first.output('vpcId') : TracedValue.of(undefined),
    };
  }
  if (inputs.has('subnetIds')) {
    const subnetIds = inputs.value('subnetIds') as TracedValue;
    const first = derive([subnetIds], (ids) => (Array.isArray(ids) ? (ids[0] ?? null) : null));
    return { subnets: subnetIds, vpcId: new TracedValue(vpcOfSubnet(build, first).value, subnetIds.dependencies) };
  }
  if (inputs.has('subnetMappings')) {
    const mappings = inputs.value('subnetMappings') as TracedValue;
    const first = derive([mappings], (values) => {
      const mapping = Array.isArray(values) ? values[0] : undefined;
      return mapping && typeof mapping === 'object' && !Array.isArray(mapping) ? (mapping['subnetId'] ?? null) : null;
    });
    return { subnets: undefined, vpcId: new TracedValue(vpcOfSubnet(build, first).value, mappings.dependencies) };
  }
  const defaults = lookupDefaultVpc(build);
  return { subnets: defaults.publicSubnetIds, vpcId: TracedValue.of(defaults.vpcId) };
}
