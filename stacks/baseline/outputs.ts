/**
 * `@bulwark/stack-baseline/outputs`: the baseline stack's output contract, for the stacks that read it through a
 * StackReference to import as a type (`import type { ... } from '@bulwark/stack-baseline/outputs'`).
 */
export type * from './src/outputs';
