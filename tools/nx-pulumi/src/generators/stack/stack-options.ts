/**
 * The options of `nx g @bulwark/nx-pulumi:stack`, checked and completed from the workspace: the stacks it consumes
 * must exist (and export their output contract as `<Name>Outputs`), and the values every stack shares (region,
 * accounts, project, unique id) default to those the existing stacks agree on, read by `@bulwark/workspace`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { discoverStacks, readStackConfig, type WorkspaceStack } from '@bulwark/workspace';

/** The options as `nx g` passes them (schema.json). */
export interface StackGeneratorOptions {
  readonly name: string;
  readonly owner: string;
  readonly consumes?: string;
  readonly description?: string;
  readonly region?: string;
  readonly devAccountId?: string;
  readonly prodAccountId?: string;
  readonly project?: string;
  readonly uniqueId?: string;
  readonly skipDocs?: boolean;
}

/** A stack the new one reads, as the templates need it. */
export interface Producer {
  /** The producer's nx name (`network`). */
  readonly name: string;
  /** Its package (`@bulwark/stack-network`), whose `/outputs` entry holds the contract. */
  readonly packageName: string;
  /** Its version, for the devDependency. */
  readonly version: string;
  /** The contract's type name (`NetworkOutputs`). */
  readonly outputsType: string;
  /** The producer as an identifier (`network`, `sharedNetwork`). */
  readonly camelName: string;
  /** Its directory relative to the workspace root (`stacks/network`), for the tsconfig reference. */
  readonly root: string;
  /** Its Pulumi project name, the default project of the StackReference. */
  readonly pulumiProject: string;
}

