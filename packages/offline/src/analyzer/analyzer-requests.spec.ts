import fc from 'fast-check';
import * as structproto from 'google-protobuf/google/protobuf/struct_pb';
import * as analyzerproto from '@pulumi/pulumi/proto/analyzer_pb';
import { providerUrnOf } from '@bulwark/aws-model';
import {
  RESOURCE_REFERENCE_SIG,
  SECRET_SIG,
  SECRET_SIG_KEY,
  UNKNOWN,
  defaultResourceOptions,
  type ResourceRecord,
  type WireProperties,
  type WireValue,
} from '../types';
import { analyzerProperties } from './analyzer-properties';
import { analyzeRequest, analyzeStackRequest, timeoutSeconds } from './analyzer-requests';
import { stateProperties } from './resource-state';

// The reference: the requests as google-protobuf's message classes build them (how bulwark built them before it
// wrote the bytes itself, and how the pack decodes them). The encoder must produce exactly their bytes.

function referenceStruct(properties: WireProperties): structproto.Struct {
  return structproto.Struct.fromJavaScript(analyzerProperties(properties) as Record<string, structproto.JavaScriptValue>);
}

function referenceOptions(record: ResourceRecord): analyzerproto.AnalyzerResourceOptions {
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

function referenceProvider(record: ResourceRecord, byUrn: ReadonlyMap<string, ResourceRecord>): analyzerproto.AnalyzerProviderResource | undefined {
  const provider = record.provider ? byUrn.get(providerUrnOf(record.provider)) : undefined;
  if (!provider) return undefined;
  const message = new analyzerproto.AnalyzerProviderResource();
  message.setType(provider.type);
  message.setProperties(referenceStruct(provider.inputs));
  message.setUrn(provider.urn);
  message.setName(provider.name);
  return message;
}

function referenceAnalyzeRequest(record: ResourceRecord, byUrn: ReadonlyMap<string, ResourceRecord>): analyzerproto.AnalyzeRequest {
  const request = new analyzerproto.AnalyzeRequest();
  request.setType(record.type);
  request.setProperties(referenceStruct(record.inputs));
  request.setUrn(record.urn);
  request.setName(record.name);
  request.setOptions(referenceOptions(record));
  const provider = referenceProvider(record, byUrn);
  if (provider) request.setProvider(provider);
  return request;
}

function referenceAnalyzeStackRequest(records: readonly ResourceRecord[], byUrn: ReadonlyMap<string, ResourceRecord>): analyzerproto.AnalyzeStackRequest {
  const request = new analyzerproto.AnalyzeStackRequest();
  request.setResourcesList(
    records.map((record) => {
      const resource = new analyzerproto.AnalyzerResource();
      resource.setType(record.type);
      resource.setProperties(referenceStruct(stateProperties(record)));
      resource.setUrn(record.urn);
      resource.setName(record.name);
      resource.setOptions(referenceOptions(record));
      const provider = referenceProvider(record, byUrn);
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

// Arbitraries: property trees as programs and providers produce them, with the edges of the encoding.

/** Strings: ASCII, any code point, lone surrogates, the sentinels, and lengths around the one-byte length limit. */
const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme', minLength: 40, maxLength: 200 }),
  fc.constantFrom('', UNKNOWN, '\ud800', 'a\udc00b', '\ud800x', 'x\ud800', '\udbff\udfff', 'é', '日本語', 'x'.repeat(127), 'y'.repeat(128), 'z'.repeat(16384)),
);

const key = fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('id', 'arn', 'tags', '10', '2', 'Zeta', 'alpha', 'é', '\ud83d\ude00'));

const number = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(0, -0, NaN, Infinity, -Infinity, Number.MAX_VALUE, Number.MIN_VALUE));

const { value: wireValue } = fc.letrec<{ value: WireValue; leaf: WireValue; struct: WireValue }>((tie) => ({
  leaf: fc.oneof(fc.constant(null), fc.boolean(), number, text),
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('leaf'),
    fc.array(tie('value'), { maxLength: 5 }),
    tie('struct'),
    // A secret, as the engine wraps it.
    tie('value').map((value) => ({ [SECRET_SIG_KEY]: SECRET_SIG, value })),
    // A resource reference, which analyzers receive downgraded to an id or URN.
    fc.tuple(text, fc.option(text, { nil: undefined })).map(([urn, id]) => ({ [SECRET_SIG_KEY]: RESOURCE_REFERENCE_SIG, urn, ...(id === undefined ? {} : { id }) })),
  ),
  struct: fc.dictionary(key, tie('value'), { maxKeys: 6 }),
}));

const properties = fc.dictionary(key, wireValue, { maxKeys: 8 }) as fc.Arbitrary<WireProperties>;

const duration = fc.constantFrom('', '5m', '1h30m', '90s', '250ms', '1.5h', 'soon', '10');

const urns = fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 });

