/**
 * Which policy pack configuration file a stack uses in an environment: `policy-config.<environment>.json` when
 * the stack has one, else its `policy-config.json`, else none (the pack's own defaults apply).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Returns the file name (relative to the stack directory) of the pack config for `environment`, if any. */
export function policyPackConfigFile(stackDirectory: string, environment: string): string | undefined {
  for (const candidate of [`policy-config.${environment}.json`, 'policy-config.json']) {
    if (existsSync(join(stackDirectory, candidate))) return candidate;
  }
  return undefined;
}
