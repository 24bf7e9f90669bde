/**
 * The shape of a plain value, for comparing an example with the real thing without comparing values: `string`,
 * `number`, `boolean` or `null` for a scalar, `{ key: shape }` for an object, and for a list the distinct
 * shapes of its items (`[]` for an empty one), so lists of different lengths compare equal.
 */
export function shapeOf(value: unknown): unknown {
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    const distinct = new Map<string, unknown>();
    for (const item of value) {
      const shape = shapeOf(item);
      distinct.set(JSON.stringify(shape), shape);
    }
    return [...distinct.keys()].sort().map((key) => distinct.get(key));
  }
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, entry]) => [key, shapeOf(entry)]));
  }
  return typeof value;
}
