/**
 * A ResourceMonitor that records what the Pulumi engine would receive and answers as the AWS provider would.
 * The SDK's own MockMonitor loses what policies need (unknowns, property dependencies, options, engine URNs),
 * so the runner installs this one instead. It never throws into the SDK: every failure is recorded and
 * answered as an RPC error, and the run fails afterwards with it.
 */
import * as structproto from 'google-protobuf/google/protobuf/struct_pb';
import * as provproto from '@pulumi/pulumi/proto/provider_pb';
import * as resproto from '@pulumi/pulumi/proto/resource_pb';
import { stableHex } from '../aws/stable-ids';
import { autoName } from '../aws/auto-names';
import { type AwsEnvironment } from '../aws/aws-environment';
import { answerInvoke, fixtureAdvice, UnsupportedInvokeError, type InvokeContext } from '../aws/invokes';
import { createdResource } from '../aws/resource-outputs';
import { type ComponentHost } from '../awsx/component-builder';
import { COMPONENT_MODEL_VERSION, expandComponent } from '../awsx/expand-component';
import { AWSX_PROVIDER_AWS_VERSION } from '../awsx/version';
import {
  defaultResourceOptions,
  UNKNOWN,
  type ExpandedComponent,
  type InvokeRecord,
  type OpaqueComponent,
  type ResourceRecord,
  type RunMode,
  type WireProperties,
} from '../types';
import { matchInvokeFixture, type InvokeFixture } from './invoke-fixtures';
import { type PendingWork } from './pending-work';
import { type Registration } from './registration';
import { engineUrn, providerUrnOf } from '@bulwark/aws-model';

type Callback<T> = (error: Error | null, response?: T) => void;

/** What the monitor needs to know about the run. */
export interface MonitorSettings extends InvokeContext {
  readonly project: string;
  readonly stack: string;
  readonly mode: RunMode;
  /** Pulumi config, by namespaced key, as the strings the engine passes to providers. */
  readonly config: Readonly<Record<string, string>>;
  /** Outputs for each StackReference, by the referenced stack's name. */
  readonly stackReferences: Readonly<Record<string, Record<string, unknown>>>;
  /** Record a remote component the engine cannot expand instead of failing the run. @default false */
  readonly allowOpaqueComponents?: boolean;
  /** Answers for provider functions, checked before the engine's own (see invoke-fixtures.ts). */
  readonly invokeFixtures?: readonly InvokeFixture[];
}

/**
 * The id and computed outputs a created resource gets. Only the AWS provider is emulated; another package's
 * resource gets a stable id labelled as the engine's own and no made-up outputs (so in a preview they stay
 * unknown, as the SDK reads missing outputs of a dry run).
 */
function created(type: string, inputs: WireProperties, urn: string, environment: AwsEnvironment): { id: string; computed: Record<string, unknown> } {
  const pkg = type.split(':')[0];
  if (pkg === 'aws') return createdResource(type, inputs, urn, environment);
  return { id: `bulwark-offline-id-${stableHex(urn, 16)}`, computed: {} };
}

/** Exposed for the feature probe of the SDK; output values stay off, as in the SDK's mocks. */
const SUPPORTED_FEATURES = new Set(['secrets', 'resourceReferences', 'deletedWith', 'aliasSpecs', 'parameterization']);

function toStruct(value: Record<string, unknown>): structproto.Struct {
  return structproto.Struct.fromJavaScript(value as Record<string, structproto.JavaScriptValue>);
}

function withoutUndefined(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined));
}

export class RecordingMonitor {
  readonly resources: ResourceRecord[] = [];
  readonly invokes: InvokeRecord[] = [];
  /** Failures recorded during the run; the runner fails the run with them. */
  readonly failures: string[] = [];
  /** Remote components expanded from their models. */
  readonly expandedComponents: ExpandedComponent[] = [];
  /** Remote components left unexpanded (the run fails on them unless they are allowed). */
  readonly opaqueComponents: OpaqueComponent[] = [];
  /** The root stack's registered outputs, in wire form. */
  stackOutputs: WireProperties = {};
  private readonly byUrn = new Map<string, ResourceRecord>();
  /** Default providers by `<package>@<version>`, made on first use; recorded when a resource first uses one. */
  private readonly defaultProviders = new Map<string, ResourceRecord>();

  /** What component models may do with the engine: prepare, find, invoke, record. */
  private readonly componentHost: ComponentHost;

