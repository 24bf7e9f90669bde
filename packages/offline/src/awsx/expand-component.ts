/**
 * Expanding one remote component registration: find the model for its type, run it, and say what happened. The
 * rule (see README.md): a remote component is expanded when a model knows its type and every input that decides
 * its children is known; otherwise it is opaque. Both conditions are decided from the registration alone (its type
 * token and its serialized inputs), so the engine never has to guess.
 */
import { UnsupportedInvokeError } from '../aws/invokes';
import { type ResourceRecord, type WireProperties } from '../types';
import { ComponentBuilder, toWire, type ComponentHost } from './component-builder';
import { ComponentInputs } from './component-inputs';
import { type ComponentModel } from './component-model';
import { cloudtrailTrailModel } from './cloudtrail/trail';
import { defaultVpcModel } from './ec2/default-vpc';
import { vpcModel } from './ec2/vpc';
import { ecrImageModel } from './ecr/image';
import { ecrRepositoryModel } from './ecr/repository';
import { ec2ServiceModel } from './ecs/ec2-service';
import { ec2TaskDefinitionModel } from './ecs/ec2-task-definition';
import { fargateServiceModel } from './ecs/fargate-service';
import { fargateTaskDefinitionModel } from './ecs/fargate-task-definition';
import { applicationLoadBalancerModel } from './lb/application-load-balancer';
import { networkLoadBalancerModel } from './lb/network-load-balancer';
import { ComponentArgumentError, UndecidableInputError } from './model-errors';
import { AWSX_VERSION } from './version';

/** Every remote component type the offline engine can expand, with the provider version its model follows. */
export const COMPONENT_MODELS: ReadonlyMap<string, ComponentModel> = new Map(
  [
    vpcModel,
    defaultVpcModel,
    applicationLoadBalancerModel,
    networkLoadBalancerModel,
    fargateServiceModel,
    fargateTaskDefinitionModel,
    ec2ServiceModel,
    ec2TaskDefinitionModel,
    ecrRepositoryModel,
    ecrImageModel,
    cloudtrailTrailModel,
  ].map((model) => [model.type, model]),
);

/** The provider version the models follow. */
export const COMPONENT_MODEL_VERSION = AWSX_VERSION;

/** The remote component types the offline engine expands (any other remote component is opaque). */
export const MODELLED_COMPONENT_TYPES: readonly string[] = [...COMPONENT_MODELS.keys()];

export type Expansion =
  | { readonly kind: 'expanded'; readonly outputs: WireProperties; readonly childCount: number }
  | { readonly kind: 'opaque'; readonly reason: string }
  | { readonly kind: 'rejected'; readonly message: string };

/** What a remote registration needs for expansion. */
export interface RemoteComponent {
  /** The component's own record (already recorded: its children name it as their parent). */
  readonly record: ResourceRecord;
  readonly propertyDependencies: Readonly<Record<string, readonly string[]>>;
  /** The aws provider reference its children use. */
  readonly awsProvider: string;
}

/**
 * Expands a remote component through its model: on success its children are recorded and its outputs returned
 * in wire form; an opaque or rejected component records nothing.
 */
export function expandComponent(host: ComponentHost, component: RemoteComponent): Expansion {
  const { record } = component;
  const model = COMPONENT_MODELS.get(record.type);
  if (!model) {
    const known = record.type.startsWith('awsx:') ? ` (modelled awsx components: ${[...COMPONENT_MODELS.keys()].join(', ')})` : '';
    return { kind: 'opaque', reason: `the offline engine has no model of what the ${record.type.split(':')[0]} provider builds for ${record.type}${known}` };
  }
  const build = new ComponentBuilder(host, record, component.awsProvider);
  try {
    const outputs = model.expand(build, new ComponentInputs(record.inputs, component.propertyDependencies));
    const wire: WireProperties = {};
    const ignored = new Set<string>();
    for (const [key, value] of Object.entries(outputs)) {
      const serialized = toWire(value, ignored);
      if (serialized !== undefined) wire[key] = serialized;
    }
    return { kind: 'expanded', outputs: wire, childCount: build.commit() };
  } catch (error) {
    if (error instanceof UndecidableInputError) return { kind: 'opaque', reason: error.message };
    // The provider would ask AWS something the engine cannot answer offline: what it builds from the answer is unknown.
    if (error instanceof UnsupportedInvokeError) return { kind: 'opaque', reason: `the provider needs an answer the offline engine cannot give: ${error.message}` };
    if (error instanceof ComponentArgumentError) return { kind: 'rejected', message: error.message };
    throw error;
  }
}
