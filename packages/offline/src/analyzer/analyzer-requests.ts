/**
 * Encodes Analyzer protocol requests from recorded resources, field by field as the Pulumi engine fills them:
 * inputs for Analyze and outputs for AnalyzeStack (with unknown sentinels and secret wrappers), options,
 * provider, parent, dependencies and property dependencies.
 *
 * The requests are written straight to protobuf bytes (protobuf-writer.ts), the bytes google-protobuf would
 * serialize the same messages to (analyzer-requests.spec.ts checks them against its message classes): at 10,000
 * resources, building google-protobuf's message objects (a `Value` per property) and collecting them was most of
 * bulwark's share of the analysis.
 */
import { providerUrnOf } from '@bulwark/aws-model';
import { type ResourceRecord, type WireProperties, type WireValue } from '../types';
import { analyzerProperties } from './analyzer-properties';
import { ProtobufWriter } from './protobuf-writer';
import { stateProperties } from './resource-state';

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

/**
 * The keys of a map field in the order google-protobuf writes them: sorted (as `Array.prototype.sort` sorts
 * strings). Its map keeps entries in a plain object, where a `__proto__` key sets the prototype instead of adding
 * an entry, so it never sends one; neither does this.
 */
function mapKeys(object: object): string[] {
  const keys: string[] = [];
  // for...in, as Struct.fromJavaScript reads an object.
  for (const key in object) if (key !== '__proto__') keys.push(key);
  return keys.sort();
}

/** A `google.protobuf.Value`, as `Value.fromJavaScript` builds it. */
function writeValue(writer: ProtobufWriter, value: WireValue): void {
  switch (typeof value) {
    case 'string':
      writer.string(3, value);
      return;
    case 'number':
      writer.double(2, value);
      return;
    case 'boolean':
      writer.bool(4, value);
      return;
    case 'object':
      if (value === null) {
        // null_value = NULL_VALUE (0).
        writer.tag(1, 0);
        writer.varint(0);
      } else if (Array.isArray(value)) {
        const list = writer.beginMessage(6);
        for (const element of value) {
          const entry = writer.beginMessage(1);
          writeValue(writer, element);
          writer.endMessage(entry);
        }
        writer.endMessage(list);
      } else {
        const struct = writer.beginMessage(5);
        writeStructFields(writer, value);
        writer.endMessage(struct);
      }
      return;
    default:
      // What Value.fromJavaScript throws for undefined, functions and the like.
      throw new Error('Unexpected struct type.');
  }
}

/** The fields of a `google.protobuf.Struct`: one map entry (key 1, value 2) per property. */
function writeStructFields(writer: ProtobufWriter, object: { readonly [key: string]: WireValue }): void {
  for (const key of mapKeys(object)) {
    const entry = writer.beginMessage(1);
    writer.string(1, key);
    const value = writer.beginMessage(2);
    writeValue(writer, object[key] as WireValue);
    writer.endMessage(value);
    writer.endMessage(entry);
  }
}

/** A resource's properties as the `properties` Struct field (2) of a request, as analyzers receive them. */
function writeProperties(writer: ProtobufWriter, properties: WireProperties): void {
  const struct = writer.beginMessage(2);
  writeStructFields(writer, analyzerProperties(properties));
  writer.endMessage(struct);
}

/** The `options` field (5): AnalyzerResourceOptions. */
function writeResourceOptions(writer: ProtobufWriter, record: ResourceRecord): void {
  const { options } = record;
  const message = writer.beginMessage(5);
  writer.optionalBool(1, options.protect);
  writer.strings(2, options.ignoreChanges);
  if (options.deleteBeforeReplace !== undefined) {
    writer.optionalBool(3, options.deleteBeforeReplace);
    writer.bool(4, true);
  }
  writer.strings(5, options.additionalSecretOutputs);
  writer.strings(6, options.aliases);
  const timeouts = writer.beginMessage(7);
  writer.optionalDouble(1, timeoutSeconds(options.customTimeouts.create));
  writer.optionalDouble(2, timeoutSeconds(options.customTimeouts.update));
  writer.optionalDouble(3, timeoutSeconds(options.customTimeouts.delete));
  writer.endMessage(timeouts);
  writer.optionalString(8, record.parent);
  writer.endMessage(message);
}

/**
 * Each provider's encoded AnalyzerProviderResource, written once: nearly every resource of a stack names the same
 * default provider, and Analyze runs once per resource. A provider's inputs never change after it registers.
 */
const providerMessages = new WeakMap<ResourceRecord, Buffer>();

/** The provider resource of a record (from its `<urn>::<id>` reference), as the engine describes it, encoded. */
function providerMessage(record: ResourceRecord, byUrn: ReadonlyMap<string, ResourceRecord>): Buffer | undefined {
  if (!record.provider) return undefined;
  const provider = byUrn.get(providerUrnOf(record.provider));
  if (!provider) return undefined;
  let message = providerMessages.get(provider);
  if (!message) {
    const writer = new ProtobufWriter(1024);
    writer.optionalString(1, provider.type);
    writeProperties(writer, provider.inputs);
    writer.optionalString(3, provider.urn);
    writer.optionalString(4, provider.name);
    message = writer.finish();
    providerMessages.set(provider, message);
  }
  return message;
}

/** The fields AnalyzeRequest and AnalyzerResource share (1-6): type, properties, URN, name, options, provider. */
function writeResourceFields(writer: ProtobufWriter, record: ResourceRecord, properties: WireProperties, byUrn: ReadonlyMap<string, ResourceRecord>): void {
  writer.optionalString(1, record.type);
  writeProperties(writer, properties);
  writer.optionalString(3, record.urn);
  writer.optionalString(4, record.name);
  writeResourceOptions(writer, record);
  const provider = providerMessage(record, byUrn);
  if (provider) writer.encoded(6, provider);
}

/** One writer for every Analyze request: each is copied out once written. */
const analyzeWriter = new ProtobufWriter(64 * 1024);

/** The `Analyze` request for one resource, encoded. */
export function analyzeRequest(record: ResourceRecord, byUrn: ReadonlyMap<string, ResourceRecord>): Buffer {
  analyzeWriter.reset();
  writeResourceFields(analyzeWriter, record, record.inputs, byUrn);
  return analyzeWriter.bytes();
}

/** The `AnalyzeStack` request for a whole stack, encoded: every resource with its parent and dependencies. */
export function analyzeStackRequest(records: readonly ResourceRecord[], byUrn: ReadonlyMap<string, ResourceRecord>): Buffer {
  const writer = new ProtobufWriter(1024 * 1024);
  for (const record of records) {
    const resource = writer.beginMessage(1);
    // As the engine does: Analyze sees a resource's inputs, AnalyzeStack its final state (its outputs).
    writeResourceFields(writer, record, stateProperties(record), byUrn);
    writer.optionalString(7, record.parent);
    writer.strings(8, record.dependencies);
    const { propertyDependencies } = record;
    for (const property of mapKeys(propertyDependencies)) {
      const entry = writer.beginMessage(9);
      writer.string(1, property);
      const dependencies = writer.beginMessage(2);
      writer.strings(1, propertyDependencies[property] as string[]);
      writer.endMessage(dependencies);
      writer.endMessage(entry);
    }
    writer.endMessage(resource);
  }
  return writer.finish();
}
