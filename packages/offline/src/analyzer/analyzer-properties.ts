/**
 * Properties as the engine marshals them for analyzers. Analyzers do not take resource references, so the engine
 * downgrades each one: a custom resource's reference to its id (unknown while the id is), a component's to its
 * URN. References appear where a program passes a resource into a component's inputs and where a component
 * provider answers with resource-typed outputs (`vpc.subnets`).
 */
import { RESOURCE_REFERENCE_SIG, SECRET_SIG_KEY, UNKNOWN, type WireProperties, type WireValue } from '../types';

function downgraded(value: WireValue): WireValue {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let changed = false;
    const result = value.map((element) => {
      const converted = downgraded(element);
      changed ||= converted !== element;
      return converted;
    });
    return changed ? result : value;
  }
  if (value[SECRET_SIG_KEY] === RESOURCE_REFERENCE_SIG) {
    const id = value['id'];
    if (id === undefined) return String(value['urn']);
    return typeof id === 'string' && id !== '' ? id : UNKNOWN;
  }
  let result: { [key: string]: WireValue } | undefined;
  for (const [key, entry] of Object.entries(value)) {
    const converted = downgraded(entry);
    if (converted !== entry) (result ??= { ...value })[key] = converted;
  }
  return result ?? value;
}

/** Each record's properties are converted once: Analyze, AnalyzeStack and in-process policies all read them. */
const converted = new WeakMap<WireProperties, WireProperties>();

/** The properties an analyzer receives: the same object when they hold no resource reference. */
export function analyzerProperties(properties: WireProperties): WireProperties {
  let result = converted.get(properties);
  if (!result) {
    result = downgraded(properties) as WireProperties;
    converted.set(properties, result);
  }
  return result;
}
