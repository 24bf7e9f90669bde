/**
 * The API component models build with. A model describes what a component provider registers, in its order:
 * `child(type, name, inputs, options)` for each resource, with inputs that may hold other children's outputs
 * (`handle.id`, `handle.output('arn')`) or values derived from them (`derive`). The builder turns each into the
 * registration the provider's SDK would send: values resolved for the run's mode (unknown in a preview where the
 * provider would pass a computed output), property dependencies and dependencies recorded, the AWS SDK's own input
 * handling applied (undeclared keys dropped, declared defaults filled in), parented to the component unless told
 * otherwise, on the component's aws provider.
 *
 * Nothing is recorded until `commit()`: a model that stops half way (an input it cannot decide) leaves no
 * half-built component behind.
 */
import { type Registration } from '../engine/registration';
import {
  defaultResourceOptions,
  RESOURCE_REFERENCE_SIG,
  SECRET_SIG_KEY,
  UNKNOWN,
  type ResourceRecord,
  type RunMode,
  type WireProperties,
  type WireValue,
} from '../types';
import { awsSdkInputs } from './aws-sdk-inputs';
import { TracedValue } from './traced-value';
import { AWSX_PROVIDER_AWS_VERSION } from './version';

/** What the engine offers a model: the run, registration without recording, lookups and invokes. */
export interface ComponentHost {
  readonly mode: RunMode;
  readonly stack: string;
  /** The record the engine would make of a registration (auto-names, ids, outputs), not yet recorded. */
  prepare(registration: Registration): ResourceRecord;
  /** A recorded resource, by URN. */
  find(urn: string): ResourceRecord | undefined;
  /** Answers a provider function call the component's provider makes, and records it; throws when it cannot. */
  invoke(token: string, args: WireProperties, provider: string | undefined): WireProperties;
  /** Records prepared resources, in order (and any default provider they use, before them). */
  record(records: readonly ResourceRecord[]): void;
  /** The reference to the engine's default provider of a package version, recorded with the first child that uses it. */
  defaultProvider(pkg: string, version: string): string;
}

/** A resource the model registered, or one the program passed in by reference. */
export class ResourceHandle {
  constructor(readonly record: ResourceRecord) {}

  get urn(): string {
    return this.record.urn;
  }

  get name(): string {
    return this.record.name;
  }

  /** The id, depending on the resource: unknown until the resource exists (in a preview of a new resource). */
  get id(): TracedValue {
    const id = this.record.id;
    return new TracedValue(id === undefined ? undefined : id, [this.record.urn]);
  }

  /**
   * An output property, depending on the resource. Known when the provider knows it before creating (an input,
   * an auto-name); in a preview a property the record does not hold is a computed one, so unknown.
   */
  output(property: string): TracedValue {
    let value: WireValue | undefined = this.record.outputs[property];
    if (value === undefined && this.record.id === UNKNOWN) value = UNKNOWN;
    return new TracedValue(value, [this.record.urn]);
  }

  /** The resource reference a provider answers with for a resource-typed output. */
  reference(): WireValue {
    if (!this.record.custom) return { [SECRET_SIG_KEY]: RESOURCE_REFERENCE_SIG, urn: this.record.urn };
    // The engine sends an unknown id as '' in a reference; the SDK reads '' as unknown.
    const id = this.record.id === undefined || this.record.id === UNKNOWN ? '' : this.record.id;
    return { [SECRET_SIG_KEY]: RESOURCE_REFERENCE_SIG, urn: this.record.urn, id };
  }
}

/** A value a model puts into a child's inputs or the component's outputs. */
export type ModelValue =
  | WireValue
  | undefined
  | TracedValue
  | ResourceHandle
  | readonly ModelValue[]
  | { readonly [key: string]: ModelValue };

