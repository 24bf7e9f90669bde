/**
 * Assembling a pack from its rules: the pack directory and its package.json, the waiver file, and the policies a
 * `PolicyPack` serves (every rule turned into a policy that reports waived findings as advisory). A pack's library
 * entry wraps these with its own rules; only its server entry constructs the `PolicyPack`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Policies } from '@pulumi/policy';
import { type RuleDefinition } from '../rule';
import { toPolicy } from '../to-policy';
import { loadWaivers, type Waiver } from '../waivers/waiver-file';
import { waiverLookup } from '../waivers/waiver-lookup';

/** The waiver file, relative to the pack directory. */
export const WAIVERS_FILE_NAME = 'waivers.yaml';

/**
 * The pack directory (the one holding `PulumiPolicy.yaml`) at or above `from`, so that it is the same whether the
 * pack runs from its TypeScript sources or from its compiled bundle.
 */
export function findPackRoot(from: string): string {
  for (let directory = from; ; directory = dirname(directory)) {
    if (existsSync(join(directory, 'PulumiPolicy.yaml'))) return directory;
    if (dirname(directory) === directory) {
      throw new Error(`cannot find the policy pack directory (PulumiPolicy.yaml) above ${from}`);
    }
  }
}

/** The name and version a pack reports, as its package.json gives them. */
export interface PackManifest {
  /** The package name without its npm scope (`@bulwark/aws-security` serves the pack `aws-security`). */
  readonly name: string;
  /** The package version, which the policy SDK reports for the pack too. */
  readonly version: string;
}

/** Reads a pack's name and version from the package.json in its directory; a missing field is an error naming the file. */
export function readPackManifest(packRoot: string): PackManifest {
  const file = join(packRoot, 'package.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown; version?: unknown };
  if (typeof manifest.name !== 'string' || manifest.name === '') throw new Error(`${file}: "name" is missing; the pack is named after its package`);
  if (typeof manifest.version !== 'string' || manifest.version === '') throw new Error(`${file}: "version" is missing; the pack reports it`);
  return { name: manifest.name.replace(/^@[^/]+\//, ''), version: manifest.version };
}

/** The ids of the rules a pack serves. */
export function ruleIds(rules: readonly RuleDefinition[]): string[] {
  return rules.map((rule) => rule.metadata.id);
}

/** Loads and validates the pack's `waivers.yaml`; an invalid entry throws, naming the entry and field. */
export function loadPackWaivers(packRoot: string, rules: readonly RuleDefinition[]): Waiver[] {
  return loadWaivers(join(packRoot, WAIVERS_FILE_NAME), ruleIds(rules));
}

export interface CreatePoliciesOptions {
  /** The rules to serve, in the order the pack lists them. */
  readonly rules: readonly RuleDefinition[];
  /** The pack's generated rule reference, for each policy's `url`. */
  readonly docsUrl?: string;
  /** Validated waivers (see {@link loadPackWaivers}); none by default. */
  readonly waivers?: readonly Waiver[];
  /** The clock waivers expire against; the real one by default. */
  readonly now?: () => Date;
}

/** The pack's CrossGuard policies, in rule order; two rules with one id are an error. */
export function createPolicies(options: CreatePoliciesOptions): Policies {
  const ids = ruleIds(options.rules);
  const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
  if (duplicate) throw new Error(`two rules share the id "${duplicate}": policy names must be unique in a pack`);
  const waiverFor = waiverLookup(options.waivers ?? [], options.now);
  return options.rules.map((rule) => toPolicy(rule, { docsUrl: options.docsUrl, waiverFor }));
}
