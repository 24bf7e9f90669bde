/**
 * A stack's config file, `Pulumi.<stack>.yaml` in the project's `stackConfigDir`, read as the Pulumi CLI reads it:
 * keys namespaced (bare keys belong to the project), values as YAML gives them (lists and mappings stay structured,
 * `secure:` values stay `{ secure: <ciphertext> }`), project-file defaults under the keys the file does not set.
 * Reference: https://www.pulumi.com/docs/iac/concepts/config/
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { namespacedKey } from './config-key';
import { type PulumiProject } from './pulumi-project';
import { WorkspaceError, keyError } from './workspace-error';
import { isMapping, readYamlFile } from './workspace-files';

/** The config a stack runs with, before any override. */
export interface StackConfigFile {
  /** The stack config file that was read, or undefined when the stack has none (project defaults only). */
  readonly file?: string;
  /** Config by namespaced key: project defaults, then the file's values. */
  readonly config: Record<string, unknown>;
}

const STACK_NAME = /^[A-Za-z0-9_.-]+$/;
const STACK_CONFIG_FILE = /^Pulumi\.([A-Za-z0-9_.-]+)\.ya?ml$/;

/** True for a valid stack name: letters, digits, `-`, `_` and `.` (so it is also a safe part of a file name). */
export function isStackName(name: string): boolean {
  return STACK_NAME.test(name);
}

function assertStackName(stack: string): void {
  if (!isStackName(stack)) {
    throw new WorkspaceError(`stack name "${stack}" is not valid: use letters, digits, "-", "_" and "." only`);
  }
}

/** The config file of a stack: the existing `Pulumi.<stack>.yaml` or `.yml`, else the `.yaml` path it would have. */
export function stackConfigFile(project: PulumiProject, stack: string): string {
  assertStackName(stack);
  const candidates = [`Pulumi.${stack}.yaml`, `Pulumi.${stack}.yml`].map((name) => path.join(project.stackConfigDirectory, name));
  return candidates.find((candidate) => fs.existsSync(candidate)) ?? (candidates[0] as string);
}

/** The stacks that have a config file in the project's `stackConfigDir`, sorted. */
export function stackNamesOf(project: PulumiProject): string[] {
  if (!fs.existsSync(project.stackConfigDirectory)) {
    throw new WorkspaceError(`${project.file}: "stackConfigDir" ${project.stackConfigDirectory} does not exist`, {
      file: project.file,
      key: 'stackConfigDir',
    });
  }
  const names = fs
    .readdirSync(project.stackConfigDirectory)
    .map((file) => STACK_CONFIG_FILE.exec(file)?.[1])
    .filter((stack): stack is string => stack !== undefined);
  return [...new Set(names)].sort();
}

/**
 * Reads a stack's config: the project defaults, overlaid with `Pulumi.<stack>.yaml` when the stack has one. Throws
 * {@link WorkspaceError} naming the file (and key) for an invalid stack name, invalid YAML or a `config` that is not
 * a mapping.
 */
export function readStackConfig(project: PulumiProject, stack: string): StackConfigFile {
  const candidate = stackConfigFile(project, stack);
  const config: Record<string, unknown> = {};
  for (const entry of project.configDefaults) config[entry.key] = entry.value;
  if (!fs.existsSync(candidate)) return { config };
  const document = readYamlFile(candidate);
  if (document !== undefined && document !== null && !isMapping(document)) {
    throw new WorkspaceError(`${candidate}: must be a YAML mapping with a "config" block`, { file: candidate });
  }
  const block = isMapping(document) ? document['config'] : undefined;
  if (block !== undefined && block !== null && !isMapping(block)) throw keyError(candidate, 'config', 'must be a mapping of keys to values');
  for (const [key, value] of Object.entries(block ?? {})) config[namespacedKey(key, project.name)] = value;
  return { file: candidate, config };
}
