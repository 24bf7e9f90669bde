/**
 * Builds Analyzer protocol messages from recorded resources, field by field as the Pulumi engine fills them:
 * inputs for Analyze and outputs for AnalyzeStack (with unknown sentinels and secret wrappers), options,
 * provider, parent, dependencies and property dependencies.
 */
import * as structproto from 'google-protobuf/google/protobuf/struct_pb';
import * as analyzerproto from '@pulumi/pulumi/proto/analyzer_pb';
import { providerUrnOf } from '@bulwark/aws-model';
import { type ResourceRecord, type WireProperties } from '../types';
import { analyzerProperties } from './analyzer-properties';
import { stateProperties } from './resource-state';

function struct(properties: WireProperties): structproto.Struct {
  return structproto.Struct.fromJavaScript(analyzerProperties(properties) as Record<string, structproto.JavaScriptValue>);
}

/** A custom timeout as the engine sends it: seconds, from the SDK's duration strings (`"5m"`, `"1h30m"`). */
export function timeoutSeconds(value: string): number {
  if (!value) return 0;
  let seconds = 0;
  const pattern = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;
  let consumed = 0;
  for (const match of value.matchAll(pattern)) {
    const unit = match[2] as 'ms' | 's' | 'm' | 'h';
    seconds += Number(match[1]) * { ms: 0.001, s: 1, m: 60, h: 3600 }[unit];
    consumed += match[0].length;
  }
  return consumed === value.length ? seconds : 0;
}

function resourceOptions(record: ResourceRecord): analyzerproto.AnalyzerResourceOptions {
  const { options } = record;
  const message = new analyzerproto.AnalyzerResourceOptions();
  message.setProtect(options.protect);
  message.setIgnorechangesList(options.ignoreChanges);
  if (options.deleteBeforeReplace !== undefined) {
    message.setDeletebeforereplacedefined(true);
    message.setDeletebeforereplace(options.deleteBeforeReplace);
  }
  message.setAdditionalsecretoutputsList(options.additionalSecretOutputs);
  message.setAliasesList(options.aliases);
  const timeouts = new analyzerproto.AnalyzerResourceOptions.CustomTimeouts();
  timeouts.setCreate(timeoutSeconds(options.customTimeouts.create));
  timeouts.setUpdate(timeoutSeconds(options.customTimeouts.update));
  timeouts.setDelete(timeoutSeconds(options.customTimeouts.delete));
  message.setCustomtimeouts(timeouts);
  if (record.parent) message.setParent(record.parent);
  return message;
}

/**
 * Each provider's message, built once: nearly every resource of a stack names the same default provider, and
 * Analyze runs once per resource. A provider's inputs never change after it registers, and a message is only
 * read once built, so every request can carry the same one.
 */
const providerMessages = new WeakMap<ResourceRecord, analyzerproto.AnalyzerProviderResource>();

/** The provider resource of a record (from its `<urn>::<id>` reference), as the engine describes it. */
function providerResource(
  record: ResourceRecord,
  byUrn: ReadonlyMap<string, ResourceRecord>,
): analyzerproto.AnalyzerProviderResource | undefined {
  if (!record.provider) return undefined;
  const provider = byUrn.get(providerUrnOf(record.provider));
  if (!provider) return undefined;
  let message = providerMessages.get(provider);
  if (!message) {
    message = new analyzerproto.AnalyzerProviderResource();
    message.setType(provider.type);
    message.setProperties(struct(provider.inputs));
    message.setUrn(provider.urn);
    message.setName(provider.name);
    providerMessages.set(provider, message);
  }
  return message;
}

/** The `Analyze` request for one resource. */
export function analyzeRequest(record: ResourceRecord, byUrn: ReadonlyMap<string, ResourceRecord>): analyzerproto.AnalyzeRequest {
  const request = new analyzerproto.AnalyzeRequest();
  request.setType(record.type);
  request.setProperties(struct(record.inputs));
  request.setUrn(record.urn);
  request.setName(record.name);
  request.setOptions(resourceOptions(record));
  const provider = providerResource(record, byUrn);
  if (provider) request.setProvider(provider);
  return request;
}

/** The `AnalyzeStack` request for a whole stack: every resource with its parent and dependencies. */
export function analyzeStackRequest(
  records: readonly ResourceRecord[],
  byUrn: ReadonlyMap<string, ResourceRecord>,
): analyzerproto.AnalyzeStackRequest {
  const request = new analyzerproto.AnalyzeStackRequest();
  request.setResourcesList(
    records.map((record) => {
      const resource = new analyzerproto.AnalyzerResource();
      resource.setType(record.type);
      // As the engine does: Analyze sees a resource's inputs, AnalyzeStack its final state (its outputs).
      resource.setProperties(struct(stateProperties(record)));
      resource.setUrn(record.urn);
      resource.setName(record.name);
      resource.setOptions(resourceOptions(record));
      const provider = providerResource(record, byUrn);
      if (provider) resource.setProvider(provider);
      if (record.parent) resource.setParent(record.parent);
      resource.setDependenciesList(record.dependencies);
      const propertyDependencies = resource.getPropertydependenciesMap();
      for (const [property, urns] of Object.entries(record.propertyDependencies)) {
        const dependencies = new analyzerproto.AnalyzerPropertyDependencies();
        dependencies.setUrnsList(urns);
        propertyDependencies.set(property, dependencies);
      }
      return resource;
    }),
  );
  return request;
}