  constructor(
    private readonly settings: MonitorSettings,
    /** Told of every registration that arrives, so that a run that never finishes can say what never did. */
    private readonly pending?: PendingWork,
  ) {
    this.componentHost = {
      mode: settings.mode,
      stack: settings.stack,
      prepare: (registration) => this.prepare(registration),
      find: (urn) => this.byUrn.get(urn),
      invoke: (token, args, provider) => {
        // A provider function call needs its provider, as a registration does: a default one is made now.
        if (provider) this.recordDefaultProvider(provider);
        return this.answerAndRecordInvoke(token, args, provider);
      },
      record: (records) => this.recordChildren(records),
      defaultProvider: (pkg, version) => this.defaultProviderReference(pkg, version),
    };
  }

  /**
   * Records a failure. The caller still answers the SDK with a well-formed response: an RPC error would reject
   * promises inside the SDK that nothing handles, and the run fails afterwards with the recorded message anyway.
   */
  private fail(message: string): void {
    this.failures.push(message);
  }

  private add(record: ResourceRecord): void {
    this.resources.push(record);
    this.byUrn.set(record.urn, record);
  }

  /** The engine's default provider for a package and version, made from the package's config (not yet recorded). */
  private defaultProviderRecord(pkg: string, version: string): ResourceRecord {
    const key = `${pkg}@${version}`;
    let provider = this.defaultProviders.get(key);
    if (!provider) {
      const name = `default${version ? `_${version.replace(/[.-]/g, '_')}` : ''}`;
      const type = `pulumi:providers:${pkg}`;
      const inputs: WireProperties = {};
      for (const [configKey, value] of Object.entries(this.settings.config)) {
        if (configKey.startsWith(`${pkg}:`)) inputs[configKey.slice(pkg.length + 1)] = value;
      }
      if (version) inputs['version'] = version;
      provider = {
        urn: engineUrn(this.settings.stack, this.settings.project, type, name),
        type,
        name,
        custom: true,
        dependencies: [],
        propertyDependencies: {},
        inputs,
        outputs: inputs,
        id: `${pkg}-default-provider`,
        options: defaultResourceOptions(),
        defaultProvider: true,
      };
      this.defaultProviders.set(key, provider);
    }
    return provider;
  }

  /** The reference to the engine's default provider for a package, recording the provider on first use. */
  private defaultProvider(pkg: string, version: string): string {
    const provider = this.defaultProviderRecord(pkg, version);
    if (!this.byUrn.has(provider.urn)) this.add(provider);
    return `${provider.urn}::${provider.id}`;
  }

  /** The account and region a provider deploys into: an explicit provider's `region` wins over the stack's. */
  private environmentFor(providerReference: string | undefined): AwsEnvironment {
    if (!providerReference) return this.settings;
    const provider = this.byUrn.get(providerUrnOf(providerReference));
    const region = provider?.inputs['region'];
    return typeof region === 'string' && region !== '' ? { account: this.settings.account, region } : this.settings;
  }

  /** The registration a RegisterResource request carries. */
  private registrationOf(request: resproto.RegisterResourceRequest): Registration {
    const propertyDependencies: Record<string, string[]> = {};
    for (const [property, dependencies] of request.getPropertydependenciesMap().entries()) {
      propertyDependencies[property] = dependencies.getUrnsList();
    }
    const timeouts = request.getCustomtimeouts();
    const parent = request.getParent() || undefined;
    const provider = request.getProvider() || undefined;
    return {
      type: request.getType(),
      name: request.getName(),
      ...(parent ? { parent } : {}),
      custom: request.getCustom(),
      inputs: (request.getObject()?.toJavaScript() ?? {}) as WireProperties,
      ...(provider ? { provider } : {}),
      version: request.getVersion(),
      propertyDependencies,
      dependencies: request.getDependenciesList(),
      importId: request.getImportid(),
      options: {
        protect: request.getProtect() ?? false,
        ignoreChanges: request.getIgnorechangesList(),
        ...(request.getDeletebeforereplacedefined() ? { deleteBeforeReplace: request.getDeletebeforereplace() } : {}),
        aliases: request.getAliasurnsList(),
        additionalSecretOutputs: request.getAdditionalsecretoutputsList(),
        customTimeouts: { create: timeouts?.getCreate() ?? '', update: timeouts?.getUpdate() ?? '', delete: timeouts?.getDelete() ?? '' },
        ...(request.getRetainondelete() ? { retainOnDelete: true } : {}),
        ...(request.getDeletedwith() ? { deletedWith: request.getDeletedwith() } : {}),
        dependsOn: request.getDependenciesList(),
      },
    };
  }

