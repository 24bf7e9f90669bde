/**
 * Parses the command line of each `bulwark` command (the contract in DESIGN.md, the help in usage.ts) into plain
 * options. Every mistake is a {@link UsageError} that says which option and what it accepts, with the closest
 * known option or command when a name is mistyped.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isStackName } from '@bulwark/workspace';
import { closestName } from './did-you-mean';
import { UsageError } from './exit-codes';
import { DEFAULT_PACK_TIMEOUTS, parsePackTimeout, type PackTimeouts } from './pack-timeout';
import { isReportFormat, REPORT_FORMATS, type ReportFormat } from './report/report-format';
import { type ReportMode } from './report/report-model';
import { COMMANDS, type Command } from './usage';

/** What `check` and `preview` share: how programs run and how the report is written. */
export interface RunOptions {
  readonly stack: string;
  /** `--mode`: a first-time preview, a simulated update, or both merged (the default). */
  readonly mode: ReportMode;
  readonly format: ReportFormat;
  readonly output?: string;
  /** `--quiet`: the report's findings and summary only; no progress lines. */
  readonly quiet: boolean;
  readonly organization: string;
  /** `--invoke-fixtures` files, in order. */
  readonly invokeFixtures: string[];
  /** `--stack-reference NAME=FILE.json`: the outputs file of each referenced stack, by its name. */
  readonly stackReferences: Record<string, string>;
  readonly packTimeouts: PackTimeouts;
  /** Report a remote component the engine cannot expand as an advisory finding rather than failing the run. */
  readonly allowOpaqueComponents: boolean;
}

export interface CheckOptions extends RunOptions {
  readonly command: 'check';
  readonly directory: string;
  readonly config: Record<string, string>;
  readonly policyPacks: string[];
  readonly policyPackConfigs: string[];
}

export interface PreviewOptions extends RunOptions {
  readonly command: 'preview';
  readonly projects: string[];
  readonly workspace?: string;
}

export interface RulesOptions {
  readonly command: 'rules';
  readonly format: 'text' | 'json' | 'markdown';
  readonly framework?: 'fsbp' | 'cis';
  readonly policyPack?: string;
  readonly policyPackConfig?: string;
  readonly workspace?: string;
  readonly packTimeouts: PackTimeouts;
}

export interface HelpOptions {
  readonly command: 'help';
  /** The command whose help was asked for; the overall usage when undefined. */
  readonly topic?: Command;
}

export interface VersionOptions {
  readonly command: 'version';
}

export type CommandOptions = CheckOptions | PreviewOptions | RulesOptions | HelpOptions | VersionOptions;

type Options = NonNullable<ParseArgsConfig['options']>;

const RUN: Options = {
  stack: { type: 'string' },
  mode: { type: 'string' },
  // Deprecated: `--mode update`. Kept so that existing scripts keep working; it says so on stderr.
  update: { type: 'boolean' },
  format: { type: 'string' },
  output: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  organization: { type: 'string' },
  'invoke-fixtures': { type: 'string', multiple: true },
  'stack-reference': { type: 'string', multiple: true },
  'pack-timeout': { type: 'string' },
  'allow-opaque-components': { type: 'boolean' },
};

/** Every option of each command (and `--help`): the single list the parser and the help test read. */
export const OPTIONS: Record<Command, Options> = {
  check: {
    ...RUN,
    config: { type: 'string', multiple: true },
    'policy-pack': { type: 'string', multiple: true },
    'policy-pack-config': { type: 'string', multiple: true },
  },
  preview: { ...RUN, workspace: { type: 'string' } },
  rules: {
    format: { type: 'string' },
    framework: { type: 'string' },
    'policy-pack': { type: 'string' },
    'policy-pack-config': { type: 'string' },
    workspace: { type: 'string' },
    'pack-timeout': { type: 'string' },
  },
};

