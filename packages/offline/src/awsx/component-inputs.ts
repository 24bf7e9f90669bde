/**
 * A remote component's inputs as its provider receives them: the values the SDK serialized (unknowns in a
 * preview, secrets, resource references) and, per top-level property, the resources the program's value came
 * from. Models read them two ways: `value()` to pass an input on into a child, with its dependencies, and
 * `decide()` for an input that decides which children exist, which must be known.
 */
import { RESOURCE_REFERENCE_SIG, SECRET_SIG, SECRET_SIG_KEY, UNKNOWN, type WireProperties, type WireValue } from '../types';
import { UndecidableInputError } from './model-errors';
import { containsUnknown, TracedValue } from './traced-value';

/** A path into the component's arguments: property names and array indexes. */
export type InputPath = readonly (string | number)[];

/** `subnetSpecs[0].cidrMask`, as error messages name an input. */
export function formatInputPath(path: InputPath): string {
  return path.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join('');
}

function isSecret(value: WireValue | undefined): value is { [key: string]: WireValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && value[SECRET_SIG_KEY] === SECRET_SIG;
}

/** True when the value holds a secret anywhere. */
export function containsSecret(value: WireValue | undefined): boolean {
  if (isSecret(value)) return true;
  if (value === null || typeof value !== 'object') return false;
  const entries: WireValue[] = Array.isArray(value) ? value : Object.values(value);
  return entries.some(containsSecret);
}

/** The URN of a resource reference value, or undefined when the value is not one. */
export function referenceUrn(value: WireValue | undefined): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  return value[SECRET_SIG_KEY] === RESOURCE_REFERENCE_SIG && typeof value['urn'] === 'string' ? value['urn'] : undefined;
}

/** A value with every secret wrapper removed, for a model to decide on or to embed in a document. */
export function withoutSecrets(value: WireValue): WireValue {
  if (isSecret(value)) return withoutSecrets(value['value'] as WireValue);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(withoutSecrets);
  const object = value as { [key: string]: WireValue };
  if (referenceUrn(object) !== undefined) return object;
  const result: { [key: string]: WireValue } = {};
  for (const [key, entry] of Object.entries(object)) result[key] = withoutSecrets(entry);
  return result;
}

interface Located {
  /** The value at the path; UNKNOWN when the path runs through an unknown value; undefined when absent. */
  readonly value: WireValue | undefined;
  readonly secret: boolean;
}

export class ComponentInputs {
  constructor(
    private readonly inputs: WireProperties | WireValue,
    private readonly dependencies: Readonly<Record<string, readonly string[]>> = {},
    /** Where these inputs sit in the component's arguments (for a nested argument object: its path). */
    private readonly prefix: InputPath = [],
  ) {}

  /**
   * The argument object at `path` as inputs of its own (`taskDefinitionArgs` of a service, for the task
   * definition the provider builds from it): values keep the dependencies of the top-level property, and errors
   * name the full path.
   */
  scoped(...path: InputPath): ComponentInputs {
    const { value } = this.locate(path);
    const full = [...this.prefix, ...path];
    const dependencies = this.dependencies[String(full[0])] ?? [];
    const keys = value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : [];
    return new ComponentInputs(value ?? {}, Object.fromEntries(keys.map((key) => [key, dependencies])), full);
  }

  private name(path: InputPath): string {
    return formatInputPath([...this.prefix, ...path]);
  }

  private locate(path: InputPath): Located {
    let value: WireValue | undefined = this.inputs;
    let secret = false;
    for (const segment of path) {
      if (isSecret(value)) {
        secret = true;
        value = value['value'];
      }
      if (value === UNKNOWN) return { value: UNKNOWN, secret };
      if (value === null || value === undefined || typeof value !== 'object') return { value: undefined, secret };
      value = Array.isArray(value) ? (typeof segment === 'number' ? value[segment] : undefined) : value[String(segment)];
    }
    if (isSecret(value)) return { value: value['value'], secret: true };
    return { value: value === null ? undefined : value, secret };
  }

