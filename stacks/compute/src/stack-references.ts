import { referenceStack, type TypedStackReference } from '@bulwark/core';
import type { BaselineOutputs } from '@bulwark/stack-baseline/outputs';
import type { NetworkOutputs } from '@bulwark/stack-network/outputs';
import type { DataOutputs } from '@bulwark/stack-data/outputs';
import { type ComputeStackConfig } from './config';

/** The stacks this stack reads. */
export interface ProducerStacks {
  readonly network: TypedStackReference<NetworkOutputs>;
  readonly data: TypedStackReference<DataOutputs>;
  /** For the account's Auto Scaling service-linked role, which the baseline creates. */
  readonly baseline: TypedStackReference<BaselineOutputs>;
}

/**
 * References the network, data and baseline stacks of this environment, named `compute:organization` (default: this
 * stack's own organization), the producer's project from config and `bulwark:environment`.
 */
export function referenceProducers(config: ComputeStackConfig): ProducerStacks {
  const producer = (project: string) => ({ organization: config.settings.organization, project, environment: config.environment });
  return {
    network: referenceStack<NetworkOutputs>('network', producer(config.settings.networkProject)),
    data: referenceStack<DataOutputs>('data', producer(config.settings.dataProject)),
    baseline: referenceStack<BaselineOutputs>('baseline', producer(config.settings.baselineProject)),
  };
}
