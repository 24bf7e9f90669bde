import * as pulumi from '@pulumi/pulumi';
import { type StackReferenceParts, stackReferenceName } from './config/stack-reference-name';

/** A producer stack's outputs, read through a `pulumi.StackReference` and typed by the producer's output contract. */
export interface TypedStackReference<T> {
  /** The reference's logical name in this program (`baseline`), which says what the producer is to this stack. */
  readonly logicalName: string;
  /** The referenced stack, `<organization>/<project>/<environment>`. */
  readonly stackName: string;
  /** One output of the producer; the deployment fails if the producer does not export it. */
  output<K extends keyof T & string>(key: K): pulumi.Output<T[K]>;
  /** One output's value, for decisions that must be made before any resource exists. */
  value<K extends keyof T & string>(key: K): Promise<T[K]>;
}

/**
 * References a producer stack by a name built from config ({@link stackReferenceName}), so no consumer writes a
 * stack name by hand and every consumer reads outputs the same way. `T` is the producer's output contract,
 * imported as a type (`import type { NetworkOutputs } from '@bulwark/stack-network/outputs'`).
 */
export function referenceStack<T>(logicalName: string, parts: StackReferenceParts, opts?: pulumi.CustomResourceOptions): TypedStackReference<T> {
  const stackName = stackReferenceName(parts);
  const reference = new pulumi.StackReference(logicalName, { name: stackName }, opts);
  return {
    logicalName,
    stackName,
    output: <K extends keyof T & string>(key: K) => reference.requireOutput(key) as pulumi.Output<T[K]>,
    value: <K extends keyof T & string>(key: K) => reference.requireOutputValue(key) as Promise<T[K]>,
  };
}
