/** Policy pack config files (`--policy-pack-config`, a stack's `policy-config.json`): JSON objects. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readJsonFile } from './json-file';
import { WorkspaceError } from './workspace-error';

/** Reads a pack config file. Throws {@link WorkspaceError} naming the file when it is missing or not an object. */
export function readPackConfigFile(file: string): Record<string, unknown> {
  const absolute = path.resolve(file);
  if (!fs.existsSync(absolute)) throw new WorkspaceError(`policy pack config ${absolute}: no such file`);
  const parsed = readJsonFile(absolute, 'policy pack config');
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new WorkspaceError(`policy pack config ${absolute}: must be a JSON object of policy names to config`);
  }
  return parsed as Record<string, unknown>;
}

/**
 * A workspace stack's pack config: `policy-config.<stack>.json` in the stack directory, else
 * `policy-config.json`, else none.
 */
export function stackPackConfigFile(stackDirectory: string, stack: string): string | undefined {
  return [`policy-config.${stack}.json`, 'policy-config.json']
    .map((name) => path.join(stackDirectory, name))
    .find((candidate) => fs.existsSync(candidate));
}
