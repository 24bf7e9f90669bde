/**
 * What the offline engine records of a program run: the same information the Pulumi engine receives
 * over the ResourceMonitor protocol, in the engine's own shapes (URNs, unknown sentinels, secrets).
 */

/** `preview` is a first-time `pulumi preview` (computed values unknown); `update` is `pulumi up` (all known). */
export type RunMode = 'preview' | 'update';

/** The engine's sentinel for a value that is not known during a preview (defined in @bulwark/aws-model). */
export { UNKNOWN } from '@bulwark/aws-model';

/** The key and value that mark a secret in the engine's wire format: `{ [SECRET_SIG_KEY]: SECRET_SIG, value }`. */
export const SECRET_SIG_KEY = '4dabf18193072939515e22adb298388d';
export const SECRET_SIG = '1b47061264138c4ac30d75fd1eb44270';

/** A property value as the engine carries it: JSON, with unknown sentinels and secret wrappers. */
export type WireValue = null | boolean | number | string | WireValue[] | { [key: string]: WireValue };
export type WireProperties = Record<string, WireValue>;

/** Resource options that the engine forwards to analyzers. */
export interface ResourceOptionsRecord {
  readonly protect: boolean;
  readonly ignoreChanges: string[];
  readonly deleteBeforeReplace?: boolean;
  readonly aliases: string[];
  readonly additionalSecretOutputs: string[];
  readonly customTimeouts: { create: string; update: string; delete: string };
  readonly retainOnDelete?: boolean;
  readonly deletedWith?: string;
  readonly dependsOn: string[];
}

/** The options of a resource registered with none set (and of those the engine makes itself). */
export function defaultResourceOptions(): ResourceOptionsRecord {
  return {
    protect: false,
    ignoreChanges: [],
    aliases: [],
    additionalSecretOutputs: [],
    customTimeouts: { create: '', update: '', delete: '' },
    dependsOn: [],
  };
}

/** One registered resource, in the order the program registered it. */
export interface ResourceRecord {
  /** The URN as the Pulumi engine builds it (`urn:pulumi:<stack>::<project>::<parent-type-chain$type>::<name>`). */
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  /** True for a custom (provider-managed) resource, false for a component or the root stack. */
  readonly custom: boolean;
  /** The parent's URN; undefined only for the root stack. */
  readonly parent?: string;
  /** The provider reference (`<provider-urn>::<provider-id>`) for custom resources, as the engine resolves it. */
  readonly provider?: string;
  /** The URNs this resource depends on (explicit `dependsOn` and every input's dependencies). */
  readonly dependencies: string[];
  /** For each input property, the URNs of the resources its value came from. */
  readonly propertyDependencies: Record<string, string[]>;
  /** The inputs the engine (and so an analyzer) receives, after auto-naming; unknowns are {@link UNKNOWN}. */
  readonly inputs: WireProperties;
  /** The outputs the mock provider returned (inputs plus computed values; computed values unknown in preview). */
  readonly outputs: WireProperties;
  /** The resource id; {@link UNKNOWN} in preview for a resource being created; undefined for components. */
  readonly id?: string;
  readonly options: ResourceOptionsRecord;
  /** True when the resource was read (`Resource.get` or a StackReference) rather than managed. */
  readonly read?: boolean;
  /**
   * True for a default provider: one the engine made itself for resources that named no provider (the engine
   * does not send these to analyzers). A provider the program created is never one, whatever its name.
   */
  readonly defaultProvider?: boolean;
}

/** One provider function call (`aws.getCallerIdentity()` and so on). */
export interface InvokeRecord {
  readonly token: string;
  readonly args: WireProperties;
  readonly provider?: string;
  /** The result the mock returned; undefined when it failed. */
  readonly result?: WireProperties;
  /** Why the invoke failed, when it failed. */
  readonly error?: string;
}

/**
 * The engine's marker for a resource reference in a property value: `{ [SECRET_SIG_KEY]: RESOURCE_REFERENCE_SIG,
 * urn, id }` (the SDK's `specialSigKey` and `specialResourceSig`). A component provider answers with these for
 * resource-typed outputs, and the SDK turns them back into resource objects.
 */
export const RESOURCE_REFERENCE_SIG = '5cf8f73096256a8f31e491e813e4eb8e';

/** A remote (multi-language) component whose children the offline engine built itself, from its model. */
export interface ExpandedComponent {
  readonly urn: string;
  readonly type: string;
  /** The version of the component's provider the model follows (e.g. the pinned `@pulumi/awsx`). */
  readonly modelVersion: string;
  /** How many resources the model registered under the component (nested components included). */
  readonly childCount: number;
}

/** A remote component the offline engine could not expand: its children were not checked. */
export interface OpaqueComponent {
  readonly urn: string;
  readonly type: string;
  /** Why it could not be expanded (no model for the type, or an input that decides the children is unknown). */
  readonly reason: string;
}

/** Everything one program run produced. */
export interface ProgramResult {
  readonly project: string;
  readonly stack: string;
  readonly organization: string;
  readonly mode: RunMode;
  /** Every registered resource, the root stack first, default providers included. */
  readonly resources: ResourceRecord[];
  readonly invokes: InvokeRecord[];
  /** The stack outputs as plain values (secrets unwrapped, unknowns as {@link UNKNOWN}). */
  readonly outputs: Record<string, unknown>;
  /** Remote components expanded into the children their provider would build. */
  readonly expandedComponents: ExpandedComponent[];
  /**
   * Remote components left unexpanded; only ever non-empty when the run allowed them (`allowOpaqueComponents`),
   * otherwise the run fails on the first one.
   */
  readonly opaqueComponents: OpaqueComponent[];
  /**
   * The account id the engine made up because the run named none (no `account` option, no
   * `aws:allowedAccountIds`): every ARN and caller identity of the run carries it, and none is the program's own.
   * Packs learn it from the stack tag `PLACEHOLDER_ACCOUNT_TAG` of @bulwark/aws-model.
   */
  readonly placeholderAccount?: string;
  /** Milliseconds the run took, for benchmarks and progress reports. */
  readonly durationMs: number;
}