/** The environments the new stack gets a config file for, as the existing stacks have them. */
export const ENVIRONMENTS = ['dev', 'prod'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

/** Everything the files are made from. */
export interface NormalizedStackOptions {
  readonly name: string;
  /** `MyStack` from `my-stack`. */
  readonly pascalName: string;
  /** `myStack` from `my-stack`. */
  readonly camelName: string;
  readonly owner: string;
  readonly description: string;
  /** Relative to the workspace root: `stacks/<name>`. */
  readonly directory: string;
  readonly producers: readonly Producer[];
  readonly region: string;
  readonly accounts: Readonly<Record<Environment, string>>;
  readonly project: string;
  readonly uniqueId: string;
  readonly skipDocs: boolean;
}

const STACK_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const ACCOUNT_ID = /^\d{12}$/;

/** `my-stack` -> `MyStack`. */
export function pascalCase(name: string): string {
  return name
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

/** `my-stack` -> `myStack`. */
export function camelCase(name: string): string {
  const pascal = pascalCase(name);
  return pascal.charAt(0).toLowerCase() + pascal.slice(1);
}

function producerOf(root: string, stack: WorkspaceStack): Producer {
  const manifest = JSON.parse(fs.readFileSync(stack.packageFile, 'utf8')) as { name: string; version: string };
  const outputsType = `${pascalCase(stack.name)}Outputs`;
  const contract = path.join(stack.directory, 'src', 'outputs.ts');
  if (!fs.existsSync(contract) || !new RegExp(`export (interface|type) ${outputsType}\\b`).test(fs.readFileSync(contract, 'utf8'))) {
    throw new Error(`--consumes ${stack.name}: ${contract} must export the stack's output contract as ${outputsType}`);
  }
  if (!fs.existsSync(path.join(stack.directory, 'outputs.ts'))) {
    throw new Error(`--consumes ${stack.name}: ${path.join(stack.directory, 'outputs.ts')} is missing: the ${manifest.name}/outputs entry consumers import the contract from`);
  }
  return {
    name: stack.name,
    packageName: manifest.name,
    version: manifest.version,
    outputsType,
    camelName: camelCase(stack.name),
    root: path.relative(root, stack.directory).split(path.sep).join('/'),
    pulumiProject: stack.project.name,
  };
}

/**
 * The value of `key` in every existing stack's `Pulumi.<environment>.yaml`, when they all agree; `given` wins. Throws
 * naming the option to pass when there is no given value and the stacks disagree or there are none.
 */
function sharedValue(stacks: readonly WorkspaceStack[], environment: Environment, key: string, option: string, given: string | undefined): unknown {
  if (given !== undefined) return given;
  const values = new Map<string, string[]>();
  for (const stack of stacks) {
    const value = readStackConfig(stack.project, environment).config[key];
    if (value === undefined) continue;
    const text = JSON.stringify(value);
    values.set(text, [...(values.get(text) ?? []), stack.name]);
  }
  if (values.size === 1) return JSON.parse([...values.keys()][0] as string) as unknown;
  const found = [...values].map(([value, names]) => `${value} (${names.join(', ')})`).join(', ');
  throw new Error(`--${option}: the existing stacks ${values.size === 0 ? 'set no' : `disagree on`} ${key} in Pulumi.${environment}.yaml${found ? `: ${found}` : ''}; give it`);
}

function accountOf(stacks: readonly WorkspaceStack[], environment: Environment, option: string, given: string | undefined): string {
  const value = sharedValue(stacks, environment, 'aws:allowedAccountIds', option, given);
  const account = Array.isArray(value) ? value[0] : value;
  if (typeof account !== 'string' || !ACCOUNT_ID.test(account)) throw new Error(`--${option}: ${JSON.stringify(account)} is not a 12-digit AWS account id`);
  return account;
}

function textOf(stacks: readonly WorkspaceStack[], key: string, option: string, given: string | undefined): string {
  const values = ENVIRONMENTS.map((environment) => sharedValue(stacks, environment, key, option, given));
  if (new Set(values.map((value) => JSON.stringify(value))).size !== 1 || typeof values[0] !== 'string') {
    throw new Error(`--${option}: the existing stacks use ${values.map((value) => JSON.stringify(value)).join(' and ')} for ${key} in dev and prod; give one`);
  }
  return values[0];
}

/** Checks the options against the workspace at `root` and completes them. Errors name the option and what to do. */
export function normalizeStackOptions(root: string, options: StackGeneratorOptions): NormalizedStackOptions {
  const name = options.name.trim();
  if (!STACK_NAME.test(name) || name.length > 40) {
    throw new Error(`stack name "${name}" must be lowercase letters and digits in hyphen-separated words, at most 40 characters (it names buckets, keys and config keys)`);
  }
  const owner = options.owner?.trim() ?? '';
  if (!/^(@[A-Za-z0-9][A-Za-z0-9-]*\/)?[A-Za-z0-9][A-Za-z0-9._-]*$/.test(owner)) {
    throw new Error(`--owner "${owner}" must name a team (letters, digits, ".", "_" and "-"), or a GitHub team as @<organization>/<team>`);
  }
  const stacks = discoverStacks(root);
  if (stacks.some((stack) => stack.name === name) || fs.existsSync(path.join(root, 'stacks', name))) {
    throw new Error(`stacks/${name} (or a stack named "${name}") already exists`);
  }
  const consumes = [...new Set((options.consumes ?? '').split(',').map((entry) => entry.trim()).filter(Boolean))];
  const producers = consumes.map((producer) => {
    const stack = stacks.find((candidate) => candidate.name === producer);
    if (!stack) throw new Error(`--consumes ${producer}: no such stack (stacks: ${stacks.map((candidate) => candidate.name).join(', ') || 'none'})`);
    return producerOf(root, stack);
  });
  return {
    name,
    pascalName: pascalCase(name),
    camelName: camelCase(name),
    owner,
    description: options.description?.trim() || `The ${name} stack: a KMS key and a private, encrypted, logged S3 bucket.`,
    directory: `stacks/${name}`,
    producers,
    region: textOf(stacks, 'aws:region', 'region', options.region),
    accounts: { dev: accountOf(stacks, 'dev', 'devAccountId', options.devAccountId), prod: accountOf(stacks, 'prod', 'prodAccountId', options.prodAccountId) },
    project: textOf(stacks, 'bulwark:project', 'project', options.project),
    uniqueId: textOf(stacks, 'bulwark:uniqueId', 'uniqueId', options.uniqueId),
    skipDocs: options.skipDocs ?? false,
  };
}
