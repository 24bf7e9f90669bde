import * as fs from 'node:fs';
import * as deployability from '@bulwark/aws-deployability';
import * as security from '@bulwark/aws-security';
import { type Finding, type ProgramResult } from '@bulwark/offline';
import { evaluateInProcess } from '@bulwark/offline/testing';

/** The workspace packs, as `bulwark preview` runs them (every pack under policies/), in-process. */
const WORKSPACE_PACKS = [security, deployability].map((pack) => ({ name: pack.PACK_NAME, version: pack.PACK_VERSION, createPolicies: pack.createPolicies }));

/**
 * Every finding of every workspace pack (every rule, in-process, named and versioned as each pack reports itself)
 * on a run, with the pack config in `policyConfigFile` (a stack's `policy-config.json`): a JSON object mapping pack
 * names to each pack's config, the rule `bulwark preview` applies with several workspace packs.
 */
export async function evaluateWorkspacePack(result: ProgramResult, policyConfigFile: string): Promise<Finding[]> {
  const document = JSON.parse(fs.readFileSync(policyConfigFile, 'utf8')) as Record<string, unknown>;
  const names = WORKSPACE_PACKS.map((pack) => pack.name);
  const unknown = Object.keys(document).filter((key) => !names.includes(key));
  if (unknown.length > 0) throw new Error(`${policyConfigFile}: keys must be pack names (${names.join(', ')}); unknown: ${unknown.join(', ')}`);
  const findings: Finding[] = [];
  for (const pack of WORKSPACE_PACKS) {
    const config = (document[pack.name] as Record<string, unknown> | undefined) ?? {};
    findings.push(...(await evaluateInProcess({ name: pack.name, version: pack.version, policies: pack.createPolicies() }, result, config)));
  }
  return findings;
}
