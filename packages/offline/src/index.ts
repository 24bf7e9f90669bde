/**
 * @bulwark/offline: run Pulumi programs with no CLI, no cloud and no credentials, and evaluate policy packs
 * against what they register, as `pulumi preview --policy-pack` would. Test-only helpers are in
 * `@bulwark/offline/testing`.
 */
export * from './types';
export { runProgram, configStrings, ProgramError, type RunProgramOptions, type Program } from './engine/run-program';
export { InvokeFixtureError, readInvokeFixtures, type InvokeFixture } from './engine/invoke-fixtures';
export { AWSX_VERSION } from './awsx/version';
export { MODELLED_COMPONENT_TYPES } from './awsx/expand-component';
export * from './policy/findings';
export * from './policy/config';
export { isAnalyzed } from './policy/in-process';
export * from './project';
export * from './analyzer';
