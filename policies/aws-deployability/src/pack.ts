/**
 * The `aws-deployability` pack as a library: its name and version (read from its package.json), its rules turned
 * into CrossGuard policies with waivers, and its waiver file. The server entry (`index.ts`) hands these to
 * `PolicyPack`; tests, the `bulwark` CLI and stack tests call the same functions without starting a server.
 */
import type { Policies } from '@pulumi/policy';
import * as kit from '@bulwark/policy-kit';
import { type RuleDefinition, type Waiver } from '@bulwark/policy-kit';
import { allRules } from './rules';

/** Where the generated rule reference lives; each policy's `url` is this plus `#<rule-id>`. */
export const RULES_DOCS_URL = 'https://github.com/bulwark-iac/bulwark/blob/main/docs/deployability.md';

/** The pack directory (the one holding `PulumiPolicy.yaml`), from this module's location, in sources and bundle alike. */
export const PACK_ROOT = kit.findPackRoot(__dirname);

const manifest = kit.readPackManifest(PACK_ROOT);

/** The pack name the Pulumi CLI shows and reports carry: the package name without its scope. */
export const PACK_NAME = manifest.name;

/** The pack version, as the policy SDK reports it (from the same package.json). */
export const PACK_VERSION = manifest.version;

/** The ids of the rules the pack serves. */
export function ruleIds(rules: readonly RuleDefinition[] = allRules): string[] {
  return kit.ruleIds(rules);
}

/** Loads and validates the pack's `waivers.yaml`; an invalid entry throws, naming the entry and field. */
export function loadPackWaivers(packRoot: string = PACK_ROOT, rules: readonly RuleDefinition[] = allRules): Waiver[] {
  return kit.loadPackWaivers(packRoot, rules);
}

export interface CreatePoliciesOptions {
  /** Validated waivers (see {@link loadPackWaivers}); none by default. */
  readonly waivers?: readonly Waiver[];
  /** The clock waivers expire against; the real one by default. */
  readonly now?: () => Date;
  /** The rules to serve; every rule of the pack by default. */
  readonly rules?: readonly RuleDefinition[];
}

/** The pack's CrossGuard policies, in the order `src/rules/index.ts` lists them. */
export function createPolicies(options: CreatePoliciesOptions = {}): Policies {
  return kit.createPolicies({ rules: allRules, docsUrl: RULES_DOCS_URL, ...options });
}
