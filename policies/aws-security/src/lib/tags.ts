/**
 * Reading AWS resource tags and a provider's `defaultTags`. Resource tags arrive as a map; the aws provider
 * serialises its own inputs to JSON text, so `defaultTags` reaches a policy as `'{"tags":{...}}'` (an object when
 * a test or another engine passes it as is). Autoscaling groups take a list of `{ key, value }` blocks instead.
 */
import { isUnknown, rawProps, UNDECIDED, type Undecided } from '@bulwark/policy-kit';

/** Tag values by key; a value may be the unknown sentinel or a non-string when the program passes one. */
export type TagMap = Readonly<Record<string, unknown>>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Parses JSON text, or returns the value itself when it is not text; undefined when the text is not JSON. */
function fromJsonText(value: unknown): unknown {
  if (typeof value !== 'string' || isUnknown(value)) return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * A `tags` input as a map: the map, UNDECIDED when the whole value (or a list block) is unknown, undefined when
 * absent or not tag-shaped. Accepts a map, JSON text of a map, or a list of `{ key, value }` blocks.
 */
export function tagMapValue(value: unknown): TagMap | Undecided | undefined {
  if (isUnknown(value)) return UNDECIDED;
  const parsed = fromJsonText(value);
  if (isUnknown(parsed)) return UNDECIDED;
  if (isRecord(parsed)) return parsed;
  if (!Array.isArray(parsed)) return undefined;
  const tags: Record<string, unknown> = {};
  for (const block of parsed) {
    if (isUnknown(block)) return UNDECIDED;
    if (!isRecord(block)) continue;
    const key = block['key'];
    if (isUnknown(key)) return UNDECIDED;
    if (typeof key === 'string') tags[key] = block['value'];
  }
  return tags;
}

/**
 * The `defaultTags.tags` of a provider (its props, as the policy SDK gives them): the map, UNDECIDED when unknown,
 * undefined when the provider sets none.
 */
export function providerDefaultTags(providerProps: unknown): TagMap | Undecided | undefined {
  const defaultTags = fromJsonText(rawProps(providerProps)['defaultTags']);
  if (isUnknown(defaultTags)) return UNDECIDED;
  if (!isRecord(defaultTags)) return undefined;
  return tagMapValue(defaultTags['tags']);
}
