/**
 * Parses the command line of each `bulwark` command (the contract in DESIGN.md) into plain options. Every
 * mistake is a {@link UsageError} that says which option and what it accepts.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isStackName } from '@bulwark/offline';
import { UsageError } from './exit-codes';
import { isReportFormat, REPORT_FORMATS, type ReportFormat } from './report/report-format';

export const USAGE = `usage:
  bulwark preview [PROJECT...] [--stack dev] [--update] [--format F] [--output FILE] [--workspace DIR]
      every workspace stack (or those named) in dependency order, each with the workspace pack
  bulwark check DIR [--stack NAME] [--config KEY=VALUE]... [--policy-pack DIR]... [--policy-pack-config FILE]...
                [--update] [--format F] [--output FILE] [--organization ORG]
      any Pulumi TypeScript/JavaScript program directory (with Pulumi.yaml); default pack: the workspace pack
  bulwark rules [--format text|json|markdown] [--framework fsbp|cis] [--policy-pack DIR]
      the rules of the workspace pack (or of the given pack)

formats: ${REPORT_FORMATS.join(', ')}
exit codes: 0 no mandatory violation, 1 mandatory violations, 2 error`;

export interface CommonOptions {
  readonly stack: string;
  readonly mode: 'preview' | 'update';
  readonly format: ReportFormat;
  readonly output?: string;
  readonly organization: string;
}

export interface CheckOptions extends CommonOptions {
  readonly command: 'check';
  readonly directory: string;
  readonly config: Record<string, string>;
  readonly policyPacks: string[];
  readonly policyPackConfigs: string[];
}

export interface PreviewOptions extends CommonOptions {
  readonly command: 'preview';
  readonly projects: string[];
  readonly workspace?: string;
}

export interface RulesOptions {
  readonly command: 'rules';
  readonly format: 'text' | 'json' | 'markdown';
  readonly framework?: 'fsbp' | 'cis';
  readonly policyPack?: string;
  readonly workspace?: string;
}

export interface HelpOptions {
  readonly command: 'help';
}

export type CommandOptions = CheckOptions | PreviewOptions | RulesOptions | HelpOptions;

type Options = NonNullable<ParseArgsConfig['options']>;

const COMMON: Options = {
  stack: { type: 'string' },
  update: { type: 'boolean' },
  format: { type: 'string' },
  output: { type: 'string' },
  organization: { type: 'string' },
};

function parse(args: string[], options: Options, command: string): { values: Record<string, unknown>; positionals: string[] } {
  try {
    const parsed = parseArgs({ args, options: { ...options, help: { type: 'boolean' } }, allowPositionals: true, strict: true });
    return { values: parsed.values as Record<string, unknown>, positionals: parsed.positionals };
  } catch (error) {
    throw new UsageError(`bulwark ${command}: ${(error as Error).message}`);
  }
}

function stringOption(values: Record<string, unknown>, name: string): string | undefined {
  const value = values[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} needs a value`);
  return value;
}

function common(values: Record<string, unknown>, command: string): CommonOptions {
  const format = stringOption(values, 'format') ?? 'text';
  if (!isReportFormat(format)) throw new UsageError(`bulwark ${command}: --format must be one of ${REPORT_FORMATS.join(', ')}, got "${format}"`);
  const stack = stringOption(values, 'stack') ?? 'dev';
  if (!isStackName(stack)) throw new UsageError(`bulwark ${command}: --stack "${stack}" is not a valid stack name`);
  const output = stringOption(values, 'output');
  return {
    stack,
    mode: values['update'] ? 'update' : 'preview',
    format,
    ...(output ? { output } : {}),
    organization: stringOption(values, 'organization') ?? 'organization',
  };
}

function configPairs(entries: unknown): Record<string, string> {
  const config: Record<string, string> = {};
  for (const entry of (entries as string[] | undefined) ?? []) {
    const equals = entry.indexOf('=');
    if (equals <= 0) throw new UsageError(`--config "${entry}" must be KEY=VALUE (e.g. --config aws:region=eu-west-1)`);
    config[entry.slice(0, equals)] = entry.slice(equals + 1);
  }
  return config;
}

/** Parses `bulwark <command> ...` (without the node and script arguments). */
export function parseCommandLine(argv: readonly string[]): CommandOptions {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') return { command: 'help' };
  switch (command) {
    case 'check': {
      const { values, positionals } = parse(rest, {
        ...COMMON,
        config: { type: 'string', multiple: true },
        'policy-pack': { type: 'string', multiple: true },
        'policy-pack-config': { type: 'string', multiple: true },
      }, command);
      if (values['help']) return { command: 'help' };
      if (positionals.length !== 1) {
        throw new UsageError(`bulwark check needs exactly one program directory, got ${positionals.length ? positionals.join(' ') : 'none'}`);
      }
      const policyPacks = (values['policy-pack'] as string[] | undefined) ?? [];
      const policyPackConfigs = (values['policy-pack-config'] as string[] | undefined) ?? [];
      if (policyPackConfigs.length > Math.max(policyPacks.length, 1)) {
        throw new UsageError('each --policy-pack-config belongs to the --policy-pack in the same position: there are more configs than packs');
      }
      return {
        command,
        ...common(values, command),
        directory: positionals[0] as string,
        config: configPairs(values['config']),
        policyPacks,
        policyPackConfigs,
      };
    }
    case 'preview': {
      const { values, positionals } = parse(rest, { ...COMMON, workspace: { type: 'string' } }, command);
      if (values['help']) return { command: 'help' };
      const workspace = stringOption(values, 'workspace');
      return { command, ...common(values, command), projects: positionals, ...(workspace ? { workspace } : {}) };
    }
    case 'rules': {
      const { values, positionals } = parse(
        rest,
        { format: { type: 'string' }, framework: { type: 'string' }, 'policy-pack': { type: 'string' }, workspace: { type: 'string' } },
        command,
      );
      if (values['help']) return { command: 'help' };
      if (positionals.length > 0) throw new UsageError(`bulwark rules takes no arguments, got ${positionals.join(' ')}`);
      const format = stringOption(values, 'format') ?? 'text';
      if (format !== 'text' && format !== 'json' && format !== 'markdown') {
        throw new UsageError(`bulwark rules: --format must be one of text, json, markdown, got "${format}"`);
      }
      const framework = stringOption(values, 'framework');
      if (framework !== undefined && framework !== 'fsbp' && framework !== 'cis') {
        throw new UsageError(`bulwark rules: --framework must be fsbp or cis, got "${framework}"`);
      }
      const policyPack = stringOption(values, 'policy-pack');
      const workspace = stringOption(values, 'workspace');
      return {
        command,
        format,
        ...(framework ? { framework } : {}),
        ...(policyPack ? { policyPack } : {}),
        ...(workspace ? { workspace } : {}),
      };
    }
    default:
      throw new UsageError(`unknown command "${command}": use preview, check or rules`);
  }
}
