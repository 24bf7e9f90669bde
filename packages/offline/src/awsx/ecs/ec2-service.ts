/**
 * `awsx:ecs:EC2Service`: an `aws:ecs/service:Service` (launch type EC2, waiting for a steady state) under the
 * component, with the task definition it builds from `taskDefinitionArgs` (see `service.ts`). Unlike the Fargate
 * service it has no default network placement.
 */
import { type ComponentModel } from '../component-model';
import { expandService } from './service';

export const ec2ServiceModel: ComponentModel = {
  type: 'awsx:ecs:EC2Service',
  expand: (build, inputs) => expandService(build, inputs, { kind: 'EC2' }),
};
