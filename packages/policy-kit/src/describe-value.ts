/**
 * Rendering a property value inside a finding message, so the developer sees exactly what the program passed.
 */

const MAX_LENGTH = 120;

/** The value as a message shows it: `not set` when absent, JSON otherwise (shortened when long). */
export function describeValue(value: unknown): string {
  if (value === undefined || value === null) return 'not set';
  let text: string;
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    // Cyclic or otherwise unserializable values cannot come from the engine, but a rule must never throw.
    text = String(value);
  }
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 3)}...` : text;
}