const PROVIDER: ResourceRecord = {
  urn: 'urn:pulumi:dev::bench::pulumi:providers:aws::default_7_0_0',
  type: 'pulumi:providers:aws',
  name: 'default_7_0_0',
  custom: true,
  dependencies: [],
  propertyDependencies: {},
  inputs: { region: 'us-east-1', defaultTags: { tags: { Owner: 'platform' } }, version: '7.0.0' },
  outputs: { region: 'us-east-1' },
  id: 'default-provider-id',
  options: defaultResourceOptions(),
  defaultProvider: true,
};

const resource: fc.Arbitrary<ResourceRecord> = fc
  .record({
    type: fc.constantFrom('aws:s3/bucket:Bucket', 'aws:ec2/vpc:Vpc', 'awsx:ec2:Vpc', 'docker-build:index:Image', ''),
    name: text,
    custom: fc.boolean(),
    parent: fc.option(text, { nil: undefined }),
    provider: fc.constantFrom(undefined, `${PROVIDER.urn}::${PROVIDER.id}`, 'urn:pulumi:dev::bench::pulumi:providers:aws::missing::id'),
    dependencies: urns,
    propertyDependencies: fc.dictionary(key, urns, { maxKeys: 4 }),
    inputs: properties,
    outputs: properties,
    id: fc.constantFrom(undefined, UNKNOWN, 'i-0abc', ''),
    protect: fc.boolean(),
    ignoreChanges: urns,
    deleteBeforeReplace: fc.option(fc.boolean(), { nil: undefined }),
    aliases: urns,
    additionalSecretOutputs: urns,
    customTimeouts: fc.record({ create: duration, update: duration, delete: duration }),
  })
  .chain((fields) =>
    fc.constant<ResourceRecord>({
      urn: `urn:pulumi:dev::bench::${fields.type}::${fields.name}`,
      type: fields.type,
      name: fields.name,
      custom: fields.custom,
      ...(fields.parent === undefined ? {} : { parent: fields.parent }),
      ...(fields.provider === undefined ? {} : { provider: fields.provider }),
      dependencies: fields.dependencies,
      propertyDependencies: fields.propertyDependencies,
      inputs: fields.inputs,
      outputs: fields.outputs,
      ...(fields.id === undefined ? {} : { id: fields.id }),
      options: {
        ...defaultResourceOptions(),
        protect: fields.protect,
        ignoreChanges: fields.ignoreChanges,
        ...(fields.deleteBeforeReplace === undefined ? {} : { deleteBeforeReplace: fields.deleteBeforeReplace }),
        aliases: fields.aliases,
        additionalSecretOutputs: fields.additionalSecretOutputs,
        customTimeouts: fields.customTimeouts,
      },
    }),
  );

const byUrnOf = (records: readonly ResourceRecord[]) => new Map([PROVIDER, ...records].map((record) => [record.urn, record]));

