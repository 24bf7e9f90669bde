import * as path from 'node:path';
import { type BaselineOutputs } from '@bulwark/stack-baseline/outputs';
import { exampleBaselineOutputs } from '@bulwark/stack-baseline/testing';
import { stackUnderTest } from '@bulwark/stack-testing';
import { program } from '../src/program';

/**
 * The edge stack as its tests run it: its own directory (config files, policy-config.json) and program, its
 * StackReference to the baseline stack of its environment answered with the baseline's example outputs.
 */
export const { run: runEdgeStack, packFindings, deploymentAccount } = stackUnderTest({
  directory: path.resolve(__dirname, '..'),
  program,
  producers: { baseline: exampleBaselineOutputs },
});

/** The baseline stack's example outputs for an environment, in the account of this stack's config file of that name. */
export function baselineOutputs(environment: string): BaselineOutputs {
  return exampleBaselineOutputs(environment, deploymentAccount(environment));
}
