/**
 * Relating resources in stack rules. The engine tells us which resources an input came from
 * (`propertyDependencies`), which works in a first-time preview where ids and ARNs are unknown. When a program
 * passes a literal (an id read from config, say) there is no dependency, so we fall back to comparing values.
 */
import type { PolicyResource } from '@pulumi/policy';
import { isUnknown, rawProps } from './values';

/** The resources of the given types, in stack order. */
export function resourcesOfType(resources: readonly PolicyResource[], types: readonly string[]): PolicyResource[] {
  return resources.filter((resource) => types.includes(resource.type));
}

/** The known string values that identify `target` (its id-like and name-like properties). */
export function identifiersOf(target: PolicyResource, properties: readonly string[]): Set<string> {
  const props = rawProps(target.props);
  const identifiers = new Set<string>();
  for (const property of properties) {
    const value = props[property];
    if (typeof value === 'string' && value !== '' && !isUnknown(value)) identifiers.add(value);
  }
  return identifiers;
}

/**
 * True when `source`'s `property` refers to `target`: the property depends on it, or (no dependency recorded)
 * its known value equals one of the target's identifiers, bare or as the last segment of an ARN.
 */
export function refersTo(
  source: PolicyResource,
  property: string,
  target: PolicyResource,
  targetIdentifiers: ReadonlySet<string>,
): boolean {
  const dependencies = source.propertyDependencies?.[property] ?? [];
  if (dependencies.some((dependency) => dependency.urn === target.urn)) return true;
  const value = rawProps(source.props)[property];
  if (typeof value !== 'string' || isUnknown(value)) return false;
  if (targetIdentifiers.has(value)) return true;
  const lastSegment = value.split(/[:/]/).pop();
  return lastSegment !== undefined && lastSegment !== value && targetIdentifiers.has(lastSegment);
}

/** The resources of `types` whose `property` refers to `target`. */
export function referencing(
  resources: readonly PolicyResource[],
  target: PolicyResource,
  types: readonly string[],
  property: string,
  targetIdentifierProperties: readonly string[],
): PolicyResource[] {
  const identifiers = identifiersOf(target, targetIdentifierProperties);
  return resourcesOfType(resources, types).filter((source) => refersTo(source, property, target, identifiers));
}

/**
 * True when `source`'s `property` cannot be tied to any resource: no dependency recorded and its value unknown.
 * A rule uses this to avoid blaming a target for a missing link it cannot see.
 */
export function isUnlinkedUnknown(source: PolicyResource, property: string): boolean {
  const dependencies = source.propertyDependencies?.[property] ?? [];
  return dependencies.length === 0 && isUnknown(rawProps(source.props)[property]);
}
