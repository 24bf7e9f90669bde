/**
 * Safe reading of resource properties. The policy SDK hands rules a proxy that throws when a rule touches a
 * value that is unknown during preview; a rule that throws is reported as "can't run during preview" and its
 * violation is lost. Rules therefore read the raw values through these helpers and decide explicitly what an
 * unknown value means.
 */

/** The sentinels the engine uses for values not known during a preview (see `@pulumi/policy/proxy`). */
const UNKNOWN_SENTINELS = new Set([
  '1c4a061d-8072-4f0a-a4cb-0ff528b18fe7', // boolean
  '3eeb2bf0-c639-47a8-9e75-3b44932eb421', // number
  '04da6b54-80e4-46f7-96ec-b56ff0331ba9', // string
  '6a19a0b0-7e62-4c92-b797-7f8e31da9cc2', // array
  '030794c1-ac77-496b-92df-f27374a8bd58', // asset
  'e48ece36-62e2-4504-bad9-02848725956a', // archive
  'dd056dcd-154b-4c76-9bd3-c8f88648b5ff', // object
]);

/** A value that is not known until the resource is created. */
export const UNKNOWN: unique symbol = Symbol('unknown');
export type Unknown = typeof UNKNOWN;

/** True when `value` is an engine unknown sentinel. */
export function isUnknown(value: unknown): boolean {
  return typeof value === 'string' && UNKNOWN_SENTINELS.has(value);
}

/**
 * The raw properties behind the SDK's unknown-checking proxy (plain data: unknowns stay as sentinels).
 * Accepts a plain object too, so rules work the same under the CLI, in-process and in unit tests.
 */
export function rawProps(props: unknown): Record<string, unknown> {
  if (!props || typeof props !== 'object') return {};
  const target = (props as Record<string, unknown>)['__getSpecialProxyTarget'];
  const raw = target && typeof target === 'object' ? target : props;
  return raw as Record<string, unknown>;
}

/** A property that is a boolean: the boolean, UNKNOWN, or undefined when absent or not a boolean. */
export function boolValue(value: unknown): boolean | Unknown | undefined {
  if (isUnknown(value)) return UNKNOWN;
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

/** A property that is a string: the string, UNKNOWN, or undefined when absent or not a string. */
export function stringValue(value: unknown): string | Unknown | undefined {
  if (isUnknown(value)) return UNKNOWN;
  return typeof value === 'string' ? value : undefined;
}

/** A property that is a number (numeric strings accepted): the number, UNKNOWN, or undefined. */
export function numberValue(value: unknown): number | Unknown | undefined {
  if (isUnknown(value)) return UNKNOWN;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

/** A property that is a list: its elements, UNKNOWN, or [] when absent or not a list. */
export function listValue(value: unknown): unknown[] | Unknown {
  if (isUnknown(value)) return UNKNOWN;
  return Array.isArray(value) ? value : [];
}

/** A property that is an object: the object, UNKNOWN, or undefined when absent or not an object. */
export function recordValue(value: unknown): Record<string, unknown> | Unknown | undefined {
  if (isUnknown(value)) return UNKNOWN;
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** A single-element block (`metadataOptions`, `serverSideEncryption`): pulumi-aws passes an object, older shapes a list of one. */
export function blockValue(value: unknown): Record<string, unknown> | Unknown | undefined {
  if (isUnknown(value)) return UNKNOWN;
  if (Array.isArray(value)) return value.length > 0 ? recordValue(value[0]) : undefined;
  return recordValue(value);
}

/** Reads a nested path (`['metadataOptions', 'httpTokens']`), stopping at the first unknown. */
export function pathValue(props: unknown, path: readonly (string | number)[]): unknown {
  let current: unknown = props;
  for (const key of path) {
    if (isUnknown(current)) return current;
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}
