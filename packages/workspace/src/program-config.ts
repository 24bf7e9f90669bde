/**
 * The config a program runs with: a stack's config with overrides applied key by key (`bulwark check --config`,
 * a test's overrides). Bare override keys belong to the project, as on the Pulumi command line; an override whose
 * value is `undefined` removes the key, as `pulumi config rm` would.
 */
import { namespacedKey } from './config-key';

/** Returns `config` with `overrides` applied (namespaced, `undefined` removing a key); `config` is left as it was. */
export function withConfigOverrides(
  config: Readonly<Record<string, unknown>>,
  overrides: Readonly<Record<string, unknown>>,
  projectName: string,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...config };
  for (const [rawKey, value] of Object.entries(overrides)) {
    const key = namespacedKey(rawKey, projectName);
    if (value === undefined) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}
