/**
 * What the awsx ECS services share: the task definition they build from `taskDefinitionArgs` (as a nested
 * `awsx:ecs:<Kind>TaskDefinition` component of the same name) or take as an ARN, the launch type they set, and
 * the service arguments that come from their own.
 */
import { type ComponentBuilder, type ModelValue, type ResourceHandle } from '../component-builder';
import { type ComponentInputs } from '../component-inputs';
import { ComponentArgumentError } from '../model-errors';
import { derive, type TracedValue } from '../traced-value';
import { buildTaskDefinition, type LaunchKind, type TaskDefinitionParts } from './task-definition';

const NESTED_TASK_DEFINITION: Record<LaunchKind, string> = {
  FARGATE: 'awsx:ecs:FargateTaskDefinition',
  EC2: 'awsx:ecs:EC2TaskDefinition',
};

export interface ServiceTask {
  readonly parts?: TaskDefinitionParts;
  /** The task definition the service runs (the built one's ARN, or the program's `taskDefinition`). */
  readonly taskDefinition: ModelValue;
}

/** The service's task definition: built from `taskDefinitionArgs`, else the given `taskDefinition`. */
export function serviceTask(build: ComponentBuilder, inputs: ComponentInputs, kind: LaunchKind): ServiceTask {
  if (inputs.has('taskDefinition') && inputs.has('taskDefinitionArgs')) {
    throw new ComponentArgumentError('Only one of `taskDefinition` or `taskDefinitionArgs` can be provided.');
  }
  if (inputs.isTruthy('taskDefinitionArgs')) {
    const name = build.component.name;
    const nested: ResourceHandle = build.nestedComponent(NESTED_TASK_DEFINITION[kind], name);
    const parts = buildTaskDefinition(build, name, inputs.scoped('taskDefinitionArgs'), nested, kind);
    return { parts, taskDefinition: parts.taskDefinition.output('arn') };
  }
  if (!inputs.has('taskDefinition')) throw new ComponentArgumentError('Either `taskDefinition` or `taskDefinitionArgs` must be provided.');
  return { taskDefinition: inputs.value('taskDefinition') };
}

/** The launch type the provider sets: none when a capacity provider strategy decides, else FARGATE or EC2. */
export function launchType(inputs: ComponentInputs, kind: LaunchKind): string | undefined {
  const byCapacityProviders = inputs.isTruthy('capacityProviderStrategies');
  const byClusterDefault = inputs.isTruthy('useClusterDefaultCapacityProviderStrategy');
  if (byCapacityProviders && byClusterDefault) {
    throw new ComponentArgumentError('Only one of `capacityProviderStrategies` or `useClusterDefaultCapacityProviderStrategy` can be provided.');
  }
  return byCapacityProviders || byClusterDefault ? undefined : kind;
}

/** `waitForSteadyState`: on unless `continueBeforeSteadyState`. */
export function waitForSteadyState(inputs: ComponentInputs): TracedValue {
  return derive([inputs.value('continueBeforeSteadyState')], (continueBefore) => !(continueBefore !== undefined ? continueBefore : false));
}
