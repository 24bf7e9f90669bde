/**
 * A resource's state as the Pulumi engine hands it to `AnalyzeStack`: its output properties. The AWS provider (a
 * Terraform bridge) returns a created resource's `id` among them too, as `pulumi stack export` shows, so a stack
 * policy can match a reference by id (a flow log's `vpcId` against a VPC's `id`). The offline engine keeps the id
 * apart from the outputs it answers the SDK with, so it is added back here once it is known: in an update, not for
 * a resource a preview has yet to create, nor for components, providers or resources of packages it does not
 * emulate (their outputs stay unknown).
 */
import { UNKNOWN, type ResourceRecord, type WireProperties } from '../types';

/** The properties `AnalyzeStack` sees for a recorded resource. */
export function stateProperties(record: ResourceRecord): WireProperties {
  const { id, outputs } = record;
  if (!record.custom || !record.type.startsWith('aws:') || id === undefined || id === UNKNOWN || outputs['id'] !== undefined) return outputs;
  return { ...outputs, id };
}
