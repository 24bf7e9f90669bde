/**
 * The offline stand-in for an `Output` inside a component provider: a wire value (possibly the unknown sentinel,
 * or containing it) together with the URNs it came from. Models compute with these so that every child input ends
 * up with the value a real preview or update would give it and the property dependencies the SDK would record.
 */
import { RESOURCE_REFERENCE_SIG, SECRET_SIG, SECRET_SIG_KEY, UNKNOWN, type WireValue } from '../types';

/**
 * True when the value is, or contains, the engine's unknown sentinel. A resource reference is a known value even
 * when the resource's id is not known yet: the provider receives it as a resource object.
 */
export function containsUnknown(value: WireValue | undefined): boolean {
  if (value === UNKNOWN) return true;
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (value[SECRET_SIG_KEY] === RESOURCE_REFERENCE_SIG) return false;
  return Object.values(value).some(containsUnknown);
}

/** A value as a provider-side Output holds it: known or not, secret or not, and which resources it depends on. */
export class TracedValue {
  constructor(
    /** The wire value; `undefined` for an Output that resolved to nothing (the property is then left out). */
    readonly value: WireValue | undefined,
    /** URNs of the resources the value came from, as the SDK collects them for property dependencies. */
    readonly dependencies: readonly string[] = [],
    readonly secret = false,
  ) {}

  /**
   * False when an `apply` on this value would not run in a preview: the value is unknown or contains an unknown
   * (a provider-side Output over a partly unknown value is unknown as a whole).
   */
  get known(): boolean {
    return !containsUnknown(this.value);
  }

  /** A known value with no dependencies. */
  static of(value: WireValue | undefined): TracedValue {
    return new TracedValue(value);
  }

  /** The value in the engine's wire form: secrets wrapped as the SDK serializes them. */
  wire(): WireValue | undefined {
    if (this.secret && this.value !== undefined) return { [SECRET_SIG_KEY]: SECRET_SIG, value: this.value };
    return this.value;
  }
}

/** Anything a model may combine: a traced value or a plain wire value (known, no dependencies). */
export type Traceable = TracedValue | WireValue | undefined;

function traced(value: Traceable): TracedValue {
  return value instanceof TracedValue ? value : TracedValue.of(value);
}

function union(values: readonly TracedValue[]): string[] {
  const urns = new Set<string>();
  for (const value of values) for (const urn of value.dependencies) urns.add(urn);
  return [...urns];
}

/**
 * `pulumi.all(values).apply(compute)`: runs `compute` on the plain values when all are known, and is unknown as a
 * whole otherwise (as an apply in a preview). Either way it depends on every input's resources, and it is secret
 * when any input is.
 */
export function derive<const T extends readonly Traceable[]>(
  values: T,
  compute: (...plain: { [K in keyof T]: WireValue | undefined }) => WireValue | undefined,
): TracedValue {
  const inputs = values.map(traced);
  const dependencies = union(inputs);
  const secret = inputs.some((input) => input.secret);
  if (!inputs.every((input) => input.known)) return new TracedValue(UNKNOWN, dependencies, secret);
  const plain = inputs.map((input) => input.value) as { [K in keyof T]: WireValue | undefined };
  return new TracedValue(compute(...plain), dependencies, secret);
}
