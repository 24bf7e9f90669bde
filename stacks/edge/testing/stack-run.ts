import * as path from 'node:path';
import { stackUnderTest } from '@bulwark/stack-testing';
import { program } from '../src/program';

/** The edge stack as its tests run it: its own directory (config files, policy-config.json) and program. */
export const { run: runEdgeStack, packFindings, deploymentAccount } = stackUnderTest({ directory: path.resolve(__dirname, '..'), program });
