import * as pulumi from '@pulumi/pulumi';
import { type ConfigKey, type ConfigKeyValue, readConfigKey } from './config-key';
import { allowedAccountIdsKey, primaryRegionKey, STACK_CONFIG_NAMESPACE, type StackConfig, stackConfigKeys } from './stack-config';
import { type ConfigIssue, StackConfigError } from './stack-config-error';

/** Stack-specific keys: name to typed key, e.g. `{ sshAllowedCidrs: sshAllowedCidrsKey }`. */
export type StackSettingKeys = Record<string, ConfigKey<unknown>>;

/** The typed values of a set of {@link StackSettingKeys}. */
export type StackSettings<K extends StackSettingKeys> = { readonly [Name in keyof K]: ConfigKeyValue<K[Name]> };

/** What {@link loadStackConfig} reads beyond the shared keys. */
export interface LoadStackConfigOptions<K extends StackSettingKeys> {
  /**
   * Keys only this stack uses, read from its own namespace (`network:sshAllowedCidrs`).
   * @default {} (no stack-specific keys)
   */
  readonly settings?: K;
  /**
   * The namespace the stack-specific keys live in.
   * @default the Pulumi project name
   */
  readonly settingsNamespace?: string;
  /**
   * The rules that tie keys together (a maximum below a minimum), run once every key holds a valid value. What
   * they find is reported in the same {@link StackConfigError} as unknown keys, so one run names every problem.
   * @default none
   */
  readonly contradictions?: (config: LoadedStackConfig<K>) => readonly ConfigIssue[];
}

/** The shared config plus the stack's own typed settings. */
export type LoadedStackConfig<K extends StackSettingKeys> = StackConfig & { readonly settings: StackSettings<K> };

/**
 * Reads and validates the stack's Pulumi config. Call it first in a program: it throws a {@link StackConfigError}
 * listing every bad or unknown key before any resource exists, so a bad config never produces a partial deploy.
 * Unknown keys are those of the `bulwark:` namespace and, when `settings` are given, of the settings namespace.
 */
export function loadStackConfig<K extends StackSettingKeys = Record<never, never>>(
  options: LoadStackConfigOptions<K> = {},
): LoadedStackConfig<K> {
  const issues: ConfigIssue[] = [];
  const read = <T>(namespace: string, name: string, key: ConfigKey<T>): T | undefined => {
    const reading = readConfigKey(`${namespace}:${name}`, new pulumi.Config(namespace).get(name), key);
    if (reading.ok) return reading.value;
    issues.push(...reading.issues);
    return undefined;
  };

  const shared: Record<string, unknown> = {};
  for (const [name, key] of Object.entries(stackConfigKeys)) {
    shared[name] = read(STACK_CONFIG_NAMESPACE, name, key as ConfigKey<unknown>);
  }
  const region = read('aws', 'region', primaryRegionKey);
  const allowedAccountIds = read('aws', 'allowedAccountIds', allowedAccountIdsKey);
  issues.push(...unknownKeys(STACK_CONFIG_NAMESPACE, Object.keys(stackConfigKeys)));

  const regions = (shared.regions as string[] | undefined) ?? (region === undefined ? [] : [region]);
  if (region !== undefined && shared.regions !== undefined && !regions.includes(region)) {
    issues.push({
      key: `${STACK_CONFIG_NAMESPACE}:regions`,
      value: regions,
      expected: `a list that includes the primary region aws:region = "${region}"`,
    });
  }

  const settingsNamespace = options.settingsNamespace ?? pulumi.getProject();
  const settings: Record<string, unknown> = {};
  for (const [name, key] of Object.entries(options.settings ?? {})) {
    settings[name] = read(settingsNamespace, name, key);
  }
  // Without declared settings the namespace may hold keys the program reads itself.
  const unknownSettings = options.settings === undefined ? [] : unknownKeys(settingsNamespace, Object.keys(options.settings));

  if (issues.length > 0) throw new StackConfigError([...issues, ...unknownSettings]);
  const config: LoadedStackConfig<K> = {
    ...(shared as Omit<StackConfig, 'region' | 'regions' | 'allowedAccountIds' | 'pulumiProject' | 'stack'>),
    region: region as string,
    regions,
    allowedAccountIds: allowedAccountIds as string[],
    pulumiProject: pulumi.getProject(),
    stack: pulumi.getStack(),
    settings: settings as StackSettings<K>,
  };
  const remaining = [...unknownSettings, ...(options.contradictions?.(config) ?? [])];
  if (remaining.length > 0) throw new StackConfigError(remaining);
  return config;
}

// A misspelt key (`bulwark:enviroment`, `data:cacheEnable`) would otherwise be ignored silently in favour of a
// default. Its value is not shown: it may be a secret set under the wrong key.
function unknownKeys(namespace: string, known: readonly string[]): ConfigIssue[] {
  const prefix = `${namespace}:`;
  return Object.keys(pulumi.runtime.allConfig())
    .filter((fullKey) => fullKey.startsWith(prefix) && !known.includes(fullKey.slice(prefix.length)))
    .map((fullKey) => ({
      key: fullKey,
      value: undefined,
      valueHidden: true,
      expected: `no such key; the ${namespace} namespace holds ${known.join(', ')}`,
    }));
}
