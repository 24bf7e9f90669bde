/**
 * `@bulwark/stack-edge/outputs`: the edge stack's output contract, for the stacks that read it through a
 * StackReference to import as a type (`import type { ... } from '@bulwark/stack-edge/outputs'`).
 */
export type * from './src/outputs';
