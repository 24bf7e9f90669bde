/**
 * The project file of a Pulumi program directory (`Pulumi.yaml`): name, runtime, entry and config defaults,
 * read the way the Pulumi CLI reads it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as yaml from 'js-yaml';

/** A project file that cannot be used: says which file and what to change. */
export class ProjectError extends Error {
  override readonly name = 'ProjectError';
}

/** A config key declared in the project file's `config:` block, with the value a stack gets when it sets none. */
export interface ProjectConfigDefault {
  readonly key: string;
  readonly value: unknown;
}

/** What bulwark needs of a Pulumi project. */
export interface PulumiProject {
  /** The absolute program directory. */
  readonly directory: string;
  /** The project file that was read. */
  readonly file: string;
  readonly name: string;
  readonly runtime: string;
  /** The entry relative to the directory (`main:`), or undefined for the package's own entry. */
  readonly main?: string;
  readonly description?: string;
  /** Where the `Pulumi.<stack>.yaml` files live (`stackConfigDir:`), absolute. */
  readonly stackConfigDirectory: string;
  /** Config defaults from the project file, by namespaced key. */
  readonly configDefaults: readonly ProjectConfigDefault[];
}

const PROJECT_FILES = ['Pulumi.yaml', 'Pulumi.yml'];

/** True for a name the Pulumi CLI accepts for a project (`ValidateProjectName`: `^[A-Za-z0-9_.-]{1,100}$`). */
export function isProjectName(name: string): boolean {
  return /^[A-Za-z0-9_.-]{1,100}$/.test(name);
}

/** The namespaced form of a config key: bare keys belong to the project, as in the Pulumi CLI. */
export function namespacedKey(key: string, projectName: string): string {
  return key.includes(':') ? key : `${projectName}:${key}`;
}

/** Reads a YAML file of a program directory. Throws {@link ProjectError} naming the file when it is not YAML. */
export function readProjectYaml(file: string): unknown {
  try {
    return yaml.load(fs.readFileSync(file, 'utf8'), { filename: file });
  } catch (error) {
    throw new ProjectError(`${file}: not valid YAML: ${(error as Error).message}`);
  }
}

function configDefaultsOf(file: string, block: unknown, projectName: string): ProjectConfigDefault[] {
  if (block === undefined || block === null) return [];
  if (typeof block !== 'object' || Array.isArray(block)) throw new ProjectError(`${file}: "config" must be a mapping`);
  const defaults: ProjectConfigDefault[] = [];
  for (const [key, declaration] of Object.entries(block as Record<string, unknown>)) {
    // A declaration is either a plain value or `{ type, description, default | value }`.
    let value: unknown = declaration;
    if (declaration && typeof declaration === 'object' && !Array.isArray(declaration)) {
      const fields = declaration as Record<string, unknown>;
      const isDeclaration = ['type', 'description', 'default', 'value', 'secret', 'items'].some((field) => field in fields);
      if (isDeclaration) value = 'value' in fields ? fields['value'] : fields['default'];
    }
    if (value !== undefined && value !== null) defaults.push({ key: namespacedKey(key, projectName), value });
  }
  return defaults;
}

/**
 * Reads a program directory's `Pulumi.yaml`. Throws {@link ProjectError} when the directory or file is missing,
 * the file has no name, or the runtime is not Node.js (the only runtime bulwark can run).
 */
export function readPulumiProject(directory: string): PulumiProject {
  const absolute = path.resolve(directory);
  if (!fs.existsSync(absolute)) throw new ProjectError(`${absolute}: no such directory`);
  if (!fs.statSync(absolute).isDirectory()) throw new ProjectError(`${absolute}: not a directory (give the program directory that holds Pulumi.yaml)`);
  const file = PROJECT_FILES.map((name) => path.join(absolute, name)).find((candidate) => fs.existsSync(candidate));
  if (!file) throw new ProjectError(`${absolute}: no Pulumi.yaml, so it is not a Pulumi program directory`);
  const document = readProjectYaml(file);
  if (!document || typeof document !== 'object' || Array.isArray(document)) throw new ProjectError(`${file}: must be a YAML mapping`);
  const fields = document as Record<string, unknown>;
  const name = fields['name'];
  if (typeof name !== 'string' || name.trim() === '') throw new ProjectError(`${file}: "name" is required (the project name)`);
  if (!isProjectName(name)) {
    throw new ProjectError(
      `${file}: "name" ${JSON.stringify(name)} is not a valid Pulumi project name: use up to 100 letters, digits, "-", "_" and "." ` +
        '(a template placeholder such as ${PROJECT} must be replaced)',
    );
  }
  const runtimeField = fields['runtime'];
  const runtime =
    typeof runtimeField === 'string'
      ? runtimeField
      : runtimeField && typeof runtimeField === 'object'
        ? (runtimeField as Record<string, unknown>)['name']
        : undefined;
  if (typeof runtime !== 'string') throw new ProjectError(`${file}: "runtime" is required (bulwark runs "nodejs" programs)`);
  if (runtime !== 'nodejs') {
    throw new ProjectError(
      `${file}: runtime "${runtime}" is not supported: bulwark runs Node.js programs (runtime: nodejs, TypeScript or JavaScript) only`,
    );
  }
  const main = fields['main'];
  if (main !== undefined && typeof main !== 'string') throw new ProjectError(`${file}: "main" must be a path relative to the project`);
  const stackConfigDir = fields['stackConfigDir'];
  if (stackConfigDir !== undefined && typeof stackConfigDir !== 'string') throw new ProjectError(`${file}: "stackConfigDir" must be a path`);
  const description = fields['description'];
  return {
    directory: absolute,
    file,
    name,
    runtime,
    ...(main ? { main } : {}),
    ...(typeof description === 'string' ? { description } : {}),
    stackConfigDirectory: path.resolve(absolute, stackConfigDir ?? '.'),
    configDefaults: configDefaultsOf(file, fields['config'], name),
  };
}
