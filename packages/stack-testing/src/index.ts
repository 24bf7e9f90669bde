/**
 * @bulwark/stack-testing: what every stack's tests share. Run the stack's program with its real config files,
 * evaluate the whole workspace pack with the pack config the workspace chooses for each stack, and run
 * `bulwark check` on it end to end.
 */
export { type ProducerOutputs, type StackReferenceOutputs, type StackUnderTest, type StackUnderTestOptions, stackUnderTest } from './stack-under-test';
export { readStackConfigFile } from './stack-config-file';
export { evaluateWorkspacePack } from './workspace-pack';
export { type ResourceChange, withResourceChange } from './resource-change';
export { describeFindings } from './describe-findings';
export { shapeOf } from './value-shape';
export { bulwarkCheck, itPassesBulwarkCheck } from './bulwark-check';
