/** One resource registration as the engine receives it, whether a program sent it or a component model made it. */
import { type ResourceOptionsRecord, type WireProperties } from '../types';

export interface Registration {
  readonly type: string;
  readonly name: string;
  /** The parent's URN; undefined only for the root stack. */
  readonly parent?: string;
  readonly custom: boolean;
  /** The serialized inputs, keys in the order the engine's protobuf maps give them (sorted). */
  readonly inputs: WireProperties;
  /** An explicit provider reference (`<provider-urn>::<provider-id>`); custom resources without one get the default. */
  readonly provider?: string;
  /** The resource's package version (picks the default provider `default_<version>`). */
  readonly version: string;
  readonly propertyDependencies: Record<string, string[]>;
  /** Every dependency: explicit `dependsOn` and every property's, as the SDK sends them. */
  readonly dependencies: string[];
  /** The id to import, or '' when the resource is to be created. */
  readonly importId: string;
  readonly options: ResourceOptionsRecord;
}