/** Rejects options the command does not have before `parseArgs` does, naming the closest one it has. */
function checkOptionNames(args: readonly string[], options: Options, command: Command): void {
  const known = [...Object.keys(options), 'help'];
  const shortFlags = ['h', ...Object.values(options).flatMap((option) => (option.short ? [option.short] : []))];
  for (const arg of args) {
    if (arg === '--') return;
    if (/^-[a-zA-Z]+$/.test(arg) && [...arg.slice(1)].every((flag) => shortFlags.includes(flag))) continue;
    if (!arg.startsWith('-') || arg === '-') continue;
    const name = arg.replace(/^--?/, '').split('=')[0] as string;
    if (arg.startsWith('--') && known.includes(name)) continue;
    const suggestion = closestName(name, known);
    throw new UsageError(
      `bulwark ${command}: unknown option ${arg.split('=')[0]}${suggestion ? ` (did you mean --${suggestion}?)` : ''}`,
      command,
    );
  }
}

function parse(args: string[], command: Command): { values: Record<string, unknown>; positionals: string[] } {
  const options = OPTIONS[command];
  checkOptionNames(args, options, command);
  try {
    const parsed = parseArgs({
      args,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    return { values: parsed.values as Record<string, unknown>, positionals: parsed.positionals };
  } catch (error) {
    throw new UsageError(`bulwark ${command}: ${(error as Error).message}`, command);
  }
}

function stringOption(values: Record<string, unknown>, name: string, command: Command): string | undefined {
  const value = values[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} needs a value`, command);
  return value;
}

/** `KEY=VALUE` pairs of a repeatable option, by key. */
function pairs(entries: unknown, option: string, example: string, command: Command): Record<string, string> {
  const result: Record<string, string> = {};
  for (const entry of (entries as string[] | undefined) ?? []) {
    const equals = entry.indexOf('=');
    if (equals <= 0 || equals === entry.length - 1) {
      throw new UsageError(`--${option} "${entry}" must be ${option === 'config' ? 'KEY=VALUE' : 'NAME=FILE'} (e.g. --${option} ${example})`, command);
    }
    result[entry.slice(0, equals)] = entry.slice(equals + 1);
  }
  return result;
}

/** The modes `--mode` accepts. */
export const RUN_MODES: readonly ReportMode[] = ['both', 'preview', 'update'];

/** `--mode`, or the deprecated `--update` (which means `--mode update`); both when neither is given. */
function modeOption(values: Record<string, unknown>, command: 'check' | 'preview'): ReportMode {
  const given = stringOption(values, 'mode', command);
  if (given !== undefined && !(RUN_MODES as readonly string[]).includes(given)) {
    throw new UsageError(`bulwark ${command}: --mode must be one of ${RUN_MODES.join(', ')}, got "${given}"`, command);
  }
  if (values['update'] !== true) return (given as ReportMode | undefined) ?? 'both';
  if (given !== undefined && given !== 'update') {
    throw new UsageError(`bulwark ${command}: --update means --mode update, which contradicts --mode ${given}: give only --mode`, command);
  }
  process.stderr.write('warning: --update is deprecated: use --mode update (the default, --mode both, evaluates a preview and an update)\n');
  return 'update';
}

function runOptions(values: Record<string, unknown>, command: 'check' | 'preview'): RunOptions {
  const format = stringOption(values, 'format', command) ?? 'text';
  if (!isReportFormat(format)) throw new UsageError(`bulwark ${command}: --format must be one of ${REPORT_FORMATS.join(', ')}, got "${format}"`, command);
  const stack = stringOption(values, 'stack', command) ?? 'dev';
  if (!isStackName(stack)) throw new UsageError(`bulwark ${command}: --stack "${stack}" is not a valid stack name`, command);
  const output = stringOption(values, 'output', command);
  const timeout = stringOption(values, 'pack-timeout', command);
  return {
    stack,
    mode: modeOption(values, command),
    format,
    ...(output ? { output } : {}),
    quiet: values['quiet'] === true,
    organization: stringOption(values, 'organization', command) ?? 'organization',
    invokeFixtures: (values['invoke-fixtures'] as string[] | undefined) ?? [],
    stackReferences: pairs(values['stack-reference'], 'stack-reference', 'acme/network/prod=network-outputs.json', command),
    packTimeouts: timeout ? parsePackTimeout(timeout, command) : DEFAULT_PACK_TIMEOUTS,
    allowOpaqueComponents: values['allow-opaque-components'] === true,
  };
}

function parseCheck(rest: string[]): CheckOptions | HelpOptions {
  const { values, positionals } = parse(rest, 'check');
  if (values['help']) return { command: 'help', topic: 'check' };
  if (positionals.length !== 1) {
    throw new UsageError(`bulwark check needs exactly one program directory, got ${positionals.length ? positionals.join(' ') : 'none'}`, 'check');
  }
  const policyPacks = (values['policy-pack'] as string[] | undefined) ?? [];
  const policyPackConfigs = (values['policy-pack-config'] as string[] | undefined) ?? [];
  if (policyPackConfigs.length > Math.max(policyPacks.length, 1)) {
    throw new UsageError('each --policy-pack-config belongs to the --policy-pack in the same position: there are more configs than packs', 'check');
  }
  return {
    command: 'check',
    ...runOptions(values, 'check'),
    directory: positionals[0] as string,
    config: pairs(values['config'], 'config', 'aws:region=eu-west-1', 'check'),
    policyPacks,
    policyPackConfigs,
  };
}

function parsePreview(rest: string[]): PreviewOptions | HelpOptions {
  const { values, positionals } = parse(rest, 'preview');
  if (values['help']) return { command: 'help', topic: 'preview' };
  const workspace = stringOption(values, 'workspace', 'preview');
  return { command: 'preview', ...runOptions(values, 'preview'), projects: positionals, ...(workspace ? { workspace } : {}) };
}

function parseRules(rest: string[]): RulesOptions | HelpOptions {
  const { values, positionals } = parse(rest, 'rules');
  if (values['help']) return { command: 'help', topic: 'rules' };
  if (positionals.length > 0) throw new UsageError(`bulwark rules takes no arguments, got ${positionals.join(' ')}`, 'rules');
  const format = stringOption(values, 'format', 'rules') ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'markdown') {
    throw new UsageError(`bulwark rules: --format must be one of text, json, markdown, got "${format}"`, 'rules');
  }
  const framework = stringOption(values, 'framework', 'rules');
  if (framework !== undefined && framework !== 'fsbp' && framework !== 'cis') {
    throw new UsageError(`bulwark rules: --framework must be fsbp or cis, got "${framework}"`, 'rules');
  }
  const policyPack = stringOption(values, 'policy-pack', 'rules');
  const policyPackConfig = stringOption(values, 'policy-pack-config', 'rules');
  const workspace = stringOption(values, 'workspace', 'rules');
  const timeout = stringOption(values, 'pack-timeout', 'rules');
  return {
    command: 'rules',
    format,
    ...(framework ? { framework } : {}),
    ...(policyPack ? { policyPack } : {}),
    ...(policyPackConfig ? { policyPackConfig } : {}),
    ...(workspace ? { workspace } : {}),
    packTimeouts: timeout ? parsePackTimeout(timeout, 'rules') : DEFAULT_PACK_TIMEOUTS,
  };
}

function isCommand(name: string | undefined): name is Command {
  return (COMMANDS as readonly string[]).includes(name ?? '');
}

/** Parses `bulwark <command> ...` (without the node and script arguments). */
export function parseCommandLine(argv: readonly string[]): CommandOptions {
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError('no command given');
  if (command === '--version' || command === '-v' || command === 'version') return { command: 'version' };
  if (command === 'help' || command === '--help' || command === '-h') {
    const topic = rest[0];
    if (topic === undefined) return { command: 'help' };
    if (isCommand(topic)) return { command: 'help', topic };
    throw new UsageError(`bulwark help: no command "${topic}" (commands: ${COMMANDS.join(', ')})`);
  }
  switch (command) {
    case 'check':
      return parseCheck(rest);
    case 'preview':
      return parsePreview(rest);
    case 'rules':
      return parseRules(rest);
  }
  const suggestion = closestName(command.replace(/^-+/, ''), [...COMMANDS, 'help', 'version']);
  throw new UsageError(
    command.startsWith('-')
      ? `unknown option ${command} before the command${suggestion ? ` (did you mean ${isCommand(suggestion) ? suggestion : `--${suggestion}`}?)` : ''}`
      : `unknown command "${command}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}: use ${COMMANDS.join(', ')}`,
  );
}
