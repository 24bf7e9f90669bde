/**
 * The config a new stack's `Pulumi.dev.yaml` and `Pulumi.prod.yaml` set, with what each key means: one table that
 * renders both the files and the README's config table, so they cannot disagree.
 */
import { ENVIRONMENTS, type Environment, type NormalizedStackOptions } from './stack-options';

type ConfigValue = string | number | readonly string[];

/** One key of the stack's config files. */
export interface StackConfigValue {
  readonly key: string;
  readonly meaning: string;
  /** The value per environment. */
  readonly values: Readonly<Record<Environment, ConfigValue>>;
}

/** The keys the new stack's config files set (the shared keys of `@bulwark/core`, as the other stacks set them). */
export function stackConfigValues(options: NormalizedStackOptions, ownerTag: string): StackConfigValue[] {
  const both = (value: ConfigValue) => ({ dev: value, prod: value });
  return [
    { key: 'aws:region', meaning: 'the region the stack deploys to', values: both(options.region) },
    {
      key: 'aws:allowedAccountIds',
      meaning: 'the accounts the stack may deploy into (the provider refuses any other; the first is where it deploys)',
      values: { dev: [options.accounts.dev], prod: [options.accounts.prod] },
    },
    { key: 'bulwark:environment', meaning: 'the environment (`Environment` tag, physical names)', values: { dev: 'dev', prod: 'prod' } },
    { key: 'bulwark:owner', meaning: 'the team answerable for the stack (`Owner` tag)', values: both(ownerTag) },
    { key: 'bulwark:project', meaning: '`Project` tag and prefix of physical names', values: both(options.project) },
    { key: 'bulwark:uniqueId', meaning: 'suffix of globally unique names (the buckets)', values: both(options.uniqueId) },
    { key: 'bulwark:logRetentionDays', meaning: 'retention of the CloudWatch log groups you add (`EncryptedLogGroup`, days)', values: { dev: 90, prod: 365 } },
    { key: 'bulwark:kmsKeyDeletionWindowDays', meaning: 'waiting period before a scheduled key deletion (days)', values: { dev: 7, prod: 30 } },
  ];
}

// Plain YAML scalars where the other stacks write them plain; anything YAML could read otherwise is quoted.
function scalar(value: string | number): string {
  if (typeof value === 'number') return String(value);
  return /^[A-Za-z][A-Za-z0-9._-]*$/.test(value) && !/^(true|false|yes|no|on|off|null)$/i.test(value) ? value : JSON.stringify(value);
}

/** The `config:` block of `Pulumi.<environment>.yaml`. */
export function stackConfigYaml(values: readonly StackConfigValue[], environment: Environment): string {
  const lines = ['config:'];
  for (const { key, values: byEnvironment } of values) {
    const value = byEnvironment[environment];
    if (Array.isArray(value)) lines.push(`  ${key}:`, ...value.map((item) => `    - ${JSON.stringify(item)}`));
    else lines.push(`  ${key}: ${scalar(value as string | number)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The README table rows: key, meaning, and the value in each environment. */
export function stackConfigRows(values: readonly StackConfigValue[]): string {
  return values
    .map(({ key, meaning, values: byEnvironment }) => {
      const cells = ENVIRONMENTS.map((environment) => {
        const value = byEnvironment[environment];
        return Array.isArray(value) ? value.map((item) => `\`${item}\``).join(', ') : `\`${String(value)}\``;
      });
      return `| \`${key}\` | ${meaning} | ${cells.join(' | ')} |`;
    })
    .join('\n');
}
