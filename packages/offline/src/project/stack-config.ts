/**
 * A stack's config file (`Pulumi.<stack>.yaml`), read as the Pulumi CLI reads it: keys namespaced (bare keys
 * belong to the project), structured values passed as JSON, project-file defaults filling unset keys.
 *
 * `secure:` values are ciphertext encrypted by the stack's secrets provider, which offline runs cannot decrypt.
 * Bulwark passes {@link securePlaceholder} in their place, marked secret, and warns; give the real value with
 * `--config <key>=<value>` when a program needs it to decide what to create.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { namespacedKey, ProjectError, readProjectYaml, type PulumiProject } from './pulumi-project';

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

/** True for a valid stack name: letters, digits, `-`, `_` and `.` (so it is also a safe file name part). */
export function isStackName(name: string): boolean {
  return /^[A-Za-z0-9_.-]+$/.test(name);
}

/** The path of a stack's config file (which may not exist). */
export function stackConfigFile(project: PulumiProject, stack: string): string {
  return path.join(project.stackConfigDirectory, `Pulumi.${stack}.yaml`);
}

/**
 * Reads `Pulumi.<stack>.yaml` (a stack without one runs with the project defaults only). Throws
 * {@link ProjectError} naming the file for invalid YAML or a `config` that is not a mapping.
 */
export function readStackSettings(project: PulumiProject, stack: string): StackSettings {
  if (!isStackName(stack)) {
    throw new ProjectError(`stack name "${stack}" is not valid: use letters, digits, "-", "_" and "." only`);
  }
  const candidates = [stackConfigFile(project, stack), path.join(project.stackConfigDirectory, `Pulumi.${stack}.yml`)];
  const file = candidates.find((candidate) => fs.existsSync(candidate));
  const config: Record<string, unknown> = {};
  for (const entry of project.configDefaults) config[entry.key] = entry.value;
  const secretKeys: string[] = [];
  const warnings: string[] = [];
  if (file) {
    const document = readProjectYaml(file);
    const block = document && typeof document === 'object' ? (document as Record<string, unknown>)['config'] : undefined;
    if (block !== undefined && block !== null && (typeof block !== 'object' || Array.isArray(block))) {
      throw new ProjectError(`${file}: "config" must be a mapping of keys to values`);
    }
    for (const [rawKey, rawValue] of Object.entries((block ?? {}) as Record<string, unknown>)) {
      const key = namespacedKey(rawKey, project.name);
      const { value, secure } = withoutCiphertext(key, rawValue);
      config[key] = value;
      if (secure) {
        secretKeys.push(key);
        warnings.push(
          `${path.basename(file)}: "${key}" is encrypted (secure:) and cannot be decrypted offline; ` +
            `running with the placeholder "${securePlaceholder(key)}" marked secret (give the value with --config ${key}=...)`,
        );
      }
    }
  }
  return { ...(file ? { file } : {}), config, secretKeys, warnings };
}
