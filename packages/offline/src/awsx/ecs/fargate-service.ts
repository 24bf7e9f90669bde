/**
 * `awsx:ecs:FargateService`: an `aws:ecs/service:Service` (one task by default, launch type FARGATE, waiting for
 * a steady state) under the component, with the task definition it builds from `taskDefinitionArgs` (see
 * `service.ts`). Without a `networkConfiguration` the provider places the tasks in the default VPC (its private
 * subnets, or its public ones with `assignPublicIp`; a default VPC has no private subnets, so that fails) behind
 * a `<name>-sg` security group open to everything, as it does for load balancers.
 */
import { type ComponentBuilder, type ModelValue } from '../component-builder';
import { type ComponentInputs } from '../component-inputs';
import { type ComponentModel } from '../component-model';
import { lookupDefaultVpc } from '../ec2/default-vpc';
import { ComponentArgumentError } from '../model-errors';
import { derive, TracedValue } from '../traced-value';
import { expandService } from './service';

/** The default VPC placement, with the provider's all-open security group. */
function defaultNetworkConfiguration(build: ComponentBuilder, inputs: ComponentInputs): ModelValue {
  const defaults = lookupDefaultVpc(build);
  const securityGroup = build.child('aws:ec2/securityGroup:SecurityGroup', `${build.component.name}-sg`, {
    vpcId: defaults.vpcId,
    ingress: [{ fromPort: 0, toPort: 0, protocol: '-1', cidrBlocks: ['0.0.0.0/0'], ipv6CidrBlocks: ['::/0'] }],
    egress: [{ fromPort: 0, toPort: 65535, protocol: 'tcp', cidrBlocks: ['0.0.0.0/0'], ipv6CidrBlocks: ['::/0'] }],
  });
  const assignPublicIp = inputs.value('assignPublicIp') ?? TracedValue.of(false);
  const subnets = derive([assignPublicIp], (assign) => {
    if (!assign && defaults.privateSubnetIds.length === 0) {
      throw new ComponentArgumentError(
        'The default VPC does not have any private subnets. Set `assignPublicIp` to `true`, provide `networkConfiguration`, or add private subnets to the default VPC.',
      );
    }
    return assign ? defaults.publicSubnetIds : defaults.privateSubnetIds;
  });
  return { subnets, assignPublicIp, securityGroups: [securityGroup.id] };
}

export const fargateServiceModel: ComponentModel = {
  type: 'awsx:ecs:FargateService',
  expand: (build, inputs) =>
    expandService(build, inputs, {
      kind: 'FARGATE',
      check: (own) => {
        if (own.has('networkConfiguration') && own.has('assignPublicIp')) {
          throw new ComponentArgumentError('Only one of `networkConfiguration` or `assignPublicIp` can be provided.');
        }
      },
      defaults: { desiredCount: 1 },
      placement: (builder, own) => ({ networkConfiguration: own.value('networkConfiguration') ?? defaultNetworkConfiguration(builder, own) }),
    }),
};
