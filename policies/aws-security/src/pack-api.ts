/**
 * What other workspace projects (the `bulwark` CLI, reports) use of the pack: rule metadata, the policies and the
 * waivers, without starting a policy pack server (only `index.ts` does that).
 */
export { allRules } from './rules';
export {
  FRAMEWORKS,
  RULES_DOCS_URL,
  configDefaults,
  ruleTags,
  toPolicy,
  type Framework,
  type RuleDefinition,
  type RuleMetadata,
  type WaiverLookup,
} from './rule';
export { createPolicies, findPackRoot, loadPackWaivers, ruleIds, PACK_NAME, WAIVERS_FILE_NAME, type CreatePoliciesOptions } from './pack';
export * from './waivers';
