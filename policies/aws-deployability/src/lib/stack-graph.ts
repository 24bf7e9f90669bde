/**
 * The stack as the deployability rules question it: resources by type, what a property refers to (through the
 * engine's property dependencies, which work in a first-time preview, with known values as fall-back), and
 * whether one resource is created after another (its dependencies, transitively; depending on a component waits
 * for the component's children, as Pulumi orders them).
 *
 * It is also where a rule's per-stack facts live, computed once however often the rule asks: the stack's account
 * (`once`), a key's governing policy or a bucket's encryption (`onceFor`), the companions that name a resource
 * (`companionsOf`, indexed in one pass instead of a scan per resource) and parsed policy documents (`parsedPolicy`).
 * The policy SDK hands each stack policy its own copy of the resources, so these facts live as long as one
 * rule's check of one stack: sharing them between rules would need the SDK to share its resources.
 */
import type { PolicyResource } from '@pulumi/policy';
import { parseForEvaluation, type ParsedPolicyDocument } from '@bulwark/aws-model';
import { componentTree, dependencyTargets, identifierLookup, isComponent, isUnknown, rawProps, type ComponentTree } from '@bulwark/policy-kit';

/** A fact about the whole stack, computed from its graph. */
export type StackFact<T> = (graph: StackGraph) => T;

/** A fact about one resource of the stack, computed from the graph. */
export type ResourceFact<T> = (graph: StackGraph, resource: PolicyResource) => T;

/**
 * A property whose value is unknown until apply and that no recorded dependency ties to one resource of the wanted
 * types: which resource it names is an open question in this mode, which a rule reports undecided (or settles by
 * judging every candidate alike) rather than passing. The update run, where the value is known, links it.
 */
export interface OpenReference {
  /**
   * The resources of the wanted types it may name: those held by the components it depends on when they hold
   * several, else every one of the stack (with no dependency, or only on resources of other types, it may name any).
   */
  readonly candidates: readonly PolicyResource[];
  /** Why no resource is linked, as the detail of an undecided finding (`no dependency ties it to a role of the stack`). */
  readonly reason: string;
}

/** An index over one stack's resources, built once per stack rule run. */
export class StackGraph {
  private readonly byType = new Map<string, PolicyResource[]>();
  private readonly byUrn = new Map<string, PolicyResource>();
  private readonly lookups = new Map<string, (value: string) => PolicyResource[]>();
  private readonly children = new Map<string, PolicyResource[]>();
  private readonly ancestry = new Map<string, ReadonlySet<string>>();
  private readonly components: ComponentTree;
  private readonly stackFacts = new Map<StackFact<unknown>, unknown>();
  private readonly resourceFacts = new Map<ResourceFact<unknown>, Map<PolicyResource, unknown>>();
  private readonly companionIndexes = new Map<string, Map<PolicyResource, PolicyResource[]>>();
  private readonly openCompanionIndexes = new Map<string, Map<PolicyResource, PolicyResource[]>>();
  private readonly policyTexts = new Map<string, ParsedPolicyDocument>();
  private readonly policyObjects = new WeakMap<object, ParsedPolicyDocument>();

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

  /**
   * The resources of `sourceTypes` whose `property` refers to `target` (as {@link refersTo} decides, from the
   * property's own value), in the order {@link ofType} lists them: a bucket's policies, a key's KeyPolicy resources.
   * Each (sources, property, targets) relation is indexed on first use, so asking it of every target costs one
   * pass over the sources, not one per target.
   */
  companionsOf(target: PolicyResource, sourceTypes: readonly string[], property: string, targetTypes: readonly string[], identifiers: readonly string[]): readonly PolicyResource[] {
    const key = `${sourceTypes.join(',')}|${property}|${targetTypes.join(',')}|${identifiers.join(',')}`;
    const index = remember(this.companionIndexes, key, () => {
      const companions = new Map<PolicyResource, PolicyResource[]>();
      for (const source of this.ofType(sourceTypes)) {
        for (const named of this.refersTo(source, property, targetTypes, identifiers)) {
          const found = companions.get(named);
          if (found) found.push(source);
          else companions.set(named, [source]);
        }
      }
      return companions;
    });
    return index.get(target) ?? [];
  }