describe('Analyze requests', () => {
  it('are the bytes google-protobuf serializes for the same message, and decode to the same request', () => {
    fc.assert(
      fc.property(resource, (record) => {
        const byUrn = byUrnOf([record]);
        const reference = referenceAnalyzeRequest(record, byUrn);
        const bytes = analyzeRequest(record, byUrn);
        expect(bytes.equals(reference.serializeBinary())).toBe(true);
        // As the pack decodes them (a decoded lone surrogate is not the one the message held: compare decodings).
        const decoded = analyzerproto.AnalyzeRequest.deserializeBinary(bytes);
        expect(decoded.toObject()).toEqual(analyzerproto.AnalyzeRequest.deserializeBinary(reference.serializeBinary()).toObject());
      }),
      { numRuns: 200 },
    );
  });

  it("decode to the resource's inputs as analyzers receive them (references downgraded, secrets and unknowns kept)", () => {
    const inputs: WireProperties = {
      bucket: UNKNOWN,
      password: { [SECRET_SIG_KEY]: SECRET_SIG, value: 'hunter2' },
      vpc: { [SECRET_SIG_KEY]: RESOURCE_REFERENCE_SIG, urn: 'urn:v', id: 'vpc-1' },
      rules: [[1.5, -0, null], { empty: {} }, true, 'Ωmega 😀'],
    };
    const record: ResourceRecord = {
      ...PROVIDER,
      urn: 'urn:pulumi:dev::bench::aws:s3/bucket:Bucket::site',
      type: 'aws:s3/bucket:Bucket',
      name: 'site',
      inputs,
      provider: `${PROVIDER.urn}::${PROVIDER.id}`,
      defaultProvider: false,
    };
    const request = analyzerproto.AnalyzeRequest.deserializeBinary(analyzeRequest(record, byUrnOf([record])));
    expect(request.getProperties()?.toJavaScript()).toEqual({ ...inputs, vpc: 'vpc-1' });
    expect(request.getProvider()?.getProperties()?.toJavaScript()).toEqual(PROVIDER.inputs);
  });

  it('send no `__proto__` entry, as google-protobuf never does', () => {
    const record: ResourceRecord = { ...PROVIDER, inputs: JSON.parse('{"__proto__": {"polluted": true}, "kept": 1}') as WireProperties };
    const bytes = analyzeRequest(record, byUrnOf([record]));
    expect(bytes.equals(referenceAnalyzeRequest(record, byUrnOf([record])).serializeBinary())).toBe(true);
    expect(analyzerproto.AnalyzeRequest.deserializeBinary(bytes).getProperties()?.toJavaScript()).toEqual({ kept: 1 });
  });

  it('fail as google-protobuf does on a value it cannot carry', () => {
    const record: ResourceRecord = { ...PROVIDER, inputs: { missing: undefined as unknown as WireValue } };
    expect(() => referenceAnalyzeRequest(record, new Map())).toThrow('Unexpected struct type.');
    expect(() => analyzeRequest(record, new Map())).toThrow('Unexpected struct type.');
  });
});

describe('AnalyzeStack requests', () => {
  it('are the bytes google-protobuf serializes for the same message: outputs, parents, dependencies, property dependencies', () => {
    fc.assert(
      fc.property(fc.array(resource, { maxLength: 6 }), (records) => {
        const byUrn = byUrnOf(records);
        const reference = referenceAnalyzeStackRequest(records, byUrn);
        const bytes = analyzeStackRequest(records, byUrn);
        expect(bytes.equals(reference.serializeBinary())).toBe(true);
        const decoded = analyzerproto.AnalyzeStackRequest.deserializeBinary(bytes);
        expect(decoded.toObject()).toEqual(analyzerproto.AnalyzeStackRequest.deserializeBinary(reference.serializeBinary()).toObject());
      }),
      { numRuns: 100 },
    );
  });

  it('carry messages longer than a one-byte length, nested, and an empty stack', () => {
    const large: ResourceRecord = {
      ...PROVIDER,
      outputs: { policy: 'p'.repeat(20_000), nested: { deeper: { list: Array.from({ length: 300 }, (_, index) => `item-${index}`) } } },
      propertyDependencies: { policy: ['urn:a', 'urn:b'], bucket: [] },
    };
    for (const records of [[large, large], []]) {
      const byUrn = byUrnOf(records);
      expect(analyzeStackRequest(records, byUrn).equals(referenceAnalyzeStackRequest(records, byUrn).serializeBinary())).toBe(true);
    }
  });
});
