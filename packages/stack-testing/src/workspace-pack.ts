import * as fs from 'node:fs';
import { createPolicies, PACK_NAME, PACK_VERSION } from '@bulwark/aws-security';
import { type Finding, type ProgramResult } from '@bulwark/offline';
import { evaluateInProcess } from '@bulwark/offline/testing';

/**
 * Every finding of the whole workspace pack (every rule, in-process, named and versioned as the pack reports
 * itself) on a run, with the pack config in `policyConfigFile` (a stack's `policy-config.json`), the config
 * `bulwark check --policy-pack-config` gets.
 */
export function evaluateWorkspacePack(result: ProgramResult, policyConfigFile: string): Promise<Finding[]> {
  const policyConfig = JSON.parse(fs.readFileSync(policyConfigFile, 'utf8')) as Record<string, unknown>;
  return evaluateInProcess({ name: PACK_NAME, version: PACK_VERSION, policies: createPolicies() }, result, policyConfig);
}
