/**
 * What a stack runs with offline: its config as the workspace reads it (`@bulwark/workspace`: `Pulumi.<stack>.yaml`
 * in `stackConfigDir`, keys namespaced, project defaults filling unset keys), with its ciphertext replaced.
 *
 * `secure:` values are ciphertext encrypted by the stack's secrets provider, which offline runs cannot decrypt.
 * Bulwark passes {@link securePlaceholder} in their place, marked secret, and warns; give the real value with
 * `--config <key>=<value>` when a program needs it to decide what to create.
 */
import * as path from 'node:path';
import { readStackConfig, type PulumiProject } from '@bulwark/workspace';

export { isStackName, stackConfigFile } from '@bulwark/workspace';

/** What a stack runs with. */
export interface StackSettings {
  /** The stack config file that was read, or undefined when the stack has none. */
  readonly file?: string;
  /** Config by namespaced key. */
  readonly config: Record<string, unknown>;
  /** Keys whose values are secrets (every key that held a `secure:` value). */
  readonly secretKeys: string[];
  /** Things the user should know: every `secure:` value replaced by a placeholder. */
  readonly warnings: string[];
}

/** The value an encrypted (`secure:`) config value is replaced with: recognisable in reports, never a real secret. */
export function securePlaceholder(key: string): string {
  return `offline-secret-${key.replace(/[^A-Za-z0-9]+/g, '-')}`;
}

function isSecure(value: unknown): value is { secure: string } {
  return (
    !!value &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.keys(value).length === 1 &&
    typeof (value as Record<string, unknown>)['secure'] === 'string'
  );
}

/** Replaces `secure:` values (also nested in structured config) with placeholders; reports whether any was found. */
function withoutCiphertext(key: string, value: unknown): { value: unknown; secure: boolean } {
  if (isSecure(value)) return { value: securePlaceholder(key), secure: true };
  if (Array.isArray(value)) {
    const items = value.map((item) => withoutCiphertext(key, item));
    return { value: items.map((item) => item.value), secure: items.some((item) => item.secure) };
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).map(([field, item]) => [field, withoutCiphertext(key, item)] as const);
    return {
      value: Object.fromEntries(entries.map(([field, item]) => [field, item.value])),
      secure: entries.some(([, item]) => item.secure),
    };
  }
  return { value, secure: false };
}

/**
 * Reads a stack's settings (a stack without a config file runs with the project defaults only). Throws the
 * workspace's error naming the file for an invalid stack name, invalid YAML or a `config` that is not a mapping.
 */
export function readStackSettings(project: PulumiProject, stack: string): StackSettings {
  const { file, config: raw } = readStackConfig(project, stack);
  const config: Record<string, unknown> = {};
  const secretKeys: string[] = [];
  const warnings: string[] = [];
  for (const [key, rawValue] of Object.entries(raw)) {
    const { value, secure } = withoutCiphertext(key, rawValue);
    config[key] = value;
    if (secure) {
      secretKeys.push(key);
      warnings.push(
        `${path.basename(file ?? project.file)}: "${key}" is encrypted (secure:) and cannot be decrypted offline; ` +
          `running with the placeholder "${securePlaceholder(key)}" marked secret (give the value with --config ${key}=...)`,
      );
    }
  }
  return { ...(file ? { file } : {}), config, secretKeys, warnings };
}
