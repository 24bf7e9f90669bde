/**
 * The policy pack config a stack is judged with in an environment. One rule, used by `bulwark preview`,
 * `bulwark check` of a workspace stack, the nx `preview`/`deploy`/`check` targets and the stacks' tests:
 *
 *   `policy-config.<stack>.json` in the stack directory when it exists (e.g. `policy-config.prod.json`),
 *   else `policy-config.json`, else none (the pack's own defaults apply).
 *
 * So a stack keeps one file for every environment, and adds a file for an environment that must differ.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { WorkspaceError } from './workspace-error';
import { isMapping, readJsonFile } from './workspace-files';

/** The file names the rule tries for a stack, in order. */
export function packConfigCandidates(stack: string): string[] {
  return [`policy-config.${stack}.json`, 'policy-config.json'];
}

/** The absolute path of the pack config file of `stack` in `stackDirectory`, or undefined when it has none. */
export function stackPackConfigFile(stackDirectory: string, stack: string): string | undefined {
  return packConfigCandidates(stack)
    .map((name) => path.resolve(stackDirectory, name))
    .find((candidate) => fs.existsSync(candidate));
}

/**
 * Reads a pack config file: a JSON object of policy names (or, for several packs, pack names) to config. Throws
 * {@link WorkspaceError} naming the file when it is missing, not JSON or not an object.
 */
export function readPackConfig(file: string): Record<string, unknown> {
  const absolute = path.resolve(file);
  const parsed = readJsonFile(absolute);
  if (!isMapping(parsed)) {
    throw new WorkspaceError(`${absolute}: a policy pack config must be a JSON object of policy names to config`, { file: absolute });
  }
  return parsed;
}

/** The pack config of `stack` in `stackDirectory` by the rule above: the file's object, or `{}` when it has none. */
export function readStackPackConfig(stackDirectory: string, stack: string): { readonly file?: string; readonly config: Record<string, unknown> } {
  const file = stackPackConfigFile(stackDirectory, stack);
  return file === undefined ? { config: {} } : { file, config: readPackConfig(file) };
}
