import * as path from 'node:path';
import { stackUnderTest } from '@bulwark/stack-testing';
import { exampleNetworkOutputs } from '@bulwark/stack-network/testing';
import { program } from '../src/program';

/**
 * The data stack as its tests run it: its own directory (config files, policy-config.json) and program, its
 * StackReference to the network of its environment answered with the network's example outputs.
 */
export const { run: runDataStack, packFindings, deploymentAccount } = stackUnderTest({
  directory: path.resolve(__dirname, '..'),
  program,
  stackReferences: (config) => ({ [`organization/network/${String(config['bulwark:environment'])}`]: { ...exampleNetworkOutputs } }),
});
