/**
 * The `aws-security` pack as a library: its name and version (read from its package.json), its rules turned
 * into CrossGuard policies with waivers, and its waiver file. The server entry (`index.ts`) hands these to
 * `PolicyPack`; tests, the `bulwark` CLI and stack tests call the same functions without starting a server. The
 * pieces come from `packLibrary` (@bulwark/policy-kit), given this pack's rules and docs URL.
 */
import { packLibrary, type PackPoliciesOptions } from '@bulwark/policy-kit';
import { allRules } from './rules';

/** Where the generated rule reference lives; each policy's `url` is this plus `#<rule-id>`. */
export const RULES_DOCS_URL = 'https://github.com/bulwark-iac/bulwark/blob/main/docs/rules.md';

/**
 * The pack directory (`PACK_ROOT`), its name and version (`PACK_NAME`, `PACK_VERSION`), its rule ids, its waiver
 * loader (`loadPackWaivers`, this pack's `waivers.yaml` by default) and its policies (`createPolicies`, in catalog order).
 */
export const { root: PACK_ROOT, name: PACK_NAME, version: PACK_VERSION, ruleIds, loadWaivers: loadPackWaivers, createPolicies } =
  packLibrary({ from: __dirname, rules: allRules, docsUrl: RULES_DOCS_URL });

/** The options of {@link createPolicies}: waivers, the clock they expire against, and the rules to serve (all by default). */
export type CreatePoliciesOptions = PackPoliciesOptions;
