import * as path from 'node:path';
import { type BaselineOutputs } from '@bulwark/stack-baseline/outputs';
import { exampleBaselineOutputs } from '@bulwark/stack-baseline/testing';
import { exampleNetworkOutputs } from '@bulwark/stack-network/testing';
import { stackUnderTest } from '@bulwark/stack-testing';
import { program } from '../src/program';

/**
 * The data stack as its tests run it: its own directory (config files, policy-config.json) and program, its
 * StackReferences to the network and baseline stacks of its environment answered with their example outputs.
 */
export const { run: runDataStack, packFindings, deploymentAccount, configFile } = stackUnderTest({
  directory: path.resolve(__dirname, '..'),
  program,
  producers: { network: () => exampleNetworkOutputs, baseline: exampleBaselineOutputs },
});

/** The baseline stack's example outputs for an environment, in the account of this stack's config file of that name. */
export function baselineOutputs(environment: string): BaselineOutputs {
  return exampleBaselineOutputs(environment, deploymentAccount(environment));
}
