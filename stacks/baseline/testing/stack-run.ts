import * as path from 'node:path';
import { stackUnderTest } from '@bulwark/stack-testing';
import { program } from '../src/program';

/** The baseline stack as its tests run it: its own directory (config files, policy-config.json) and program. */
export const {
  directory: STACK_DIRECTORY,
  configFile: stackConfigFile,
  run: runBaseline,
  packFindings,
  deploymentAccount,
} = stackUnderTest({ directory: path.resolve(__dirname, '..'), program });
