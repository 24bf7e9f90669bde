import * as deployability from '@bulwark/aws-deployability';
import * as security from '@bulwark/aws-security';
import { type Finding, type ProgramResult } from '@bulwark/offline';
import { evaluateInProcess } from '@bulwark/offline/testing';
import { packConfigSections, readStackPackConfig } from '@bulwark/workspace';

/** The workspace packs, as `bulwark preview` runs them (every pack under policies/), in-process. */
const WORKSPACE_PACKS = [security, deployability].map((pack) => ({ name: pack.PACK_NAME, version: pack.PACK_VERSION, createPolicies: pack.createPolicies }));

/**
 * Every finding of every workspace pack (every rule, in-process, named and versioned as each pack reports itself) on
 * a run of the stack in `stackDirectory`, with the pack config the workspace chooses for the run's stack
 * (`policy-config.<stack>.json`, else `policy-config.json`, else the packs' defaults): a JSON object mapping pack
 * names to each pack's config, the rule `bulwark preview` and the nx targets apply with several workspace packs.
 */
export async function evaluateWorkspacePack(result: ProgramResult, stackDirectory: string): Promise<Finding[]> {
  const { file, config: document } = readStackPackConfig(stackDirectory, result.stack);
  const sections = packConfigSections(document, WORKSPACE_PACKS.map((pack) => pack.name), file);
  const findings: Finding[] = [];
  for (const [index, pack] of WORKSPACE_PACKS.entries()) {
    findings.push(...(await evaluateInProcess({ name: pack.name, version: pack.version, policies: pack.createPolicies() }, result, sections[index] ?? {})));
  }
  return findings;
}
