/**
 * `@bulwark/stack-network/outputs`: the network stack's output contract, for the stacks that read it through a
 * StackReference to import as a type (`import type { ... } from '@bulwark/stack-network/outputs'`).
 */
export type * from './src/outputs';
