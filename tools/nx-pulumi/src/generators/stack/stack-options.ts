/**
 * The options of `nx g @bulwark/nx-pulumi:stack`, checked and completed from the workspace: the stacks it consumes
 * must exist (and export their output contract as `<Name>Outputs` from their `./outputs` entry), the baseline stack
 * whose access-logs bucket receives the new stack's S3 server access logs is always one of them, and the values
 * every stack shares (region, accounts, project, unique id) default to those the existing stacks agree on, read by
 * `@bulwark/workspace`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { deploymentAccount, discoverStacks, readStackConfig, stackConfigFile, type WorkspaceStack } from '@bulwark/workspace';

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

/**
 * The stack whose central access-logs bucket receives the S3 server access logs of every other stack's buckets (it
 * admits `<project>-<env>-*` buckets of its account): the new stack always consumes it.
 */
export const LOG_DESTINATION_STACK = 'baseline';

/** The package entries a consumed stack must export: its output contract (and, for the log destination, its test helpers). */
const OUTPUTS_ENTRY = './outputs';
const TESTING_ENTRY = './testing';

/**
 * What the new stack's tests import from the log destination's `./testing` entry: its example outputs, its run, and
 * the checks of log delivery and of its managed Config rules against another stack's resources.
 */
export const LOG_DESTINATION_TEST_HELPERS = ['exampleBaselineOutputs', 'runBaseline', 'accessLogDeliveryProblems', 'configRuleProblems'] as const;

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
  /** Every stack it reads: those of `--consumes`, then the log destination (unless given there). */
  readonly producers: readonly Producer[];
  /** The baseline stack, one of `producers`: its access-logs bucket receives the data bucket's server access logs. */
  readonly logDestination: Producer;
  /** The same stack as the workspace reads it (its Pulumi project and config files). */
  readonly logDestinationStack: WorkspaceStack;
  /** The purpose of the stack's data bucket (`<name>-data`), as physical names and the baseline's config name it. */
  readonly dataBucketPurpose: string;
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

/** The file a package's `exports` map gives for `entry`, or undefined when it exports no such entry. */
function exportedFile(manifest: { exports?: unknown }, entry: string): string | undefined {
  const exports = manifest.exports;
  if (typeof exports !== 'object' || exports === null) return undefined;
  const target = (exports as Record<string, unknown>)[entry];
  return typeof target === 'string' ? target : undefined;
}

function producerOf(root: string, stack: WorkspaceStack, option: string, entries: readonly string[]): Producer {
  const manifest = JSON.parse(fs.readFileSync(stack.packageFile, 'utf8')) as { name: string; version: string; exports?: unknown };
  const outputsType = `${pascalCase(stack.name)}Outputs`;
  const contract = path.join(stack.directory, 'src', 'outputs.ts');
  if (!fs.existsSync(contract) || !new RegExp(`export (interface|type) ${outputsType}\\b`).test(fs.readFileSync(contract, 'utf8'))) {
    throw new Error(`${option}: ${contract} must export the stack's output contract as ${outputsType}`);
  }
  for (const entry of entries) {
    const file = exportedFile(manifest, entry);
    if (file === undefined || !fs.existsSync(path.join(stack.directory, file))) {
      throw new Error(
        `${option}: ${stack.packageFile} must export "${entry}" (a file of the package) in its "exports" map: the ${manifest.name}/${entry.slice(2)} entry the new stack imports`,
      );
    }
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

/** Refuses a log destination whose `./testing` entry lacks a helper the new stack's tests import. */
function checkTestHelpers(destination: WorkspaceStack): void {
  const manifest = JSON.parse(fs.readFileSync(destination.packageFile, 'utf8')) as { exports?: unknown };
  const entry = path.join(destination.directory, exportedFile(manifest, TESTING_ENTRY) as string);
  const text = fs.readFileSync(entry, 'utf8');
  const missing = LOG_DESTINATION_TEST_HELPERS.filter((helper) => !new RegExp(`export\\b[^;]*\\b${helper}\\b`).test(text));
  if (missing.length > 0) {
    throw new Error(`${entry}: the new stack's tests import ${missing.join(', ')} from it; export ${missing.length === 1 ? 'it' : 'them'} there`);
  }
}

/**
 * Refuses a region or account other than the log destination's in either environment: S3 delivers server access logs
 * only between buckets of one account and region, so the new stack's bucket could not log into the baseline's
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html).
 */
function checkSameAccountAndRegion(root: string, destination: WorkspaceStack, region: string, accounts: Readonly<Record<Environment, string>>): void {
  for (const environment of ENVIRONMENTS) {
    const file = stackConfigFile(destination.project, environment);
    const shown = path.relative(root, file);
    const { config } = readStackConfig(destination.project, environment);
    const why = `S3 delivers server access logs only between buckets of one account and region, and the new stack's bucket logs into the ${destination.name} stack's access-logs bucket`;
    if (config['aws:region'] !== region) {
      throw new Error(`--region ${region}: ${shown} puts the ${destination.name} stack in ${JSON.stringify(config['aws:region'])}; ${why}`);
    }
    const account = deploymentAccount(config, shown);
    if (account !== accounts[environment]) {
      throw new Error(`--${environment}AccountId ${accounts[environment]}: ${shown} puts the ${destination.name} stack in account ${account}; ${why}`);
    }
  }
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
  const stackNames = stacks.map((candidate) => candidate.name).join(', ') || 'none';
  const given = [...new Set((options.consumes ?? '').split(',').map((entry) => entry.trim()).filter(Boolean))];
  const producers = given.filter((producer) => producer !== LOG_DESTINATION_STACK).map((producer) => {
    const stack = stacks.find((candidate) => candidate.name === producer);
    if (!stack) throw new Error(`--consumes ${producer}: no such stack (stacks: ${stackNames})`);
    return producerOf(root, stack, `--consumes ${producer}`, [OUTPUTS_ENTRY]);
  });
  const baseline = stacks.find((candidate) => candidate.name === LOG_DESTINATION_STACK);
  if (!baseline) {
    throw new Error(
      `the new stack sends its S3 server access logs to the ${LOG_DESTINATION_STACK} stack's access-logs bucket, and the workspace has no stack named "${LOG_DESTINATION_STACK}" (stacks: ${stackNames})`,
    );
  }
  const logDestination = producerOf(root, baseline, `the ${LOG_DESTINATION_STACK} stack (log destination)`, [OUTPUTS_ENTRY, TESTING_ENTRY]);
  checkTestHelpers(baseline);
  const region = textOf(stacks, 'aws:region', 'region', options.region);
  const accounts = { dev: accountOf(stacks, 'dev', 'devAccountId', options.devAccountId), prod: accountOf(stacks, 'prod', 'prodAccountId', options.prodAccountId) };
  checkSameAccountAndRegion(root, baseline, region, accounts);
  return {
    name,
    pascalName: pascalCase(name),
    camelName: camelCase(name),
    owner,
    description: options.description?.trim() || `The ${name} stack: a KMS key and a private, encrypted S3 bucket logging to the ${LOG_DESTINATION_STACK}'s access-logs bucket.`,
    directory: `stacks/${name}`,
    producers: [...producers, logDestination],
    logDestination,
    logDestinationStack: baseline,
    dataBucketPurpose: `${name}-data`,
    region,
    accounts,
    project: textOf(stacks, 'bulwark:project', 'project', options.project),
    uniqueId: textOf(stacks, 'bulwark:uniqueId', 'uniqueId', options.uniqueId),
    skipDocs: options.skipDocs ?? false,
  };
}