  /**
   * The input at `path` as the provider would pass it on: unknowns kept, secret when the program's value was,
   * depending on whatever the program's top-level property depended on. Undefined when not given.
   */
  value(...path: InputPath): TracedValue | undefined {
    const { value, secret } = this.locate(path);
    if (value === undefined) return undefined;
    return new TracedValue(value, this.dependencies[String(path[0])] ?? [], secret);
  }

  /** Every top-level input, as {@link value} gives it: what the provider spreads into a child (`{ ...args }`). */
  values(): Record<string, TracedValue> {
    const result: Record<string, TracedValue> = {};
    const inputs = this.inputs;
    if (inputs === null || typeof inputs !== 'object' || Array.isArray(inputs)) return result;
    for (const key of Object.keys(inputs)) {
      const value = this.value(key);
      if (value !== undefined) result[key] = value;
    }
    return result;
  }

  /**
   * A map input's entries, each as {@link value} gives it, for a provider that spreads the map (`{ ...args.tags }`):
   * the map itself must be known, its values need not be. Empty when not given.
   */
  entries(...path: InputPath): Record<string, TracedValue> {
    const result: Record<string, TracedValue> = {};
    for (const key of this.decideKeys(...path)) {
      const value = this.value(...path, key);
      if (value !== undefined) result[key] = value;
    }
    return result;
  }

  /** True when the input was given, even as an unknown value (the provider then sees an Output, never nothing). */
  has(...path: InputPath): boolean {
    return this.locate(path).value !== undefined;
  }

  /**
   * What `if (args.x)` sees in the provider: false when not given or a known falsy value, true otherwise; an
   * unknown value is an Output object there, and so truthy.
   */
  isTruthy(...path: InputPath): boolean {
    const { value } = this.locate(path);
    if (value === undefined) return false;
    return value === UNKNOWN || Boolean(value);
  }

  /**
   * An input that decides what the provider builds, as a plain value (secrets unwrapped), or undefined when not
   * given. Throws {@link UndecidableInputError} naming the input when it is, or contains, an unknown value.
   */
  decide(...path: InputPath): WireValue | undefined {
    const { value } = this.locate(path);
    if (value === undefined) return undefined;
    if (containsUnknown(value)) throw new UndecidableInputError(this.name(path));
    return withoutSecrets(value);
  }

  /**
   * Like {@link decide}, for an input whose shape decides but whose contents may stay unknown: an array whose
   * length is the number of children, an object whose presence creates one.
   */
  decideShape(...path: InputPath): WireValue | undefined {
    const { value } = this.locate(path);
    if (value === UNKNOWN) throw new UndecidableInputError(this.name(path));
    return value;
  }

  /** A string input that decides (an enum, a name): throws when unknown, and when it is not a string. */
  decideString(...path: InputPath): string | undefined {
    const value = this.decide(...path);
    if (value === undefined || typeof value === 'string') return value;
    throw new UndecidableInputError(this.name(path), `is ${JSON.stringify(value)}, not a string`);
  }

  /** A number input that decides: throws when unknown or not a number. */
  decideNumber(...path: InputPath): number | undefined {
    const value = this.decide(...path);
    if (value === undefined || typeof value === 'number') return value;
    throw new UndecidableInputError(this.name(path), `is ${JSON.stringify(value)}, not a number`);
  }

  /** How many elements an array input has (0 when not given); its elements may be unknown. */
  decideLength(...path: InputPath): number {
    const value = this.decideShape(...path);
    if (value === undefined) return 0;
    if (!Array.isArray(value)) throw new UndecidableInputError(this.name(path), `is ${JSON.stringify(value)}, not a list`);
    return value.length;
  }

  /** The keys of a map input (none when not given); its values may be unknown. */
  decideKeys(...path: InputPath): string[] {
    const value = this.decideShape(...path);
    if (value === undefined) return [];
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new UndecidableInputError(this.name(path), `is ${JSON.stringify(value)}, not a map`);
    }
    return Object.keys(value);
  }

  /** The URN of the resource a reference input names, or undefined when the input is not a resource reference. */
  reference(...path: InputPath): string | undefined {
    return referenceUrn(this.locate(path).value);
  }
}
