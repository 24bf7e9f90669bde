/**
 * `@bulwark/stack-baseline/outputs`: the baseline stack's output contract, for the stacks that read it through a
 * StackReference to import as a type (`import type { ... } from '@bulwark/stack-baseline/outputs'`), and the purposes
 * its buckets are named after, which no other stack of the environment may use (a plain value, no Pulumi code).
 */
export type * from './src/outputs';
export { BASELINE_BUCKET_PURPOSES } from './src/bucket-purposes';
