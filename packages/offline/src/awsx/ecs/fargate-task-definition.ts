/**
 * `awsx:ecs:FargateTaskDefinition`: a Fargate task definition with its log group and roles (see
 * `task-definition.ts`), under the component.
 */
import { type ComponentModel } from '../component-model';
import { buildTaskDefinition, taskDefinitionOutputs } from './task-definition';

export const fargateTaskDefinitionModel: ComponentModel = {
  type: 'awsx:ecs:FargateTaskDefinition',
  expand: (build, inputs) => taskDefinitionOutputs(buildTaskDefinition(build, build.component.name, inputs, build.component, 'FARGATE')),
};
