/**
 * A stack config with `overrides` applied key by key: a value replaces the file's, `undefined` removes the key
 * (as `pulumi config rm` would), so a test can run the program without a key the file sets.
 */
export function withOverrides(config: Readonly<Record<string, unknown>>, overrides: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...config, ...overrides };
  for (const [key, value] of Object.entries(overrides)) if (value === undefined) delete merged[key];
  return merged;
}
