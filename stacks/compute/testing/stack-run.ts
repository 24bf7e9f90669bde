import * as path from 'node:path';
import { type BaselineOutputs } from '@bulwark/stack-baseline/outputs';
import { exampleBaselineOutputs } from '@bulwark/stack-baseline/testing';
import { type DataOutputs } from '@bulwark/stack-data/outputs';
import { exampleDataOutputs } from '@bulwark/stack-data/testing';
import { exampleNetworkOutputs } from '@bulwark/stack-network/testing';
import { stackUnderTest } from '@bulwark/stack-testing';
import { program } from '../src/program';

/**
 * The compute stack as its tests run it: its own directory (config files, policy-config.json) and program, its
 * StackReferences to the network, data and baseline stacks of its environment answered with their example outputs.
 */
export const { run: runComputeStack, packFindings, deploymentAccount } = stackUnderTest({
  directory: path.resolve(__dirname, '..'),
  program,
  producers: { network: () => exampleNetworkOutputs, data: exampleDataOutputs, baseline: exampleBaselineOutputs },
});

/** The data stack's example outputs for an environment, with ARNs in the account of this stack's config file of that name. */
export function dataOutputs(environment: string): DataOutputs {
  return exampleDataOutputs(environment, deploymentAccount(environment));
}

/** The baseline stack's example outputs for an environment, in the account of this stack's config file of that name. */
export function baselineOutputs(environment: string): BaselineOutputs {
  return exampleBaselineOutputs(environment, deploymentAccount(environment));
}
