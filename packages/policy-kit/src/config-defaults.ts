import type { PolicyConfigSchema } from '@pulumi/policy';

/** The config defaults a rule declares in its schema (deep copies, so a check cannot change them). */
export function configDefaults(schema: PolicyConfigSchema | undefined): Record<string, unknown> {
  const defaults: Record<string, unknown> = {};
  for (const [key, property] of Object.entries(schema?.properties ?? {})) {
    if (property && typeof property === 'object' && 'default' in property) {
      defaults[key] = structuredClone((property as { default: unknown }).default);
    }
  }
  return defaults;
}