  /**
   * Whether `source`'s `property` (or `value`, for nested properties) is an {@link OpenReference} to a resource of
   * `types`: its value unknown, and its dependencies naming none of them (none recorded, only components holding
   * several, or only resources of other types). Undefined when it is linked, absent or known: a known value names a
   * resource of the stack or one outside it, and either is a fact the rule decides on. `what` names the wanted
   * resources in the reason (`role`, `log group`).
   */
  openReference(
    source: PolicyResource,
    property: string,
    types: readonly string[],
    what: string,
    value: unknown = rawProps(source.props)[property],
  ): OpenReference | undefined {
    if (!isUnknown(value)) return undefined;
    const found = dependencyTargets(source, property, types, this.components);
    if (found.targets.length > 0) return undefined;
    const dependencies = (source.propertyDependencies?.[property] ?? []).map((dependency) => this.byUrn.get(dependency.urn) ?? dependency);
    if (found.ambiguous) {
      const holders = found.holders.map((holder) => `${holder.type} ${holder.name}`).join(', ');
      const hold = found.holders.length > 1 ? 'which together hold' : 'which holds';
      const candidates = found.held;
      return { candidates, reason: `it depends on ${holders}, ${hold} several ${what}s (${candidates.map((candidate) => candidate.name).join(', ')}), and is linked to no one ${what} of the stack` };
    }
    const reason =
      dependencies.length === 0
        ? `no dependency ties it to a ${what} of the stack`
        : `its dependencies (${dependencies.map((dependency) => dependency.name).join(', ')}) are on no ${what} of the stack`;
    return { candidates: this.ofType(types), reason };
  }

  /**
   * The resources of `sourceTypes` whose `property` is an {@link OpenReference} that may name `target` (a bucket
   * policy whose `bucket` is unknown and unlinked may be any bucket's): until apply they may configure it, so a rule
   * judging `target` by its companions cannot count them out. Indexed once per relation, like {@link companionsOf}.
   */
  openCompanionsOf(target: PolicyResource, sourceTypes: readonly string[], property: string, targetTypes: readonly string[]): readonly PolicyResource[] {
    const key = `${sourceTypes.join(',')}|${property}|${targetTypes.join(',')}`;
    const index = remember(this.openCompanionIndexes, key, () => {
      const open = new Map<PolicyResource, PolicyResource[]>();
      for (const source of this.ofType(sourceTypes)) {
        for (const candidate of this.openReference(source, property, targetTypes, 'target')?.candidates ?? []) {
          const found = open.get(candidate);
          if (found) found.push(source);
          else open.set(candidate, [source]);
        }
      }
      return open;
    });
    return index.get(target) ?? [];
  }

  /** `fact` of this stack, computed the first time a rule asks for it. */
  once<T>(fact: StackFact<T>): T {
    return remember(this.stackFacts, fact, () => fact(this)) as T;
  }

  /** `fact` of `resource`, computed the first time a rule asks for it. */
  onceFor<T>(resource: PolicyResource, fact: ResourceFact<T>): T {
    const known = remember(this.resourceFacts, fact, () => new Map<PolicyResource, unknown>());
    return remember(known, resource, () => fact(this, resource)) as T;
  }

  /**
   * A policy document (JSON text or object, an engine unknown, or UNDECIDED) parsed for evaluation, each text or
   * object parsed once: rules evaluate the same key or bucket policy for many requests and many resources.
   */
  parsedPolicy(document: unknown): ParsedPolicyDocument {
    if (typeof document === 'string') return remember(this.policyTexts, document, () => parseForEvaluation(document));
    if (document !== null && typeof document === 'object') return remember(this.policyObjects, document, () => parseForEvaluation(document));
    return parseForEvaluation(document);
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

/** What `remember` stores values in: a Map or a WeakMap. */
interface Memo<K, V> {
  has(key: K): boolean;
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

/** The value `memo` holds for `key`, computed and stored the first time. */
function remember<K, V>(memo: Memo<K, V>, key: K, compute: () => V): V {
  if (memo.has(key)) return memo.get(key) as V;
  const value = compute();
  memo.set(key, value);
  return value;
}

