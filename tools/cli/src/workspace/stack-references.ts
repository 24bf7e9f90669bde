/**
 * StackReferences between workspace stacks. A reference names `<organization>/<project>/<stack>` (or
 * `<project>/<stack>`, or `<stack>` of the same project); offline, it resolves to the outputs of that
 * workspace stack's own run, whatever the organization. References to stacks that have not run yet are
 * recorded (and answered with no outputs), so the caller can run those first and run this one again.
 */

/** `<project>/<stack>`: how workspace runs are keyed. */
export function stackKey(project: string, stack: string): string {
  return `${project}/${stack}`;
}

/** The `<project>/<stack>` a reference name points at. */
function referencedStack(name: string, currentProject: string): string {
  const parts = name.split('/');
  if (parts.length >= 3) return stackKey(parts[1] as string, parts[2] as string);
  if (parts.length === 2) return stackKey(parts[0] as string, parts[1] as string);
  return stackKey(currentProject, name);
}

/** The references one run may use, and what it asked for that was not there. */
export interface ReferenceScope {
  /** Pass as `stackReferences` to the run. */
  readonly references: Record<string, Record<string, unknown>>;
  /** `<project>/<stack>` of every reference the run made to a stack with no outputs yet. */
  readonly missing: Set<string>;
  /**
   * Settles when the run first makes such a reference. The run may never settle after one (the engine can wait
   * forever on an output the empty stack lacks), so a caller that treats it as an error races the run with this.
   */
  readonly firstMissing: Promise<void>;
}

/** Makes the references for one run of `currentProject`, given the outputs of the stacks that have run. */
export function referenceScope(
  completed: ReadonlyMap<string, Record<string, unknown>>,
  currentProject: string,
  organization: string,
  /** Outputs the user gave (`--stack-reference NAME=FILE.json`), by the exact name a reference uses. */
  given: Readonly<Record<string, Record<string, unknown>>> = {},
): ReferenceScope {
  const missing = new Set<string>();
  let reportMissing: () => void = () => undefined;
  const firstMissing = new Promise<void>((resolve) => (reportMissing = resolve));
  const known: Record<string, Record<string, unknown>> = { ...given };
  for (const [key, outputs] of completed) known[`${organization}/${key}`] = outputs;
  const references = new Proxy(known, {
    get(target, property) {
      if (typeof property !== 'string') return undefined;
      if (property in target) return target[property];
      const key = referencedStack(property, currentProject);
      const outputs = completed.get(key);
      if (outputs) return outputs;
      // Empty outputs rather than none: the engine hangs on a failed StackReference read, while an empty
      // stack lets the program finish (or fail on requireOutput) and the caller rerun it after the dependency.
      missing.add(key);
      reportMissing();
      return {};
    },
  });
  return { references, missing, firstMissing };
}
