/**
 * A task definition's containers as awsx turns them into the `containerDefinitions` JSON: sorted by container
 * name, each with `name` set, its port mappings resolved against their target groups (`containerPort` and
 * `hostPort` default to each other and to the target group's port) and, when the task has a log group and the
 * container no `logConfiguration`, the `awslogs` driver writing to that group. Also the service load balancers
 * those target groups imply. The JSON's key order is the provider's, since the task family is named after a
 * hash of it.
 */
import { UNKNOWN, type WireValue } from '../../types';
import { type ComponentBuilder, type ResourceHandle } from '../component-builder';
import { containsSecret, referenceUrn, withoutSecrets, type ComponentInputs } from '../component-inputs';
import { ComponentArgumentError } from '../model-errors';
import { derive, TracedValue } from '../traced-value';

type JsonObject = { [key: string]: WireValue };

function isObject(value: WireValue | undefined): value is JsonObject {
  return value !== null && value !== undefined && typeof value === 'object' && !Array.isArray(value);
}

/** The containers by name: `containers` as given, or `{ [container.name ?? "container"]: container }`. */
export function taskContainers(inputs: ComponentInputs): TracedValue {
  const hasContainers = inputs.has('containers');
  const hasContainer = inputs.has('container');
  if (hasContainers && !hasContainer) return inputs.value('containers') as TracedValue;
  if (!hasContainer || hasContainers) throw new ComponentArgumentError('Exactly one of [container] or [containers] must be provided');
  const container = inputs.value('container') as TracedValue;
  const name = inputs.value('container', 'name');
  const byName = name && !name.known ? UNKNOWN : { [String(name?.value ?? 'container')]: container.value ?? null };
  return new TracedValue(byName, container.dependencies, container.secret);
}

/** The target groups the containers' port mappings name, by URN. */
function targetGroupsOf(build: ComponentBuilder, containers: TracedValue): ResourceHandle[] {
  const handles = new Map<string, ResourceHandle>();
  if (!isObject(containers.value)) return [];
  for (const container of Object.values(containers.value)) {
    const mappings = isObject(container) ? container['portMappings'] : undefined;
    if (!Array.isArray(mappings)) continue;
    for (const mapping of mappings) {
      const urn = isObject(mapping) ? referenceUrn(mapping['targetGroup']) : undefined;
      if (urn !== undefined && !handles.has(urn)) handles.set(urn, build.resource(urn));
    }
  }
  return [...handles.values()];
}

type TargetGroupProperty = 'port' | 'arn';

/** Each target group's `properties`, in order, to derive from. */
function targetGroupValues(targetGroups: readonly ResourceHandle[], properties: readonly TargetGroupProperty[]): TracedValue[] {
  return targetGroups.flatMap((handle) => properties.map((property) => handle.output(property)));
}

/** Looks a mapping's target group property up among the values derived from `targetGroupValues`. */
function resolver(targetGroups: readonly ResourceHandle[], properties: readonly TargetGroupProperty[], values: readonly (WireValue | undefined)[]) {
  return (mapping: JsonObject, property: TargetGroupProperty): WireValue | undefined => {
    const urn = referenceUrn(mapping['targetGroup']);
    const index = targetGroups.findIndex((handle) => handle.urn === urn);
    return index < 0 ? undefined : values[index * properties.length + properties.indexOf(property)];
  };
}

/** A port mapping as the provider writes it into the container definition. */
function portMapping(mapping: JsonObject, targetGroupPort: WireValue | undefined): JsonObject {
  const result: JsonObject = {};
  const entries: [string, WireValue | undefined][] = [
    ['name', mapping['name']],
    ['containerPortRange', mapping['containerPortRange']],
    ['appProtocol', mapping['appProtocol']],
    ['containerPort', mapping['containerPort'] ?? mapping['hostPort'] ?? targetGroupPort],
    ['hostPort', mapping['hostPort'] ?? targetGroupPort ?? mapping['containerPort']],
    ['protocol', mapping['protocol']],
  ];
  for (const [key, value] of entries) if (value !== undefined) result[key] = value;
  return result;
}

/**
 * The container definitions (a list of objects) for `containers`, depending on the containers, their target
 * groups and the log group; unknown when any of those is.
 */
export function containerDefinitions(build: ComponentBuilder, containers: TracedValue, logGroupId: TracedValue | undefined): TracedValue {
  if (!containers.known) return derive([containers], () => null);
  const targetGroups = targetGroupsOf(build, containers);
  // Only the target groups' ports shape the definitions (their ARNs, unknown in a preview, do not).
  const properties: TargetGroupProperty[] = ['port'];
  const inputs = [containers, ...targetGroupValues(targetGroups, properties), ...(logGroupId ? [logGroupId] : [])];
  const secret = containsSecret(containers.value);
  const definitions = derive(inputs, (byName, ...resolved) => {
    const logGroup = logGroupId ? (resolved[resolved.length - 1] as JsonObject) : undefined;
    const targetGroupValue = resolver(targetGroups, properties, resolved);
    const plain = withoutSecrets(byName ?? null);
    if (!isObject(plain)) throw new ComponentArgumentError('containers must be a map of container definitions');
    return Object.entries(plain)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([containerName, container]) => {
        const given = isObject(container) ? container : {};
        const mappings = given['portMappings'];
        const definition: JsonObject = { ...given };
        const resolvedMappings = Array.isArray(mappings)
          ? mappings.map((mapping) => (isObject(mapping) ? portMapping(mapping, targetGroupValue(mapping, 'port')) : mapping))
          : undefined;
        if (resolvedMappings !== undefined) definition['portMappings'] = resolvedMappings;
        else delete definition['portMappings'];
        definition['name'] = containerName;
        if (definition['logConfiguration'] === undefined && logGroup !== undefined) {
          definition['logConfiguration'] = {
            logDriver: 'awslogs',
            options: {
              'awslogs-group': logGroup['logGroupName'] ?? null,
              'awslogs-region': logGroup['logGroupRegion'] ?? null,
              'awslogs-stream-prefix': containerName,
            },
          };
        }
        return definition;
      });
  });
  return secret ? new TracedValue(definitions.value, definitions.dependencies, true) : definitions;
}

/** The service load balancers implied by port mappings that name a target group (unknown until its ARN is). */
export function impliedLoadBalancers(build: ComponentBuilder, containers: TracedValue): TracedValue {
  if (!containers.known) return derive([containers], () => null);
  const targetGroups = targetGroupsOf(build, containers);
  const properties: TargetGroupProperty[] = ['port', 'arn'];
  return derive([containers, ...targetGroupValues(targetGroups, properties)], (byName, ...resolved) => {
    const targetGroupValue = resolver(targetGroups, properties, resolved);
    const plain = withoutSecrets(byName ?? null);
    if (!isObject(plain)) return [];
    return Object.entries(plain).flatMap(([containerName, container]) => {
      const mappings = isObject(container) && Array.isArray(container['portMappings']) ? container['portMappings'] : [];
      return mappings.flatMap((mapping) => {
        if (!isObject(mapping)) return [];
        const port = targetGroupValue(mapping, 'port');
        const arn = targetGroupValue(mapping, 'arn');
        return port === undefined || arn === undefined ? [] : [{ containerName, containerPort: port, targetGroupArn: arn }];
      });
    });
  });
}
