/**
 * `awsx:ecs:EC2TaskDefinition`: an EC2 task definition with its log group and roles (see `task-definition.ts`),
 * under the component; `networkMode` defaults to `awsvpc` but the program may set another.
 */
import { type ComponentModel } from '../component-model';
import { buildTaskDefinition, taskDefinitionOutputs } from './task-definition';

export const ec2TaskDefinitionModel: ComponentModel = {
  type: 'awsx:ecs:EC2TaskDefinition',
  expand: (build, inputs) => taskDefinitionOutputs(buildTaskDefinition(build, build.component.name, inputs, build.component, 'EC2')),
};