/** Where a child sits and what it waits for. */
export interface ChildOptions {
  /** @default the component */
  readonly parent?: ResourceHandle;
  /** Explicit dependencies (`dependsOn`). */
  readonly dependsOn?: readonly ResourceHandle[];
}

/**
 * The SDK of a package other than aws that a provider builds children with, at the version the provider pins: the
 * input properties its resource constructor copies and the defaults it fills in (as {@link awsSdkInputs} for aws).
 */
export interface PackageSdk {
  readonly package: string;
  readonly version: string;
  readonly keys: readonly string[];
  readonly defaults: Readonly<Record<string, WireValue>>;
}

/** Options of a child of another package. */
export interface PackageChildOptions extends ChildOptions {
  /**
   * The outputs its provider computes when it creates the resource (the engine emulates no provider but aws):
   * known in an update, unknown in a preview, as the engine treats every computed output.
   */
  readonly computed?: Readonly<Record<string, WireValue>>;
}

function sortedKeys(value: { readonly [key: string]: unknown }): string[] {
  return Object.keys(value).sort();
}

/** A wire value with object keys sorted at every level, as the engine's protobuf maps deliver them. */
function sortedWire(value: WireValue): WireValue {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(sortedWire);
  const result: { [key: string]: WireValue } = {};
  for (const key of sortedKeys(value)) result[key] = sortedWire(value[key] as WireValue);
  return result;
}

/**
 * Serializes a model value as the SDK serializes inputs: traced values and references to their wire form, their
 * resources added to `dependencies`; `undefined` left out of objects and `null` in arrays.
 */
export function toWire(value: ModelValue, dependencies: Set<string>): WireValue | undefined {
  if (value === undefined) return undefined;
  if (value instanceof TracedValue) {
    for (const urn of value.dependencies) dependencies.add(urn);
    const wire = value.wire();
    return wire === undefined ? undefined : sortedWire(wire);
  }
  if (value instanceof ResourceHandle) {
    dependencies.add(value.urn);
    return value.reference();
  }
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((element: ModelValue) => toWire(element, dependencies) ?? null);
  const object = value as { readonly [key: string]: ModelValue };
  const result: { [key: string]: WireValue } = {};
  for (const key of sortedKeys(object)) {
    const wire = toWire(object[key], dependencies);
    if (wire !== undefined) result[key] = wire;
  }
  return result;
}

/** Builds one component's children; see the module comment. */
export class ComponentBuilder {
  /** The component being expanded. */
  readonly component: ResourceHandle;
  private readonly pending: ResourceRecord[] = [];
  private readonly pendingUrns = new Set<string>();

  constructor(
    private readonly host: ComponentHost,
    component: ResourceRecord,
    /** The aws provider reference the children use (the component's `providers.aws`, else the default). */
    private readonly awsProvider: string,
  ) {
    this.component = new ResourceHandle(component);
  }

  /** True in a preview (a first-time `pulumi preview`). */
  get preview(): boolean {
    return this.host.mode === 'preview';
  }

  /** The stack name, as `pulumi.getStack()` returns it inside the provider. */
  get stack(): string {
    return this.host.stack;
  }

  /** The resources registered so far, not yet recorded. */
  get children(): readonly ResourceRecord[] {
    return this.pending;
  }

  /** A resource the program passed in, by URN (a reference among the component's inputs). */
  resource(urn: string): ResourceHandle {
    const record = this.host.find(urn) ?? this.pending.find((child) => child.urn === urn);
    if (!record) throw new Error(`the component's inputs reference ${urn}, which the program has not registered`);
    return new ResourceHandle(record);
  }

