/**
 * Safe reading of resource properties. The policy SDK hands rules a proxy that throws when a rule touches a
 * value that is unknown during preview; a rule that throws is reported as "can't run during preview" and its
 * violation is lost. Rules therefore read the raw values through these helpers and decide explicitly what an
 * unknown value means: a reader returns {@link UNDECIDED} when the value is unknown, and the rule either decides
 * without it or reports an undecided finding (see `to-policy.ts`).
 */
import { isUnknown, UNDECIDED, type Undecided } from '@bulwark/aws-model';

// Rules read values and compare with UNDECIDED through one import.
export { isUnknown, UNDECIDED, type Undecided } from '@bulwark/aws-model';

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

/** A property that is a boolean: the boolean, UNDECIDED, or undefined when absent or not a boolean. */
export function boolValue(value: unknown): boolean | Undecided | undefined {
  if (isUnknown(value)) return UNDECIDED;
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

/** A property that is a string: the string, UNDECIDED, or undefined when absent or not a string. */
export function stringValue(value: unknown): string | Undecided | undefined {
  if (isUnknown(value)) return UNDECIDED;
  return typeof value === 'string' ? value : undefined;
}

/** A property that is a number (numeric strings accepted): the number, UNDECIDED, or undefined. */
export function numberValue(value: unknown): number | Undecided | undefined {
  if (isUnknown(value)) return UNDECIDED;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

/** A property that is a list: its elements, UNDECIDED, or [] when absent or not a list. */
export function listValue(value: unknown): unknown[] | Undecided {
  if (isUnknown(value)) return UNDECIDED;
  return Array.isArray(value) ? value : [];
}

/** A property that is an object: the object, UNDECIDED, or undefined when absent or not an object. */
export function recordValue(value: unknown): Record<string, unknown> | Undecided | undefined {
  if (isUnknown(value)) return UNDECIDED;
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** A single-element block (`metadataOptions`, `serverSideEncryption`): pulumi-aws passes an object, older shapes a list of one. */
export function blockValue(value: unknown): Record<string, unknown> | Undecided | undefined {
  if (isUnknown(value)) return UNDECIDED;
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
