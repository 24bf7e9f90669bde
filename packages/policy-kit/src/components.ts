/**
 * Components and the resources they hold. A remote component (`awsx.ec2.Vpc`, `awsx.lb.ApplicationLoadBalancer`,
 * `awsx.ecr.Repository`...) is built by its provider, and its outputs (`vpc.vpcId`, `vpc.publicSubnetIds`,
 * `lb.loadBalancer`, `repo.url`) come back on the component's own registration. A resource that takes such an output
 * therefore records a property dependency on the component (`awsx:ec2:Vpc`), not on the child the value belongs to
 * (`aws:ec2/vpc:Vpc`), in a real `pulumi preview` as in the offline engine. Rules that link resources by dependency
 * look under the component to find that child.
 */
import type { PolicyResource } from '@pulumi/policy';

/**
 * True for a component resource. The policy SDK does not say which resources are custom, so the type token's
 * package decides: the AWS provider's resources (`aws:`), the engine's own (`pulumi:`) and those of the few other
 * providers Bulwark's programs use are custom. A custom resource may be a parent too (awsx puts subnets under the
 * VPC), but its outputs are its own attributes, never its children's.
 */
export function isComponent(resource: Pick<PolicyResource, 'type'>): boolean {
  return !/^(aws|aws-native|pulumi|random|tls|docker-build):/.test(resource.type);
}

/** True when `resource` sits under the resource with URN `ancestor` (its parent, or its parent's, and so on). */
export function isUnder(resource: PolicyResource, ancestor: string): boolean {
  const seen = new Set<string>();
  for (let current = resource.parent; current && !seen.has(current.urn); current = current.parent) {
    if (current.urn === ancestor) return true;
    seen.add(current.urn);
  }
  return false;
}

/** The resources under each resource of one stack, indexed once. */
export interface ComponentTree {
  /** The resource of the stack with this URN. */
  resourceOf(urn: string): PolicyResource | undefined;
  /** The resources of `types` under the resource with this URN, at any depth, in stack order. */
  descendantsOf(urn: string, types: readonly string[]): readonly PolicyResource[];
}

/** Indexes `resources` (a whole stack, as a stack rule receives it) by parent, from each resource's `parent`. */
export function componentTree(resources: readonly PolicyResource[]): ComponentTree {
  const byUrn = new Map<string, PolicyResource>();
  const position = new Map<string, number>();
  const children = new Map<string, PolicyResource[]>();
  resources.forEach((resource, index) => {
    byUrn.set(resource.urn, resource);
    position.set(resource.urn, index);
    const parent = resource.parent?.urn;
    if (parent === undefined) return;
    const siblings = children.get(parent);
    if (siblings) siblings.push(resource);
    else children.set(parent, [resource]);
  });
  const descendants = new Map<string, readonly PolicyResource[]>();
  const allDescendantsOf = (urn: string): readonly PolicyResource[] => {
    let found = descendants.get(urn);
    if (!found) {
      const seen = new Set<string>([urn]);
      const list: PolicyResource[] = [];
      const queue = [...(children.get(urn) ?? [])];
      for (let next = queue.pop(); next; next = queue.pop()) {
        if (seen.has(next.urn)) continue;
        seen.add(next.urn);
        list.push(next);
        queue.push(...(children.get(next.urn) ?? []));
      }
      found = list.sort((a, b) => (position.get(a.urn) ?? 0) - (position.get(b.urn) ?? 0));
      descendants.set(urn, found);
    }
    return found;
  };
  return {
    resourceOf: (urn) => byUrn.get(urn),
    descendantsOf: (urn, types) => allDescendantsOf(urn).filter((resource) => types.includes(resource.type)),
  };
}