  /**
   * The record the engine makes of a registration: auto-named inputs, the provider (the default one when none is
   * given, recorded on first use), and the id and outputs the provider answers for the run's mode. Not recorded.
   */
  private prepare(registration: Registration, knownUrn?: string): ResourceRecord {
    const { type, name, parent, custom } = registration;
    const urn = knownUrn ?? engineUrn(this.settings.stack, this.settings.project, type, name, parent);
    const inputs = registration.inputs;
    const isProvider = type.startsWith('pulumi:providers:');
    if (custom && !isProvider) {
      const generated = autoName(type, name, urn);
      if (generated && inputs[generated.property] === undefined) inputs[generated.property] = generated.value;
    }
    let provider = registration.provider;
    if (custom && !isProvider && !provider) provider = this.defaultProvider(type.split(':')[0] as string, registration.version);
    const known = this.settings.mode === 'update' || registration.importId !== '';
    let id: string | undefined;
    let outputs: Record<string, unknown> = { ...inputs };
    if (custom) {
      if (isProvider) {
        id = known ? `${name}-${type.split(':')[2]}-provider` : UNKNOWN;
      } else if (known) {
        const resource = created(type, inputs, urn, this.environmentFor(provider));
        id = registration.importId || resource.id;
        outputs = { ...resource.computed, ...inputs };
      } else {
        id = UNKNOWN;
      }
    }
    return {
      urn,
      type,
      name,
      custom,
      ...(parent ? { parent } : {}),
      ...(provider ? { provider } : {}),
      dependencies: registration.dependencies,
      propertyDependencies: registration.propertyDependencies,
      inputs,
      outputs: outputs as WireProperties,
      ...(id !== undefined ? { id } : {}),
      options: registration.options,
    };
  }

  registerResource(request: resproto.RegisterResourceRequest, callback: Callback<resproto.RegisterResourceResponse>): void {
    try {
      const type = request.getType();
      const name = request.getName();
      this.pending?.arrived(type, name);
      const urn = engineUrn(this.settings.stack, this.settings.project, type, name, request.getParent() || undefined);
      if (this.byUrn.has(urn)) {
        this.fail(`Duplicate resource URN '${urn}': two resources of type ${type} are named "${name}"`);
        const response = new resproto.RegisterResourceResponse();
        response.setUrn(urn);
        callback(null, response);
        return;
      }
      const registration = this.registrationOf(request);
      if (request.getRemote()) {
        callback(null, this.registerRemoteComponent(registration, request));
        return;
      }
      const record = this.prepare(registration, urn);
      this.add(record);
      const id = record.id === undefined || record.id === UNKNOWN ? '' : record.id;
      callback(null, registrationResponse(urn, id, withoutUndefined(record.outputs)));
    } catch (error) {
      this.fail(`offline engine failed to register ${request.getType()} "${request.getName()}": ${(error as Error).message}`);
      callback(null, new resproto.RegisterResourceResponse());
    }
  }

  /**
   * A remote (multi-language) component: the SDK registers only the component, and a real preview gets its
   * children from the component's provider. The engine records it as a component and builds the children itself
   * from the model of its type; one it cannot expand is opaque, and fails the run unless opaque components are
   * allowed. The answer carries the component's outputs, resource-typed ones as resource references.
   */
  private registerRemoteComponent(registration: Registration, request: resproto.RegisterResourceRequest): resproto.RegisterResourceResponse {
    const pkg = registration.type.split(':')[0] as string;
    const record = this.prepare({
      ...registration,
      custom: false,
      provider: registration.provider ?? this.defaultProvider(pkg, registration.version),
    });
    this.add(record);
    const providers = request.getProvidersMap();
    // The SDK sends the component's own package's provider as `provider` and the rest in `providers`.
    const ownAws = registration.provider && providerUrnOf(registration.provider).includes('::pulumi:providers:aws::') ? registration.provider : undefined;
    const awsProvider = providers.get('aws') || ownAws || this.defaultProviderReference('aws', AWSX_PROVIDER_AWS_VERSION);
    const expansion = expandComponent(this.componentHost, {
      record,
      propertyDependencies: registration.propertyDependencies,
      awsProvider,
    });
    let outputs: WireProperties = {};
    if (expansion.kind === 'expanded') {
      outputs = expansion.outputs;
      (record as { outputs: WireProperties }).outputs = outputs;
      this.expandedComponents.push({ urn: record.urn, type: record.type, modelVersion: COMPONENT_MODEL_VERSION, childCount: expansion.childCount });
    } else if (expansion.kind === 'opaque') {
      this.opaqueComponents.push({ urn: record.urn, type: record.type, reason: expansion.reason });
      if (!this.settings.allowOpaqueComponents) {
        this.fail(
          `${record.type} component ${record.urn} is opaque to the offline engine: ${expansion.reason}. Its children (what a real ` +
            `preview gets from the ${pkg} provider) were not checked offline. Check them with \`pulumi preview --policy-pack\` ` +
            'where the provider runs, or accept the gap: --allow-opaque-components (runProgram option: allowOpaqueComponents) reports ' +
            'the component as an advisory finding instead of failing the run.',
        );
      }
    } else {
      this.fail(`${record.type} component ${record.urn}: the ${pkg} provider would reject its arguments: ${expansion.message}`);
    }
    return registrationResponse(record.urn, '', outputs);
  }

