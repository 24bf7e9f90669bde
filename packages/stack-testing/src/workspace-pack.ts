import * as fs from 'node:fs';
import { toPolicy } from '@bulwark/aws-security/src/rule';
import { allRules } from '@bulwark/aws-security/src/rules';
import { evaluateInProcess, type Finding, type ProgramResult } from '@bulwark/offline';

// As the pack's package.json names it, so findings read as they do from `bulwark check`.
const PACK_NAME = 'aws-security';
const PACK_VERSION = '0.1.0';

/**
 * Every finding of the whole workspace pack (every rule, in-process) on a run, with the pack config in
 * `policyConfigFile` (a stack's `policy-config.json`), the config `bulwark check --policy-pack-config` gets.
 */
export function evaluateWorkspacePack(result: ProgramResult, policyConfigFile: string): Promise<Finding[]> {
  const policyConfig = JSON.parse(fs.readFileSync(policyConfigFile, 'utf8')) as Record<string, unknown>;
  return evaluateInProcess({ name: PACK_NAME, version: PACK_VERSION, policies: allRules.map((rule) => toPolicy(rule)) }, result, policyConfig);
}
