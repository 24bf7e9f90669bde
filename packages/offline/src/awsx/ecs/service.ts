/**
 * What the awsx ECS services share: the task definition they build from `taskDefinitionArgs` (as a nested
 * `awsx:ecs:<Kind>TaskDefinition` component of the same name) or take as an ARN, the launch type they set, the
 * service arguments that come from their own, and the `aws:ecs/service:Service` they declare (`expandService`).
 */
import { type ComponentBuilder, type ModelValue, type ResourceHandle } from '../component-builder';
import { type ComponentInputs } from '../component-inputs';
import { type ComponentOutputs } from '../component-model';
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

/** What one kind of awsx ECS service adds to the shared expansion. */
export interface ServiceKind {
  readonly kind: LaunchKind;
  /** Checks of the component's own arguments, run after the task definition is built and before the launch type is decided. */
  readonly check?: (inputs: ComponentInputs) => void;
  /** Service arguments the program's own override (the Fargate service's one task). */
  readonly defaults?: Readonly<Record<string, ModelValue>>;
  /** Service arguments the component sets over the program's, declaring whatever they need before the service. */
  readonly placement?: (build: ComponentBuilder, inputs: ComponentInputs) => Readonly<Record<string, ModelValue>>;
}

/** Expands an awsx ECS service: its task definition, then the `aws:ecs/service:Service` named after the component. */
export function expandService(build: ComponentBuilder, inputs: ComponentInputs, service: ServiceKind): ComponentOutputs {
  const task = serviceTask(build, inputs, service.kind);
  service.check?.(inputs);
  const type = launchType(inputs, service.kind);
  const declared = build.child('aws:ecs/service:Service', build.component.name, {
    ...service.defaults,
    ...inputs.values(),
    ...service.placement?.(build, inputs),
    cluster: inputs.value('cluster'),
    launchType: type,
    loadBalancers: inputs.value('loadBalancers') ?? task.parts?.loadBalancers,
    waitForSteadyState: waitForSteadyState(inputs),
    taskDefinition: task.taskDefinition,
  });
  return { service: declared, ...(task.parts ? { taskDefinition: task.parts.taskDefinition } : {}) };
}
