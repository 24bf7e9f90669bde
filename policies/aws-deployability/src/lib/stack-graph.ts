/**
 * The stack as the deployability rules question it: resources by type, what a property refers to (through the
 * engine's property dependencies, which work in a first-time preview, with known values as fall-back), and
 * whether one resource is created after another (its dependencies, transitively; depending on a component waits
 * for the component's children, as Pulumi orders them).
 */
import type { PolicyResource } from '@pulumi/policy';
import { componentTree, dependencyTargets, identifierLookup, isComponent, isUnknown, rawProps, type ComponentTree } from '@bulwark/policy-kit';

/** An index over one stack's resources, built once per stack rule run. */
export class StackGraph {
  private readonly byType = new Map<string, PolicyResource[]>();
  private readonly byUrn = new Map<string, PolicyResource>();
  private readonly lookups = new Map<string, (value: string) => PolicyResource[]>();
  private readonly children = new Map<string, PolicyResource[]>();
  private readonly ancestry = new Map<string, ReadonlySet<string>>();
  private readonly components: ComponentTree;

  constructor(readonly resources: readonly PolicyResource[]) {
    this.components = componentTree(resources);
    for (const resource of resources) {
      this.byUrn.set(resource.urn, resource);
      const list = this.byType.get(resource.type);
      if (list) list.push(resource);
      else this.byType.set(resource.type, [resource]);
      const parent = resource.parent?.urn;
      if (parent) {
        const siblings = this.children.get(parent);
        if (siblings) siblings.push(resource);
        else this.children.set(parent, [resource]);
      }
    }
  }

  /** The resources of any of `types`, in stack order within each type. */
  ofType(types: readonly string[]): PolicyResource[] {
    return types.flatMap((type) => this.byType.get(type) ?? []);
  }

  /** The resource with this URN. */
  byUrnOf(urn: string): PolicyResource | undefined {
    return this.byUrn.get(urn);
  }

  private lookup(types: readonly string[], identifiers: readonly string[]): (value: string) => PolicyResource[] {
    const key = `${types.join(',')}|${identifiers.join(',')}`;
    let found = this.lookups.get(key);
    if (!found) {
      found = identifierLookup(this.ofType(types), identifiers);
      this.lookups.set(key, found);
    }
    return found;
  }

  /**
   * The resources of `types` that `value` (a known string such as a bucket name or key ARN) names through one of
   * their `identifiers` (bare, or as the last segment of an ARN).
   */
  named(value: string, types: readonly string[], identifiers: readonly string[]): PolicyResource[] {
    return this.lookup(types, identifiers)(value);
  }

  /**
   * The resources of `types` that `source`'s `property` refers to: a recorded property dependency on one of them
   * (or on a component holding exactly one of them, as an input from an awsx output such as `vpc.vpcId` records: see
   * policy-kit's `dependencyTargets`), or its known string value naming one. A dependency on a component holding
   * several links none of them: the rule then sees what it sees for an unknown value with no dependency. `value`
   * overrides the property's own value (for nested properties whose dependencies are recorded on the top-level
   * property).
   */
  refersTo(
    source: PolicyResource,
    property: string,
    types: readonly string[],
    identifiers: readonly string[],
    value: unknown = rawProps(source.props)[property],
  ): PolicyResource[] {
    const found = new Set<PolicyResource>();
    for (const dependency of dependencyTargets(source, property, types, this.components).targets) {
      const resolved = this.byUrn.get(dependency.urn);
      if (resolved) found.add(resolved);
    }
    if (typeof value === 'string' && value !== '' && !isUnknown(value)) this.named(value, types, identifiers).forEach((target) => found.add(target));
    return [...found];
  }

  /** True when `source`'s `property` depends on some resource of `types` (directly recorded). */
  dependsThrough(source: PolicyResource, property: string, types: readonly string[]): boolean {
    return (source.propertyDependencies?.[property] ?? []).some((dependency) => types.includes(this.byUrn.get(dependency.urn)?.type ?? dependency.type));
  }

  /** The URNs of `resource` and its ancestors (parent chain). */
  private ancestorsOf(urn: string): ReadonlySet<string> {
    let found = this.ancestry.get(urn);
    if (!found) {
      const chain = new Set<string>();
      for (let current = this.byUrn.get(urn); current; current = current.parent ? this.byUrn.get(current.parent.urn) : undefined) {
        if (chain.has(current.urn)) break;
        chain.add(current.urn);
      }
      found = chain;
      this.ancestry.set(urn, found);
    }
    return found;
  }

  /**
   * True when Pulumi creates `later` only after `earlier` exists: `earlier` (or a component holding it) is among
   * `later`'s dependencies, directly or through other dependencies. Depending on a component waits for every
   * resource under it.
   */
  createdAfter(later: PolicyResource, earlier: PolicyResource): boolean {
    const targets = this.ancestorsOf(earlier.urn);
    const seen = new Set<string>();
    const queue = [...(this.byUrn.get(later.urn)?.dependencies ?? later.dependencies ?? [])];
    while (queue.length > 0) {
      const next = queue.pop() as PolicyResource;
      if (seen.has(next.urn)) continue;
      seen.add(next.urn);
      if (targets.has(next.urn)) return true;
      const resolved = this.byUrn.get(next.urn);
      queue.push(...(resolved?.dependencies ?? []));
      // Depending on a component means depending on what it holds (a custom resource's children are not waited for).
      if (isComponent(resolved ?? next)) queue.push(...(this.children.get(next.urn) ?? []));
    }
    return false;
  }
}
