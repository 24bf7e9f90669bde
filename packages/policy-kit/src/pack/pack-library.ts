/**
 * A pack's library pieces from its directory, rules and docs URL: what each pack's `src/pack.ts` exports (its
 * directory, name and version, rule ids, waiver loading and policies), with the pack's own rules, directory and docs
 * URL as the defaults. One function here, so that the packs differ only in what they pass it.
 */
import type { Policies } from '@pulumi/policy';
import { type RuleDefinition } from '../rule';
import { type Waiver } from '../waivers/waiver-file';
import { createPolicies, findPackRoot, loadPackWaivers, readPackManifest, ruleIds } from './pack-assembly';

export interface PackLibraryOptions {
  /** The pack module's directory (its `__dirname`); the pack directory is the one at or above it holding `PulumiPolicy.yaml`. */
  readonly from: string;
  /** Every rule of the pack, in the order it serves them. */
  readonly rules: readonly RuleDefinition[];
  /** Where the pack's generated rule reference lives; each policy's `url` is this plus `#<rule-id>`. */
  readonly docsUrl: string;
}

/** The options of a pack's `createPolicies`: as the kit's, with the pack's rules and docs URL filled in. */
export interface PackPoliciesOptions {
  /** Validated waivers (see {@link PackLibrary.loadWaivers}); none by default. */
  readonly waivers?: readonly Waiver[];
  /** The clock waivers expire against; the real one by default. */
  readonly now?: () => Date;
  /** The rules to serve; every rule of the pack by default. */
  readonly rules?: readonly RuleDefinition[];
}

export interface PackLibrary {
  /** The pack directory (the one holding `PulumiPolicy.yaml`), the same in sources and bundle alike. */
  readonly root: string;
  /** The pack name the Pulumi CLI shows and reports carry: the package name without its scope. */
  readonly name: string;
  /** The pack version, as the policy SDK reports it (from the same package.json). */
  readonly version: string;
  /** The ids of the rules given, every rule of the pack by default. */
  readonly ruleIds: (rules?: readonly RuleDefinition[]) => string[];
  /** Loads and validates a pack directory's `waivers.yaml` (the pack's own by default); an invalid entry throws, naming the entry and field. */
  readonly loadWaivers: (packRoot?: string, rules?: readonly RuleDefinition[]) => Waiver[];
  /** The pack's CrossGuard policies, in the order its rules are listed. */
  readonly createPolicies: (options?: PackPoliciesOptions) => Policies;
}

/** The library pieces of the pack whose module lives in `from`; reads the pack's package.json once, now. */
export function packLibrary({ from, rules, docsUrl }: PackLibraryOptions): PackLibrary {
  const root = findPackRoot(from);
  const { name, version } = readPackManifest(root);
  return {
    root,
    name,
    version,
    ruleIds: (served = rules) => ruleIds(served),
    loadWaivers: (packRoot = root, served = rules) => loadPackWaivers(packRoot, served),
    createPolicies: (options = {}) => createPolicies({ rules, docsUrl, ...options }),
  };
}
