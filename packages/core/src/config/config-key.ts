import { type z } from 'zod';
import { type ConfigIssue } from './stack-config-error';

/** How a key's raw config text is turned into a value before validation. */
export type ConfigValueKind = 'string' | 'number' | 'boolean' | 'list' | 'map';

/** A typed config key: how to read its text and the zod schema its value must satisfy. */
export interface ConfigKey<T> {
  readonly kind: ConfigValueKind;
  /** Validates the value (and supplies its default when the key is not set). */
  readonly schema: z.ZodType<T>;
  /** The expected form in words, used when the text cannot even be read as the right kind of value. */
  readonly expected: string;
}

/** The value type a {@link ConfigKey} yields. */
export type ConfigKeyValue<K> = K extends ConfigKey<infer T> ? T : never;

/** A key whose value is the config text itself. */
export function stringKey<T>(schema: z.ZodType<T>, expected: string): ConfigKey<T> {
  return { kind: 'string', schema, expected };
}

/** A key whose text is a number (`pulumi config set bulwark:logRetentionDays 365`). */
export function numberKey<T>(schema: z.ZodType<T>, expected: string): ConfigKey<T> {
  return { kind: 'number', schema, expected };
}

/** A key whose text is `true` or `false`. */
export function booleanKey<T>(schema: z.ZodType<T>, expected: string): ConfigKey<T> {
  return { kind: 'boolean', schema, expected };
}

/** A key holding a YAML list in `Pulumi.<stack>.yaml` (Pulumi passes it to the program as JSON text). */
export function listKey<T>(schema: z.ZodType<T>, expected: string): ConfigKey<T> {
  return { kind: 'list', schema, expected };
}

/** A key holding a YAML map in `Pulumi.<stack>.yaml` (Pulumi passes it to the program as JSON text). */
export function mapKey<T>(schema: z.ZodType<T>, expected: string): ConfigKey<T> {
  return { kind: 'map', schema, expected };
}

/** The outcome of reading one key: its typed value, or every problem with it. */
export type ConfigKeyReading<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: ConfigIssue[] };

/**
 * Converts a key's raw text to its kind and validates it, reporting problems against `fullKey`
 * (`namespace:name`, with `[i]` for list items) together with the bad value and the expected form.
 */
export function readConfigKey<T>(fullKey: string, text: string | undefined, key: ConfigKey<T>): ConfigKeyReading<T> {
  const converted = convertText(text, key.kind);
  if (!converted.ok) {
    return { ok: false, issues: [{ key: fullKey, value: text, expected: key.expected }] };
  }
  const parsed = key.schema.safeParse(converted.value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issues = parsed.error.issues.map((issue) => ({
    key: fullKey + pathSuffix(issue.path),
    value: valueAt(converted.value, issue.path),
    expected: issue.message,
  }));
  return { ok: false, issues };
}

function convertText(text: string | undefined, kind: ConfigValueKind): { ok: true; value: unknown } | { ok: false } {
  if (text === undefined) return { ok: true, value: undefined };
  switch (kind) {
    case 'string':
      return { ok: true, value: text };
    case 'number': {
      const trimmed = text.trim();
      // Number('') is 0 and Number('0x10') is 16: accept plain decimal notation only.
      if (!/^-?\d+(\.\d+)?$/.test(trimmed)) return { ok: false };
      return { ok: true, value: Number(trimmed) };
    }
    case 'boolean':
      if (text === 'true') return { ok: true, value: true };
      if (text === 'false') return { ok: true, value: false };
      return { ok: false };
    case 'list':
    case 'map': {
      try {
        const value: unknown = JSON.parse(text);
        const isMap = typeof value === 'object' && value !== null && !Array.isArray(value);
        return (kind === 'list' ? Array.isArray(value) : isMap) ? { ok: true, value } : { ok: false };
      } catch {
        return { ok: false };
      }
    }
  }
}

function pathSuffix(path: readonly PropertyKey[]): string {
  return path.map((segment) => (typeof segment === 'number' ? `[${segment}]` : `.${String(segment)}`)).join('');
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = root;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}
