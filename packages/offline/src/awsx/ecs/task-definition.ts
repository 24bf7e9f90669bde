/**
 * What awsx builds for an ECS task definition, Fargate or EC2, standalone or inside a service: a log group
 * (unless skipped or existing), a task role (no policies) and an execution role (with
 * `AmazonECSTaskExecutionRolePolicy`) unless skipped or given by ARN, and the `aws:ecs/taskDefinition:TaskDefinition`
 * with the containers' JSON, the roles' ARNs, `awsvpc` networking and a family named after a hash of the stack and
 * the JSON. A Fargate task without `cpu`/`memory` gets the smallest Fargate size that fits its containers.
 */
import { type ComponentBuilder, type ModelValue, type ResourceHandle } from '../component-builder';
import { type ComponentInputs } from '../component-inputs';
import { defaultLogGroup } from '../cloudwatch/log-group';
import { defaultRoleWithPolicies, sha1Prefix } from '../role-with-policies';
import { derive, type TracedValue } from '../traced-value';
import { containerDefinitions, impliedLoadBalancers, taskContainers } from './container-definitions';
import { fargateMemoryAndCpu } from './fargate-memory-cpu';

/** The trust policy of the roles awsx creates for tasks. */
const ECS_TASKS_TRUST_POLICY = {
  Version: '2012-10-17',
  Statement: [{ Action: 'sts:AssumeRole', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Effect: 'Allow', Sid: '' }],
};

/** The execution role's managed policy (awsx writes the `aws` partition whatever the region). */
const TASK_EXECUTION_POLICY_ARN = 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy';

export type LaunchKind = 'FARGATE' | 'EC2';

export interface TaskDefinitionParts {
  readonly taskDefinition: ResourceHandle;
  readonly logGroup?: ResourceHandle;
  readonly taskRole?: ResourceHandle;
  readonly executionRole?: ResourceHandle;
  /** The service load balancers the containers' target groups imply. */
  readonly loadBalancers: TracedValue;
}

/** The component's outputs for a task definition. */
export function taskDefinitionOutputs(parts: TaskDefinitionParts): Record<string, ModelValue> {
  return {
    taskDefinition: parts.taskDefinition,
    logGroup: parts.logGroup,
    taskRole: parts.taskRole,
    executionRole: parts.executionRole,
    loadBalancers: parts.loadBalancers,
  };
}

/** Registers a task definition's resources under `parent`, named `name`, from the task definition arguments. */
export function buildTaskDefinition(
  build: ComponentBuilder,
  name: string,
  inputs: ComponentInputs,
  parent: ResourceHandle,
  kind: LaunchKind,
): TaskDefinitionParts {
  const containers = taskContainers(inputs);
  const { logGroup, logGroupId } = defaultLogGroup(build, name, inputs, ['logGroup'], parent);
  const taskRole = defaultRoleWithPolicies(build, `${name}-task`, inputs, ['taskRole'], { assumeRolePolicy: ECS_TASKS_TRUST_POLICY, policyArns: [] }, parent);
  const executionRole = defaultRoleWithPolicies(
    build,
    `${name}-execution`,
    inputs,
    ['executionRole'],
    { assumeRolePolicy: ECS_TASKS_TRUST_POLICY, policyArns: [TASK_EXECUTION_POLICY_ARN] },
    parent,
  );
  const definitions = containerDefinitions(build, containers, logGroupId);
  const loadBalancers = impliedLoadBalancers(build, containers);
  const containerJson = derive([definitions], (value) => JSON.stringify(value));
  const defaultFamily = derive([containerJson], (json) => `${name}-${sha1Prefix(build.stack + String(json))}`);
  const family = derive([inputs.value('family'), defaultFamily], (given, fallback) => (given !== undefined ? given : fallback));
  const args: Record<string, ModelValue> = inputs.values();
  const common = { taskRoleArn: taskRole.roleArn, executionRoleArn: executionRole.roleArn, family, containerDefinitions: containerJson };
  let taskArgs: Record<string, ModelValue>;
  if (kind === 'FARGATE') {
    const required = derive([definitions], (value) => fargateMemoryAndCpu(Array.isArray(value) ? (value as Record<string, unknown>[]) : []));
    taskArgs = {
      ...args,
      cpu: args['cpu'] ?? derive([required], (value) => (value as { cpu: string }).cpu),
      memory: args['memory'] ?? derive([required], (value) => (value as { memory: string }).memory),
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'awsvpc',
      ...common,
    };
  } else {
    taskArgs = { networkMode: 'awsvpc', ...args, requiresCompatibilities: ['EC2'], ...common };
  }
  const taskDefinition = build.child('aws:ecs/taskDefinition:TaskDefinition', name, taskArgs, { parent });
  return {
    taskDefinition,
    ...(logGroup ? { logGroup } : {}),
    ...(taskRole.role ? { taskRole: taskRole.role } : {}),
    ...(executionRole.role ? { executionRole: executionRole.role } : {}),
    loadBalancers,
  };
}
