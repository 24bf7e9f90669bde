/**
 * `@bulwark/aws-deployability`, the library entry (package.json `exports["."]`): the pack's rules, their metadata
 * and the policies it serves, with no side effect. The server, which constructs the `PolicyPack`, is the `./server`
 * entry (`bin/index.js`, compiled from `../index.ts`).
 */
export { allRules } from './rules';
export * from './pack';
export {
  describeClash,
  physicalNameClashes,
  UNIQUE_PHYSICAL_NAMES,
  UNIQUE_PHYSICAL_NAMES_CHECK,
  UNIQUE_PHYSICAL_NAMES_REFERENCES,
  type PhysicalNameClash,
  type StackResources,
} from './workspace/unique-physical-names';
