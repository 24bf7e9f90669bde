import * as pulumi from '@pulumi/pulumi';
import { stackReferenceName } from '@bulwark/core';
import type { NetworkOutputs } from '@bulwark/stack-network/src/outputs';
import type { DataOutputs } from '@bulwark/stack-data/src/outputs';
import { type ComputeStackConfig } from './config';

/** A producer stack's outputs, read through a StackReference and typed by the producer's output contract. */
export interface TypedStackReference<T> {
  /** The referenced stack, `<organization>/<project>/<environment>`. */
  readonly stackName: string;
  /** One output of the producer; the deployment fails if the producer does not export it. */
  output<K extends keyof T & string>(key: K): pulumi.Output<T[K]>;
  /** One output's value, for decisions that must be made before any resource exists. */
  value<K extends keyof T & string>(key: K): Promise<T[K]>;
}

/** The stacks this stack reads. */
export interface ProducerStacks {
  readonly network: TypedStackReference<NetworkOutputs>;
  readonly data: TypedStackReference<DataOutputs>;
}

/**
 * The name of a producer stack of this environment: `compute:organization` (default: this stack's own
 * organization), the producer's project from config and `bulwark:environment`.
 */
export function producerStackName(config: ComputeStackConfig, project: string): string {
  return stackReferenceName({ organization: config.settings.organization, project, environment: config.environment });
}

function reference<T>(logicalName: string, stackName: string): TypedStackReference<T> {
  const stack = new pulumi.StackReference(logicalName, { name: stackName });
  return {
    stackName,
    output: <K extends keyof T & string>(key: K) => stack.requireOutput(key) as pulumi.Output<T[K]>,
    value: <K extends keyof T & string>(key: K) => stack.requireOutputValue(key) as Promise<T[K]>,
  };
}

/** References the network and data stacks of this environment. */
export function referenceProducers(config: ComputeStackConfig): ProducerStacks {
  return {
    network: reference<NetworkOutputs>('network', producerStackName(config, config.settings.networkProject)),
    data: reference<DataOutputs>('data', producerStackName(config, config.settings.dataProject)),
  };
}
