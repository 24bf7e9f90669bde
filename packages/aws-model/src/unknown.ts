/**
 * Values that are not known until apply. The Pulumi engine carries them as sentinel strings, one per kind of
 * value (`resource.UnknownStringValue` and its siblings, as `@pulumi/policy/proxy` lists them): the offline
 * engine writes them, rules read them. This is the one place that spells them.
 */

/** The engine's sentinel for an unknown value as it writes one (`resource.UnknownStringValue`). */
export const UNKNOWN = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';

/** Every sentinel the engine uses, by the kind of value it stands for. */
export const UNKNOWN_SENTINELS = {
  boolean: '1c4a061d-8072-4f0a-a4cb-0ff528b18fe7',
  number: '3eeb2bf0-c639-47a8-9e75-3b44932eb421',
  string: UNKNOWN,
  array: '6a19a0b0-7e62-4c92-b797-7f8e31da9cc2',
  asset: '030794c1-ac77-496b-92df-f27374a8bd58',
  archive: 'e48ece36-62e2-4504-bad9-02848725956a',
  object: 'dd056dcd-154b-4c76-9bd3-c8f88648b5ff',
} as const;

const SENTINELS: ReadonlySet<string> = new Set(Object.values(UNKNOWN_SENTINELS));

/** True when `value` is one of the engine's unknown sentinels. */
export function isUnknown(value: unknown): boolean {
  return typeof value === 'string' && SENTINELS.has(value);
}

/**
 * What a reader of resource properties returns when the value that decides a question is unknown in this mode
 * (a first-time preview). A symbol, never a possible property value, so the type checker makes every caller
 * say what an unknown means for its verdict.
 */
export const UNDECIDED: unique symbol = Symbol('undecided');

/** The type of {@link UNDECIDED}. */
export type Undecided = typeof UNDECIDED;
