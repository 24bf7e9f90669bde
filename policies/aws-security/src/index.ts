/**
 * `@bulwark/aws-security`, the library entry (package.json `exports["."]`): the pack's rules, their metadata and
 * the policies it serves, with no side effect. The server, which constructs the `PolicyPack` and so starts its
 * gRPC server, is the `./server` entry (`bin/index.js`, compiled from `../index.ts`); package.json `main` names it
 * too, because the Pulumi CLI loads a pack by its directory, which Node resolves through `main`, never `exports`.
 */
export { allRules } from './rules';
export * from './pack';
