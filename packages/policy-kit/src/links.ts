/**
 * Relating resources in stack rules. The engine tells us which resources an input came from
 * (`propertyDependencies`), which works in a first-time preview where ids and ARNs are unknown. When a program
 * passes a literal (an id read from config, say) there is no dependency, so we fall back to comparing values.
 */
import type { PolicyResource } from '@pulumi/policy';
import { isUnknown } from '@bulwark/aws-model';
import type { Report, ReportUndecided } from './rule';
import { rawProps } from './values';

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

/** Sources linked to targets, indexed once so that a stack rule never rescans the stack per target. */
export interface LinkIndex {
  /** The sources whose `property` refers to `target` (see {@link refersTo}), in stack order. */
  linkedTo(target: PolicyResource): readonly PolicyResource[];
  /** The targets `source`'s `property` refers to, in stack order. */
  targetsOf(source: PolicyResource): readonly PolicyResource[];
  /** The sources whose `property` cannot be tied to any resource (see {@link isUnlinkedUnknown}). */
  readonly unlinked: readonly PolicyResource[];
}

/**
 * Finds, among `targets`, those a known string value names: the value is one of their identifiers (see
 * {@link identifiersOf}), bare or as the last segment of an ARN, as {@link refersTo} compares. Indexed once, so
 * each lookup costs no scan of the stack.
 */
export function identifierLookup(
  targets: readonly PolicyResource[],
  identifierProperties: readonly string[],
): (value: string) => PolicyResource[] {
  const byIdentifier = new Map<string, PolicyResource[]>();
  for (const target of targets) {
    for (const identifier of identifiersOf(target, identifierProperties)) {
      const named = byIdentifier.get(identifier);
      if (named) named.push(target);
      else byIdentifier.set(identifier, [target]);
    }
  }
  return (value) => {
    const lastSegment = value.split(/[:/]/).pop();
    const bare = byIdentifier.get(value) ?? [];
    if (lastSegment === undefined || lastSegment === value) return [...bare];
    return [...new Set([...bare, ...(byIdentifier.get(lastSegment) ?? [])])];
  };
}

/**
 * Links every resource of `sourceTypes` to the resources of `targetTypes` its `property` refers to, with the
 * same verdict as {@link refersTo} for each pair, in time linear in the stack size (10,000-resource stacks).
 */
export function linkIndex(
  resources: readonly PolicyResource[],
  sourceTypes: readonly string[],
  property: string,
  targetTypes: readonly string[],
  targetIdentifierProperties: readonly string[],
): LinkIndex {
  const targets = resourcesOfType(resources, targetTypes);
  const sources = resourcesOfType(resources, sourceTypes);
  const position = new Map(targets.map((target, index) => [target.urn, index]));
  const named = identifierLookup(targets, targetIdentifierProperties);
  const sourcesOf = new Map<string, PolicyResource[]>();
  const targetsOf = new Map<string, PolicyResource[]>();
  for (const source of sources) {
    const linked = new Set<PolicyResource>();
    for (const dependency of source.propertyDependencies?.[property] ?? []) {
      const index = position.get(dependency.urn);
      if (index !== undefined) linked.add(targets[index]);
    }
    const value = rawProps(source.props)[property];
    if (typeof value === 'string' && !isUnknown(value)) named(value).forEach((target) => linked.add(target));
    const linkedTargets = [...linked].sort((a, b) => (position.get(a.urn) ?? 0) - (position.get(b.urn) ?? 0));
    targetsOf.set(source.urn, linkedTargets);
    for (const target of linkedTargets) {
      const linkedSources = sourcesOf.get(target.urn);
      if (linkedSources) linkedSources.push(source);
      else sourcesOf.set(target.urn, [source]);
    }
  }
  return {
    linkedTo: (target) => sourcesOf.get(target.urn) ?? [],
    targetsOf: (source) => targetsOf.get(source.urn) ?? [],
    unlinked: sources.filter((source) => isUnlinkedUnknown(source, property)),
  };
}

/**
 * True when `source`'s `property` cannot be tied to any resource: no dependency recorded and its value unknown.
 * A rule uses this to avoid blaming a target for a missing link it cannot see.
 */
export function isUnlinkedUnknown(source: PolicyResource, property: string): boolean {
  const dependencies = source.propertyDependencies?.[property] ?? [];
  return dependencies.length === 0 && isUnknown(rawProps(source.props)[property]);
}

/**
 * The types of the resources `source`'s `property` is computed from (its property dependencies), in the order the
 * engine recorded them; empty when none is recorded. Rules use it to tell what an unknown value can be (a key ARN
 * computed from a KMS key is a customer managed key, whatever its value).
 */
export function dependencyTypes(source: PolicyResource, property: string): string[] {
  return (source.propertyDependencies?.[property] ?? []).map((dependency) => dependency.type);
}

/** A target lacking a (compliant) linked source, and the finding to report on it. */
export interface UncoveredTarget {
  readonly target: PolicyResource;
  readonly message: string;
}

/** How {@link reportUncovered} reports that an unlinked source leaves targets undecided. */
export interface UnlinkedUndecided {
  readonly undecided: ReportUndecided;
  /** The source property whose unknown value would tie it to a target (`bucket`, `vpcId`). */
  readonly property: string;
  /** What the value decides, given the targets it may cover (a detail for the undecided finding). */
  readonly detail: (uncovered: readonly UncoveredTarget[]) => string;
}

/**
 * Reports the targets lacking a linked source, so that preview and update agree. With no unlinked sources each
 * target is reported on its own URN. Otherwise any target may be covered by an unlinked source once its value
 * is known, so none is blamed by name; but when there are more uncovered targets than unlinked sources, some
 * target is surely uncovered and `stackWideMessage` is reported once for the stack. When as many unlinked sources
 * as uncovered targets (or more) leave every target open, each unlinked source gets an undecided finding on its
 * `property` (with `unlinkedUndecided`), so the open question is visible rather than silent.
 */
export function reportUncovered(
  report: Report,
  uncovered: readonly UncoveredTarget[],
  unlinked: readonly PolicyResource[],
  stackWideMessage: () => string,
  unlinkedUndecided?: UnlinkedUndecided,
): void {
  if (unlinked.length === 0) {
    for (const { target, message } of uncovered) report(message, target.urn);
  } else if (uncovered.length > unlinked.length) {
    report(stackWideMessage());
  } else if (uncovered.length > 0 && unlinkedUndecided) {
    const detail = unlinkedUndecided.detail(uncovered);
    for (const source of unlinked) unlinkedUndecided.undecided(unlinkedUndecided.property, detail, source.urn);
  }
}
