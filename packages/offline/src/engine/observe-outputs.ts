/** Outputs whose failure the run reports once, from the awaited value, rather than as unhandled rejections. */
import * as pulumi from '@pulumi/pulumi';

/**
 * Marks the internal promises of every exported Output as observed. An Output whose apply throws rejects its
 * `isKnown` and `isSecret` promises too; the program's error is reported once, from the awaited value.
 */
export function observeOutputs(value: unknown, seen = new Set<unknown>()): void {
  if (value === null || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  if (pulumi.Output.isInstance(value)) {
    const output = value as unknown as { isKnown: Promise<unknown>; isSecret: Promise<unknown>; allResources?: () => Promise<unknown> };
    const ignore = () => undefined;
    output.isKnown.catch(ignore);
    output.isSecret.catch(ignore);
    output.allResources?.().catch(ignore);
    return;
  }
  for (const entry of Object.values(value as Record<string, unknown>)) observeOutputs(entry, seen);
}
