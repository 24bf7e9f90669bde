/**
 * Assembles the CrossGuard policies of the `aws-security` pack: every rule of `allRules` turned into a policy
 * that downgrades waived findings to advisory. The pack entry (`index.ts`) only hands these to `PolicyPack`;
 * tests call the same functions without starting a gRPC server.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Policies } from '@pulumi/policy';
import { toPolicy, type RuleDefinition } from './rule';
import { allRules } from './rules';
import { loadWaivers, type Waiver } from './waivers/waiver-file';
import { waiverLookup } from './waivers/waiver-lookup';

/** The pack name the Pulumi CLI shows and reports carry. */
export const PACK_NAME = 'aws-security';

/** The waiver file, relative to the pack directory. */
export const WAIVERS_FILE_NAME = 'waivers.yaml';

/**
 * The pack directory (the one holding `PulumiPolicy.yaml`), found from this module's location so that it is the
 * same whether the pack runs from TypeScript sources (`src/`) or from the compiled `bin/src/`.
 */
export function findPackRoot(from: string = __dirname): string {
  for (let directory = from; ; directory = dirname(directory)) {
    if (existsSync(join(directory, 'PulumiPolicy.yaml'))) return directory;
    if (dirname(directory) === directory) {
      throw new Error(`cannot find the policy pack directory (PulumiPolicy.yaml) above ${from}`);
    }
  }
}

/** The ids of the rules a pack serves. */
export function ruleIds(rules: readonly RuleDefinition[] = allRules): string[] {
  return rules.map((rule) => rule.metadata.id);
}

/** Loads and validates the pack's `waivers.yaml`; an invalid entry throws, naming the entry and field. */
export function loadPackWaivers(packRoot: string = findPackRoot(), rules: readonly RuleDefinition[] = allRules): Waiver[] {
  return loadWaivers(join(packRoot, WAIVERS_FILE_NAME), ruleIds(rules));
}

export interface CreatePoliciesOptions {
  /** Validated waivers (see {@link loadPackWaivers}); none by default. */
  readonly waivers?: readonly Waiver[];
  /** The clock waivers expire against; the real one by default. */
  readonly now?: () => Date;
  /** The rules to serve; every rule of the catalog by default. */
  readonly rules?: readonly RuleDefinition[];
}

/** The pack's CrossGuard policies, in catalog order. */
export function createPolicies(options: CreatePoliciesOptions = {}): Policies {
  const rules = options.rules ?? allRules;
  const ids = ruleIds(rules);
  const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
  if (duplicate) throw new Error(`two rules share the id "${duplicate}": policy names must be unique in a pack`);
  const waived = waiverLookup(options.waivers ?? [], options.now);
  return rules.map((rule) => toPolicy(rule, waived));
}
