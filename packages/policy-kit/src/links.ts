/**
 * Relating resources in stack rules. The engine tells us which resources an input came from
 * (`propertyDependencies`), which works in a first-time preview where ids and ARNs are unknown. When a program
 * passes a literal (an id read from config, say) there is no dependency, so we fall back to comparing values.
 *
 * An input taken from a remote component's output (`vpc.vpcId` of an `awsx.ec2.Vpc`) depends on the component,
 * not on the child the value belongs to (see components.ts). Such a dependency stands for the one resource of the
 * wanted types the component holds (the `aws:ec2/vpc:Vpc` under `awsx:ec2:Vpc`). When it holds several (a component
 * with two VPCs), the dependency does not tell which one is meant, so it links none of them: a rule must not guess a
 * link that makes it pass. With its value unknown too, such a source counts as unlinked, exactly like a source with
 * no dependency (see {@link isUnlinkedUnknown}), so the rules' unknown path reports it (undecided, or a stack-wide
 * violation when some target is surely uncovered) rather than passing; with its value known, the value decides.
 */
import type { PolicyResource } from '@pulumi/policy';
import { isUnknown } from '@bulwark/aws-model';
import { type ComponentTree, componentTree, isComponent, isUnder } from './components';
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

/** What the recorded dependencies of a property tell about the resources of the wanted types it refers to. */
export interface DependencyTargets {
  /** The resources of the wanted types the property depends on, directly or through a component (stack order). */
  readonly targets: readonly PolicyResource[];
  /**
   * True when no dependency names a resource of the wanted types and the components depended on hold several: the
   * property refers to one of them, which one the dependencies do not tell, so `targets` is empty.
   */
  readonly ambiguous: boolean;
  /**
   * The components read for the link (those depended on that hold a resource of the wanted types) and what they
   * hold: the resources the property may refer to when the link is `ambiguous`. Empty when a direct dependency
   * decided it or no component holds one.
   */
  readonly holders: readonly PolicyResource[];
  readonly held: readonly PolicyResource[];
}

/**
 * The resources of `targetTypes` that `source`'s `property` depends on. A dependency on one of them names it. Only
 * when none does, a dependency on a component (see {@link isComponent}) names the resource of `targetTypes` the
 * component holds, at any depth, if it holds exactly one; several leave the link `ambiguous`. A component is not read
 * so when the property also depends on a resource under it: the value then came through that resource (an input
 * from `vpc.vpc.id` depends on the awsx component and on its VPC, and is the VPC's id; one from
 * `vpc.vpc.defaultSecurityGroupId` is the VPC's attribute too, not the id of a security group the component holds).
 * Without `components`, only direct dependencies count.
 */
export function dependencyTargets(
  source: PolicyResource,
  property: string,
  targetTypes: readonly string[],
  components?: ComponentTree,
): DependencyTargets {
  const dependencies = source.propertyDependencies?.[property] ?? [];
  const resolved = dependencies.map((dependency) => components?.resourceOf(dependency.urn) ?? dependency);
  const direct = resolved.filter((dependency) => targetTypes.includes(dependency.type));
  if (direct.length > 0 || !components) return { targets: direct, ambiguous: false, holders: [], held: [] };
  const held = new Set<PolicyResource>();
  const holders: PolicyResource[] = [];
  for (const dependency of resolved) {
    if (!isComponent(dependency) || resolved.some((other) => isUnder(other, dependency.urn))) continue;
    const descendants = components.descendantsOf(dependency.urn, targetTypes);
    if (descendants.length > 0) holders.push(dependency);
    descendants.forEach((target) => held.add(target));
  }
  const candidates = [...held];
  return { targets: candidates.length === 1 ? candidates : [], ambiguous: candidates.length > 1, holders, held: candidates };
}

/**
 * True when `source`'s `property` refers to `target`: the property depends on it (directly, or through the
 * component holding it as its only resource of `target`'s type, when `components` is given: see
 * {@link dependencyTargets}), or its known value equals one of the target's identifiers, bare or as the last segment
 * of an ARN.
 */
export function refersTo(
  source: PolicyResource,
  property: string,
  target: PolicyResource,
  targetIdentifiers: ReadonlySet<string>,
  components?: ComponentTree,
): boolean {
  const { targets } = dependencyTargets(source, property, [target.type], components);
  if (targets.some((dependency) => dependency.urn === target.urn)) return true;
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
  /**
   * The sources whose `property` cannot be tied to any target (see {@link isUnlinkedUnknown}): its value unknown, and
   * no dependency, or only on components holding several targets.
   */
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
 * same verdict as {@link refersTo} (given the stack's {@link componentTree}) for each pair, in time linear in the
 * stack size (10,000-resource stacks). A dependency on a component links to the one target it holds; one holding
 * several links none, and leaves a source whose value is unknown `unlinked` (see the module comment).
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
  const components = componentTree(resources);
  const unlinked: PolicyResource[] = [];
  const sourcesOf = new Map<string, PolicyResource[]>();
  const targetsOf = new Map<string, PolicyResource[]>();
  for (const source of sources) {
    const linked = new Set<PolicyResource>();
    const dependencies = dependencyTargets(source, property, targetTypes, components);
    for (const dependency of dependencies.targets) {
      const index = position.get(dependency.urn);
      if (index !== undefined) linked.add(targets[index]);
    }
    if (isUnlinkedUnknown(source, property, dependencies)) unlinked.push(source);
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
    unlinked,
  };
}

/**
 * True when `source`'s `property` cannot be tied to any resource: its value unknown and no dependency recorded, or
 * (given what {@link dependencyTargets} found) only dependencies on components that hold several candidates. A rule
 * uses this to avoid blaming a target for a missing link it cannot see, and to report the open question instead.
 */
export function isUnlinkedUnknown(source: PolicyResource, property: string, dependencies?: DependencyTargets): boolean {
  if (!isUnknown(rawProps(source.props)[property])) return false;
  if (dependencies?.ambiguous) return true;
  return (source.propertyDependencies?.[property] ?? []).length === 0;
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
