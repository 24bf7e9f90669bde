/**
 * Resource records for rule specs, shaped as the offline engine captures a registration: the engine records every
 * dependency the SDK sends (`RegisterResourceRequest.dependencies`: the `dependsOn` resource option and the
 * resources every input came from) as `dependencies` and `options.dependsOn`, and the input ones again per property
 * as `propertyDependencies`. Rules that order resources read `dependencies`; rules that link a property to the
 * resource it names read `propertyDependencies`.
 */
import { UNKNOWN } from '@bulwark/aws-model';
import { defaultResourceOptions, type ResourceRecord, type WireProperties } from '@bulwark/offline';

let counter = 0;

export interface ResourceOptions {
  /** Resource name; defaults to a generated one. */
  readonly name?: string;
  /** For each property, the resources its value came from (its property dependencies). */
  readonly dependsOn?: Record<string, readonly ResourceRecord[]>;
  /**
   * The resources of the `dependsOn` resource option (`new Trail(..., { dependsOn: [bucketPolicy] })`): the
   * resource depends on them without any of its inputs coming from them.
   */
  readonly explicitDependsOn?: readonly ResourceRecord[];
  readonly parent?: ResourceRecord;
  readonly provider?: ResourceRecord;
}

/** A resource record as the offline engine would capture it. */
export function resource(type: string, inputs: Record<string, unknown>, options: ResourceOptions = {}): ResourceRecord {
  const name = options.name ?? `resource${++counter}`;
  const qualifiedType = options.parent && options.parent.type !== 'pulumi:pulumi:Stack' ? `${options.parent.type}$${type}` : type;
  const propertyDependencies: Record<string, string[]> = {};
  for (const [property, sources] of Object.entries(options.dependsOn ?? {})) {
    propertyDependencies[property] = sources.map((source) => source.urn);
  }
  const explicit = (options.explicitDependsOn ?? []).map((source) => source.urn);
  const dependencies = [...new Set([...explicit, ...Object.values(propertyDependencies).flat()])];
  return {
    urn: `urn:pulumi:test::test::${qualifiedType}::${name}`,
    type,
    name,
    custom: true,
    parent: options.parent?.urn,
    provider: options.provider ? `${options.provider.urn}::${options.provider.id ?? 'id'}` : undefined,
    dependencies,
    propertyDependencies,
    inputs: inputs as WireProperties,
    outputs: inputs as WireProperties,
    id: UNKNOWN,
    options: { ...defaultResourceOptions(), dependsOn: dependencies },
  };
}
