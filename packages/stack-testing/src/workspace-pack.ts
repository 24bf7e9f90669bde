import { toPolicy } from '@bulwark/aws-security/src/rule';
import { allRules } from '@bulwark/aws-security/src/rules';
import { evaluateInProcess, type Finding, type ProgramResult } from '@bulwark/offline';
import { readStackPackConfig } from '@bulwark/workspace';

// As the pack's package.json names it, so findings read as they do from `bulwark check`.
const PACK_NAME = 'aws-security';
const PACK_VERSION = '0.1.0';

/**
 * Every finding of the whole workspace pack (every rule, in-process) on a run of the stack in `stackDirectory`,
 * with the pack config the workspace chooses for the run's stack (`policy-config.<stack>.json`, else
 * `policy-config.json`, else the pack defaults): what `bulwark preview` and the nx targets give the pack.
 */
export function evaluateWorkspacePack(result: ProgramResult, stackDirectory: string): Promise<Finding[]> {
  const { config } = readStackPackConfig(stackDirectory, result.stack);
  return evaluateInProcess({ name: PACK_NAME, version: PACK_VERSION, policies: allRules.map((rule) => toPolicy(rule)) }, result, config);
}
