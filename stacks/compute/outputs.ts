/**
 * `@bulwark/stack-compute/outputs`: the compute stack's output contract, for the stacks that read it through a
 * StackReference to import as a type (`import type { ... } from '@bulwark/stack-compute/outputs'`).
 */
export type * from './src/outputs';
