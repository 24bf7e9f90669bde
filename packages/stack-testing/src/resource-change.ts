/**
 * Running a stack's real program with one thing changed, the way a developer would change it, to show what the
 * policy packs make of the change: `withResourceChange(change, () => run('dev', 'preview'))` registers `change` as a
 * Pulumi stack transformation for the runs started inside `body`, so every resource the program registers passes
 * through it (return new props/opts to change a resource, undefined to leave it).
 */
import * as pulumi from '@pulumi/pulumi';

/** A change to the resources a program registers: Pulumi's stack transformation. */
export type ResourceChange = pulumi.ResourceTransformation;

const active: ResourceChange[] = [];

/** Runs `body` with `change` applied to every program run it starts (through `stackUnderTest().run`). */
export async function withResourceChange<T>(change: ResourceChange, body: () => Promise<T>): Promise<T> {
  active.push(change);
  try {
    return await body();
  } finally {
    active.splice(active.indexOf(change), 1);
  }
}

/** `program`, applying the changes active when it runs. */
export function changeableProgram(program: () => unknown): () => unknown {
  return () => {
    for (const change of active) pulumi.runtime.registerStackTransformation(change);
    return program();
  };
}