  /**
   * Registers an AWS resource as `new aws.<module>.<Type>(name, inputs, { parent, dependsOn })` inside the
   * provider would: only the inputs the AWS SDK declares for the type are sent, with its defaults.
   */
  child(type: string, name: string, inputs: { readonly [key: string]: ModelValue }, options: ChildOptions = {}): ResourceHandle {
    const declared = awsSdkInputs(type);
    const sdkInputs: { [key: string]: ModelValue } = {};
    for (const key of declared.keys) if (inputs[key] !== undefined) sdkInputs[key] = inputs[key];
    for (const [key, value] of Object.entries(declared.defaults)) sdkInputs[key] ??= value;
    return this.register(type, name, true, sdkInputs, options, { provider: this.awsProvider, version: AWSX_PROVIDER_AWS_VERSION });
  }

  /**
   * Registers a resource of another package (`docker-build:index:Image`) as that package's SDK inside the provider
   * would: only its declared inputs, with its defaults, on the engine's default provider for the version the
   * provider pins (a provider builds such children without an explicit provider).
   */
  packageChild(
    sdk: PackageSdk,
    type: string,
    name: string,
    inputs: { readonly [key: string]: ModelValue },
    options: PackageChildOptions = {},
  ): ResourceHandle {
    if (type.split(':')[0] !== sdk.package) throw new Error(`${type} is not a resource of the ${sdk.package} package`);
    const sdkInputs: { [key: string]: ModelValue } = {};
    for (const key of sdk.keys) if (inputs[key] !== undefined) sdkInputs[key] = inputs[key];
    for (const [key, value] of Object.entries(sdk.defaults)) sdkInputs[key] ??= value;
    const handle = this.register(type, name, true, sdkInputs, options, {
      provider: this.host.defaultProvider(sdk.package, sdk.version),
      version: sdk.version,
    });
    if (options.computed && handle.record.id !== UNKNOWN) Object.assign(handle.record.outputs, options.computed);
    return handle;
  }

  /** Registers a component the provider builds inside this one (its own children name it as their parent). */
  nestedComponent(type: string, name: string, options: ChildOptions = {}): ResourceHandle {
    return this.register(type, name, false, {}, options);
  }

  /** Calls a provider function as the component's provider would, on the component's aws provider. */
  invoke(token: string, args: WireProperties): WireProperties {
    return this.host.invoke(token, args, this.awsProvider);
  }

  /** Records every registered child, in registration order; returns how many. */
  commit(): number {
    this.host.record(this.pending);
    return this.pending.length;
  }

  private register(
    type: string,
    name: string,
    custom: boolean,
    inputs: { readonly [key: string]: ModelValue },
    options: ChildOptions,
    /** A custom resource's provider reference and package version. */
    packageOf?: { readonly provider: string; readonly version: string },
  ): ResourceHandle {
    const dependencies = new Set<string>((options.dependsOn ?? []).map((handle) => handle.urn));
    const wireInputs: WireProperties = {};
    const propertyDependencies: Record<string, string[]> = {};
    for (const key of sortedKeys(inputs)) {
      const propertyUrns = new Set<string>();
      const wire = toWire(inputs[key], propertyUrns);
      if (wire === undefined) continue;
      wireInputs[key] = wire;
      propertyDependencies[key] = [...propertyUrns];
      for (const urn of propertyUrns) dependencies.add(urn);
    }
    const allDependencies = [...dependencies];
    const record = this.host.prepare({
      type,
      name,
      parent: (options.parent ?? this.component).urn,
      custom,
      inputs: wireInputs,
      ...(packageOf ? { provider: packageOf.provider } : {}),
      version: packageOf?.version ?? '',
      propertyDependencies,
      dependencies: allDependencies,
      importId: '',
      // Children inherit `protect` from their parent, as the SDK's resource constructor does.
      options: { ...defaultResourceOptions(), protect: this.component.record.options.protect, dependsOn: allDependencies },
    });
    if (this.pendingUrns.has(record.urn) || this.host.find(record.urn)) {
      throw new Error(`Duplicate resource URN '${record.urn}': the component would register two ${type} named "${name}"`);
    }
    this.pending.push(record);
    this.pendingUrns.add(record.urn);
    return new ResourceHandle(record);
  }
}
