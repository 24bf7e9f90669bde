/**
 * `@bulwark/stack-data/outputs`: the data stack's output contract, for the stacks that read it through a
 * StackReference to import as a type (`import type { ... } from '@bulwark/stack-data/outputs'`).
 */
export type * from './src/outputs';
