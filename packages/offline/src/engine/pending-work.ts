/**
 * What a program is still waiting for, so that a run that never finishes can say why. The SDK starts a
 * registration when a resource is constructed and sends it once every input has resolved; one whose inputs never
 * resolve (an `apply` that threw, a lookup that answered nothing) is never sent, and nothing else records it.
 * The tracker counts registrations the SDK started against those the monitor received, and stack outputs the
 * program exported against those that resolved.
 */
import * as pulumi from '@pulumi/pulumi';
import { observeOutputs } from './observe-outputs';

// The SDK's registration entry points (internal, pinned by our lockfile). `Resource`'s constructor calls them
// through the module object, so wrapping the exports sees every registration the program starts.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const resourceRuntime = require('@pulumi/pulumi/runtime/resource') as Record<string, (...args: unknown[]) => unknown>;

type EntryPoint = 'registerResource' | 'readResource';

/** How a program's outputs are named in a report of what never resolved when they are one Output as a whole. */
const WHOLE_OUTPUTS = '(the stack outputs, one Output)';

/** Registrations started but not received, and stack outputs exported but not resolved. */
export class PendingWork {
  private readonly started = new Map<string, number>();
  private readonly outputs = new Map<string, 'pending' | 'settled'>();
  private entryReturned = false;
  /** Bumped on every registration started or received: a run that makes progress changes it. */
  activity = 0;

  private static key(type: string, name: string): string {
    return `${type}\u0000${name}`;
  }

  /** The SDK started registering (or reading) a resource. */
  start(type: string, name: string): void {
    const key = PendingWork.key(type, name);
    this.started.set(key, (this.started.get(key) ?? 0) + 1);
    this.activity++;
  }

  /** The monitor received the registration (or read) of a resource. */
  arrived(type: string, name: string): void {
    const key = PendingWork.key(type, name);
    const count = this.started.get(key);
    if (count === undefined) return;
    if (count <= 1) this.started.delete(key);
    else this.started.set(key, count - 1);
    this.activity++;
  }

  /** The program's entry returned (its exported function, or its module, finished). */
  entryFinished(): void {
    this.entryReturned = true;
    this.activity++;
  }

  /**
   * Follows each top-level stack output until it resolves (or fails), and resolves once every one has: rejects
   * with the first failure, the program's own error. Each output is wrapped here once, for both: the run awaits
   * what this returns rather than wrapping the outputs again (the SDK's root stack reads them once more, to
   * register them). Outputs that are one Output as a whole are followed as one.
   */
  watchOutputs(outputs: unknown): Promise<void> {
    if (outputs === null || typeof outputs !== 'object') return Promise.resolve();
    const entries = pulumi.Output.isInstance(outputs) ? [[WHOLE_OUTPUTS, outputs] as const] : Object.entries(outputs as Record<string, unknown>);
    const resolved = entries.map(([name, value]) => {
      this.outputs.set(name, 'pending');
      const settle = () => {
        this.outputs.set(name, 'settled');
        this.activity++;
      };
      const output = pulumi.output(value);
      observeOutputs(output);
      // `promise()` is internal to the SDK (hidden from its types) but is how the language host awaits outputs.
      const settled = (output as unknown as { promise(): Promise<unknown> }).promise();
      settled.then(settle, settle);
      return settled;
    });
    return Promise.all(resolved).then(() => undefined);
  }

  /** What is still pending, one line each: the entry, registrations never sent, stack outputs never resolved. */
  describe(): string[] {
    const lines: string[] = [];
    if (!this.entryReturned) lines.push("the program's entry never returned (a promise it awaits never settles)");
    for (const [key, count] of this.started) {
      const [type, name] = key.split('\u0000') as [string, string];
      lines.push(`registration never completed: ${type} "${name}"${count > 1 ? ` (${count} of them)` : ''}`);
    }
    for (const [name, state] of this.outputs) if (state === 'pending') lines.push(`stack output never resolved: ${name}`);
    return lines;
  }

  /** Counts for the summary line of a run that never finished. */
  counts(): { registrations: number; outputs: number } {
    let registrations = 0;
    for (const count of this.started.values()) registrations += count;
    return { registrations, outputs: [...this.outputs.values()].filter((state) => state === 'pending').length };
  }

  /**
   * Wraps the SDK's registration entry points to count what the program starts; returns the function that
   * restores them. The type and name are the third and fourth arguments of both.
   */
  install(): () => void {
    const originals = new Map<EntryPoint, (...args: unknown[]) => unknown>();
    for (const entry of ['registerResource', 'readResource'] as const) {
      const original = resourceRuntime[entry];
      if (typeof original !== 'function') throw new Error(`@pulumi/pulumi/runtime/resource has no ${entry}: the SDK changed`);
      originals.set(entry, original);
      resourceRuntime[entry] = (...args: unknown[]) => {
        this.start(String(args[2]), String(args[3]));
        return original(...args);
      };
    }
    return () => {
      for (const [entry, original] of originals) resourceRuntime[entry] = original;
    };
  }
}
