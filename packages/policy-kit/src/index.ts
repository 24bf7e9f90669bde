/**
 * @bulwark/policy-kit: the rule framework Bulwark's CrossGuard packs share. A rule module exports what
 * `resourceRule` / `stackRule` return; a pack lists its rules and turns them into policies with `createPolicies`
 * (waivers, undecided findings and config defaults included); reports read findings back with
 * `parseFindingMessage`. Test helpers: `@bulwark/policy-kit/testing`; pack bundling: `@bulwark/policy-kit/build`.
 */
export { FRAMEWORKS, policyFramework, ruleTags, type Framework, type RuleMetadata } from './rule-metadata';
export {
  resourceRule,
  stackRule,
  type Report,
  type ReportUndecided,
  type ResourceCheckArgs,
  type ResourceRuleDefinition,
  type RuleDefinition,
  type StackCheckArgs,
  type StackRuleDefinition,
} from './rule';
export { configDefaults } from './config-defaults';
export { toPolicy, type ToPolicyOptions } from './to-policy';
export {
  formatFindingMessage,
  parseFindingMessage,
  undecidedFindingText,
  type FindingAnnotations,
  type FindingKind,
  type ParsedFindingMessage,
} from './finding-message';
export * from './values';
export * from './links';
export { componentTree, isComponent, isUnder, type ComponentTree } from './components';
export { describeValue } from './describe-value';
export { isStringSet } from './string-presence';
export { providerString, resourceRegion, type RegionedResource } from './resource-region';
export * from './waivers';
export {
  createPolicies,
  findPackRoot,
  loadPackWaivers,
  readPackManifest,
  ruleIds,
  WAIVERS_FILE_NAME,
  type CreatePoliciesOptions,
  type PackManifest,
} from './pack/pack-assembly';
export { packLibrary, type PackLibrary, type PackLibraryOptions, type PackPoliciesOptions } from './pack/pack-library';
export {
  renderRulesReference,
  staleRulesReference,
  writeRulesReference,
  type RulesReferenceOptions,
} from './docs/rules-reference';