  /** A default provider's reference without recording it: a component's children record it when they are recorded. */
  private defaultProviderReference(pkg: string, version: string): string {
    const provider = this.defaultProviderRecord(pkg, version);
    return `${provider.urn}::${provider.id}`;
  }

  /** Records the default provider a reference names, if it is one and not recorded yet. */
  private recordDefaultProvider(reference: string): void {
    const providerUrn = providerUrnOf(reference);
    if (this.byUrn.has(providerUrn)) return;
    const provider = [...this.defaultProviders.values()].find((candidate) => candidate.urn === providerUrn);
    if (provider) this.add(provider);
  }

  /** Records a component's children, each after the default provider it uses (if that is not recorded yet). */
  private recordChildren(records: readonly ResourceRecord[]): void {
    for (const record of records) {
      if (record.provider) this.recordDefaultProvider(record.provider);
      this.add(record);
    }
  }

  readResource(request: resproto.ReadResourceRequest, callback: Callback<resproto.ReadResourceResponse>): void {
    try {
      const type = request.getType();
      const name = request.getName();
      this.pending?.arrived(type, name);
      const parent = request.getParent() || undefined;
      const urn = engineUrn(this.settings.stack, this.settings.project, type, name, parent);
      const inputs = (request.getProperties()?.toJavaScript() ?? {}) as WireProperties;
      let state: Record<string, unknown>;
      if (type === 'pulumi:pulumi:StackReference') {
        const stackName = String(inputs['name'] ?? request.getId());
        const outputs = this.settings.stackReferences[stackName];
        if (!outputs) {
          const known = Object.keys(this.settings.stackReferences);
          this.fail(
            `StackReference "${stackName}" has no outputs offline: give them with --stack-reference ${stackName}=FILE.json, a JSON ` +
              `object of its outputs (what \`pulumi stack output --json --stack ${stackName}\` prints; runProgram option: ` +
              `stackReferences); outputs are known for: ${known.length ? known.join(', ') : 'no stack'}`,
          );
        }
        state = { name: stackName, outputs: outputs ?? {}, secretOutputNames: [] };
      } else {
        state = { ...created(type, inputs, urn, this.environmentFor(request.getProvider() || undefined)).computed, ...inputs };
      }
      this.add({
        urn,
        type,
        name,
        custom: true,
        ...(parent ? { parent } : {}),
        dependencies: request.getDependenciesList(),
        propertyDependencies: {},
        inputs,
        outputs: state as WireProperties,
        id: request.getId(),
        options: defaultResourceOptions(),
        read: true,
      });
      const response = new resproto.ReadResourceResponse();
      response.setUrn(urn);
      response.setProperties(toStruct(state));
      callback(null, response);
    } catch (error) {
      this.fail(`offline engine failed to read ${request.getType()} "${request.getName()}": ${(error as Error).message}`);
      callback(null, new resproto.ReadResourceResponse());
    }
  }

