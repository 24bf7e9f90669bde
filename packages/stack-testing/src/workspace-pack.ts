import { createPolicies, PACK_NAME, PACK_VERSION } from '@bulwark/aws-security';
import { type Finding, type ProgramResult } from '@bulwark/offline';
import { evaluateInProcess } from '@bulwark/offline/testing';
import { readStackPackConfig } from '@bulwark/workspace';

/**
 * Every finding of the whole workspace pack (every rule, in-process, named and versioned as the pack reports
 * itself) on a run of the stack in `stackDirectory`, with the pack config the workspace chooses for the run's
 * stack (`policy-config.<stack>.json`, else `policy-config.json`, else the pack defaults): what `bulwark preview`
 * and the nx targets give the pack.
 */
export function evaluateWorkspacePack(result: ProgramResult, stackDirectory: string): Promise<Finding[]> {
  const { config } = readStackPackConfig(stackDirectory, result.stack);
  return evaluateInProcess({ name: PACK_NAME, version: PACK_VERSION, policies: createPolicies() }, result, config);
}
