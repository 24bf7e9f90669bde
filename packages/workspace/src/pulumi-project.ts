/**
 * A Pulumi project's file, `Pulumi.yaml` (or `Pulumi.yml`), read as the Pulumi CLI reads it: name, runtime and its
 * options, entry (`main`), where the stack config files live (`stackConfigDir`) and project-level config defaults.
 * Reference: https://www.pulumi.com/docs/iac/concepts/projects/project-file/
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { namespacedKey } from './config-key';
import { WorkspaceError, keyError } from './workspace-error';
import { isMapping, readYamlFile } from './workspace-files';

/** The project file names the Pulumi CLI accepts, in the order it looks for them. */
export const PROJECT_FILE_NAMES = ['Pulumi.yaml', 'Pulumi.yml'] as const;

/**
 * A valid project name: letters, digits, `-`, `_` and `.`, at most 100 characters (the Pulumi CLI's own rule; the
 * name is part of every stack's fully qualified name and of every URN).
 */
const PROJECT_NAME = /^[A-Za-z0-9_.-]{1,100}$/;

/** A config key declared in the project file's `config:` block, with the value a stack gets when it sets none. */
export interface ProjectConfigDefault {
  /** The namespaced key (`<project>:<name>` for a bare key). */
  readonly key: string;
  readonly value: unknown;
}

/** What the workspace knows of a Pulumi project. */
export interface PulumiProject {
  /** The absolute project directory (where the project file is). */
  readonly directory: string;
  /** The absolute project file that was read. */
  readonly file: string;
  /** `name`: the middle part of every stack's fully qualified name. */
  readonly name: string;
  /** `runtime` (or `runtime.name`): `nodejs`, `python`... */
  readonly runtime: string;
  /** `runtime.options` (`typescript`, `nodeargs`, `packagemanager`...), empty when none. */
  readonly runtimeOptions: Readonly<Record<string, unknown>>;
  /** `main`: the entry relative to the directory, or undefined for the package's own entry. */
  readonly main?: string;
  readonly description?: string;
  /** `stackConfigDir`, absolute: where the `Pulumi.<stack>.yaml` files are (the project directory by default). */
  readonly stackConfigDirectory: string;
  /** Defaults from the project file's `config:` block, by namespaced key. */
  readonly configDefaults: readonly ProjectConfigDefault[];
}

/** The project file in `directory` (`Pulumi.yaml`, else `Pulumi.yml`), or undefined when there is none. */
export function projectFileIn(directory: string): string | undefined {
  return PROJECT_FILE_NAMES.map((name) => path.join(directory, name)).find((candidate) => fs.existsSync(candidate));
}

/** True for a valid Pulumi project name. */
export function isProjectName(name: string): boolean {
  return PROJECT_NAME.test(name);
}

const DECLARATION_FIELDS = ['type', 'description', 'default', 'value', 'secret', 'items'];

function configDefaultsOf(file: string, block: unknown, projectName: string): ProjectConfigDefault[] {
  if (block === undefined || block === null) return [];
  if (!isMapping(block)) throw keyError(file, 'config', 'must be a mapping of config keys to values or declarations');
  const defaults: ProjectConfigDefault[] = [];
  for (const [key, declaration] of Object.entries(block)) {
    // A declaration is either a plain value or `{ type, description, default | value }`.
    let value: unknown = declaration;
    if (isMapping(declaration) && DECLARATION_FIELDS.some((field) => field in declaration)) {
      value = 'value' in declaration ? declaration['value'] : declaration['default'];
    }
    if (value !== undefined && value !== null) defaults.push({ key: namespacedKey(key, projectName), value });
  }
  return defaults;
}

function runtimeOf(file: string, field: unknown): { runtime: string; runtimeOptions: Record<string, unknown> } {
  if (typeof field === 'string' && field !== '') return { runtime: field, runtimeOptions: {} };
  if (isMapping(field) && typeof field['name'] === 'string' && field['name'] !== '') {
    const options = field['options'];
    if (options !== undefined && options !== null && !isMapping(options)) throw keyError(file, 'runtime.options', 'must be a mapping');
    return { runtime: field['name'], runtimeOptions: { ...(options ?? {}) } };
  }
  throw keyError(file, 'runtime', 'is required: the language runtime, e.g. `runtime: nodejs` or `runtime: { name: nodejs, options: { typescript: true } }`');
}

function optionalPath(file: string, fields: Record<string, unknown>, key: string, what: string): string | undefined {
  const value = fields[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value === '') throw keyError(file, key, `must be ${what}, relative to the project file`);
  return value;
}

/**
 * Reads the Pulumi project in `directory`. Throws {@link WorkspaceError} naming the directory or file, and the key,
 * when the directory or its project file is missing, the file is not YAML, the name is missing or not a valid
 * project name, or a field has the wrong type.
 */
export function readPulumiProject(directory: string): PulumiProject {
  const absolute = path.resolve(directory);
  if (!fs.existsSync(absolute)) throw new WorkspaceError(`${absolute}: no such directory`, { file: absolute });
  if (!fs.statSync(absolute).isDirectory()) {
    throw new WorkspaceError(`${absolute}: not a directory (give the program directory that holds Pulumi.yaml)`, { file: absolute });
  }
  const file = projectFileIn(absolute);
  if (!file) throw new WorkspaceError(`${absolute}: no Pulumi.yaml, so it is not a Pulumi program directory`, { file: absolute });
  const document = readYamlFile(file);
  if (!isMapping(document)) throw new WorkspaceError(`${file}: must be a YAML mapping (name, runtime, ...)`, { file });
  const name = document['name'];
  if (typeof name !== 'string' || name.trim() === '') throw keyError(file, 'name', 'is required: the project name');
  if (!isProjectName(name)) {
    // A project copied from a template (`pulumi new`) still holds the template's placeholder: say so.
    const placeholder = /\$\{[^}]*\}/.test(name) ? '; a template placeholder such as ${PROJECT} must be replaced by the project name' : '';
    throw keyError(
      file,
      'name',
      `is ${JSON.stringify(name)}, not a valid Pulumi project name: use letters, digits, "-", "_" and "." only (at most 100 characters)${placeholder}`,
    );
  }
  const { runtime, runtimeOptions } = runtimeOf(file, document['runtime']);
  const main = optionalPath(file, document, 'main', 'a path to the program entry');
  const stackConfigDir = optionalPath(file, document, 'stackConfigDir', 'a directory');
  const description = document['description'];
  return {
    directory: absolute,
    file,
    name,
    runtime,
    runtimeOptions,
    ...(main !== undefined ? { main } : {}),
    ...(typeof description === 'string' ? { description } : {}),
    stackConfigDirectory: path.resolve(absolute, stackConfigDir ?? '.'),
    configDefaults: configDefaultsOf(file, document['config'], name),
  };
}