  /** Answers an invoke from the fixtures, the records or the AWS emulation; throws when it cannot. */
  private answer(token: string, args: WireProperties, provider: string | undefined): Record<string, unknown> {
    if (token === 'pulumi:pulumi:getResource') {
      const record = this.byUrn.get(String(args['urn']));
      if (!record) throw new Error(`unknown resource ${String(args['urn'])}`);
      // The engine sends an id that is not known yet as ''; the SDK reads '' as unknown.
      return { urn: record.urn, id: record.id === undefined || record.id === UNKNOWN ? '' : record.id, state: record.outputs };
    }
    const fixture = matchInvokeFixture(this.settings.invokeFixtures ?? [], token, args);
    if (fixture) return structuredClone(fixture.result) as Record<string, unknown>;
    if (token === 'aws:ec2/getSubnet:getSubnet' && typeof args['id'] === 'string') {
      const subnet = this.resources.find((record) => record.type === 'aws:ec2/subnet:Subnet' && record.id === args['id']);
      if (subnet) return { ...subnet.outputs, id: subnet.id };
    }
    const pkg = token.split(':')[0];
    if (pkg !== 'aws') {
      throw new UnsupportedInvokeError(
        `the offline engine emulates no provider functions of the "${pkg}" package (only "aws"): ${fixtureAdvice(token, args)}`,
      );
    }
    return answerInvoke(token, args, { ...this.settings, ...this.environmentFor(provider) });
  }

  /** Answers an invoke and records it; throws (after recording the error) when it cannot be answered. */
  private answerAndRecordInvoke(token: string, args: WireProperties, provider: string | undefined): WireProperties {
    try {
      const result = this.answer(token, args, provider) as WireProperties;
      this.invokes.push({ token, args, ...(provider ? { provider } : {}), result });
      return result;
    } catch (error) {
      this.invokes.push({ token, args, ...(provider ? { provider } : {}), error: (error as Error).message });
      throw error;
    }
  }

  invoke(request: resproto.ResourceInvokeRequest, callback: Callback<provproto.InvokeResponse>): void {
    const token = request.getTok();
    if (this.pending) this.pending.activity++;
    const args = (request.getArgs()?.toJavaScript() ?? {}) as WireProperties;
    const provider = request.getProvider() || undefined;
    try {
      const result = this.answerAndRecordInvoke(token, args, provider);
      const response = new provproto.InvokeResponse();
      response.setReturn(toStruct(withoutUndefined(result)));
      callback(null, response);
    } catch (error) {
      this.fail(`invoke ${token} failed: ${(error as Error).message}`);
      // An empty result, not an error: the run fails afterwards with the recorded message.
      const response = new provproto.InvokeResponse();
      response.setReturn(toStruct({}));
      callback(null, response);
    }
  }

  call(request: resproto.ResourceCallRequest, callback: Callback<provproto.CallResponse>): void {
    this.fail(`the offline engine cannot run the method call ${request.getTok()} (component methods need the real provider)`);
    const response = new provproto.CallResponse();
    response.setReturn(toStruct({}));
    callback(null, response);
  }

  registerResourceOutputs(request: resproto.RegisterResourceOutputsRequest, callback: Callback<object>): void {
    if (this.pending) this.pending.activity++;
    const outputs = (request.getOutputs()?.toJavaScript() ?? {}) as WireProperties;
    const urn = request.getUrn();
    const record = this.byUrn.get(urn);
    if (record?.type === 'pulumi:pulumi:Stack' && !record.parent) this.stackOutputs = outputs;
    if (record) (record as { outputs: WireProperties }).outputs = outputs;
    callback(null, {});
  }

  supportsFeature(request: resproto.SupportsFeatureRequest, callback: Callback<{ getHassupport(): boolean }>): void {
    const supported = SUPPORTED_FEATURES.has(request.getId());
    callback(null, { getHassupport: () => supported });
  }

  registerPackage(_request: resproto.RegisterPackageRequest, callback: Callback<resproto.RegisterPackageResponse>): void {
    const response = new resproto.RegisterPackageResponse();
    response.setRef('offline-package');
    callback(null, response);
  }

  signalAndWaitForShutdown(_request: unknown, callback: Callback<object>): void {
    callback(null, {});
  }
}

/**
 * The answer to a registration, shaped as the SDK reads a RegisterResourceResponse. The SDK only calls these
 * getters, and `toJavaScript()` on the object; building a protobuf Struct that it converts straight back would
 * double the work and the garbage of every registration.
 */
function registrationResponse(urn: string, id: string, outputs: Record<string, unknown>): resproto.RegisterResourceResponse {
  const response = {
    getUrn: () => urn,
    getId: () => id,
    getObject: () => ({ toJavaScript: () => outputs }),
    getPropertydependenciesMap: () => undefined,
    getResult: () => resproto.Result.SUCCESS,
  };
  return response as unknown as resproto.RegisterResourceResponse;
}

