/**
 * `awsx:ecs:EC2Service`: an `aws:ecs/service:Service` (launch type EC2, waiting for a steady state) under the
 * component, with the task definition it builds from `taskDefinitionArgs` (see `service.ts`). Unlike the Fargate
 * service it has no default network placement.
 */
import { type ComponentBuilder } from '../component-builder';
import { type ComponentInputs } from '../component-inputs';
import { type ComponentModel, type ComponentOutputs } from '../component-model';
import { launchType, serviceTask, waitForSteadyState } from './service';

function expandEc2Service(build: ComponentBuilder, inputs: ComponentInputs): ComponentOutputs {
  const task = serviceTask(build, inputs, 'EC2');
  const type = launchType(inputs, 'EC2');
  const service = build.child('aws:ecs/service:Service', build.component.name, {
    ...inputs.values(),
    cluster: inputs.value('cluster'),
    launchType: type,
    loadBalancers: inputs.value('loadBalancers') ?? task.parts?.loadBalancers,
    waitForSteadyState: waitForSteadyState(inputs),
    taskDefinition: task.taskDefinition,
  });
  return { service, ...(task.parts ? { taskDefinition: task.parts.taskDefinition } : {}) };
}

export const ec2ServiceModel: ComponentModel = { type: 'awsx:ecs:EC2Service', expand: expandEc2Service };
