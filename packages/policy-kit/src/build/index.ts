/**
 * @bulwark/policy-kit/build: compiles a pack's server entry into the one JavaScript file its package.json `main`
 * names. The Pulumi CLI starts a Node pack with ts-node registered *with type-checking*, so a pack whose `main`
 * is TypeScript (or requires the TypeScript sources of workspace packages such as this kit) costs seconds of
 * type-checking at every start; the bundle inlines the workspace packages and leaves every npm dependency of the
 * pack to be required at run time, as the pack's package.json declares them.
 */
export { bundlePolicyPack, type BundlePolicyPackOptions } from './bundle-policy-pack';
