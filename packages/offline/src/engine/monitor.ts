/**
 * A ResourceMonitor that records what the Pulumi engine would receive and answers as the AWS provider would.
 * The SDK's own MockMonitor loses what policies need (unknowns, property dependencies, options, engine URNs),
 * so the runner installs this one instead. It never throws into the SDK: every failure is recorded and
 * answered as an RPC error, and the run fails afterwards with it.
 */
import * as structproto from 'google-protobuf/google/protobuf/struct_pb';
import * as provproto from '@pulumi/pulumi/proto/provider_pb';
import * as resproto from '@pulumi/pulumi/proto/resource_pb';
import { answerInvoke, type InvokeContext } from '../aws/invokes';
import { autoName, createdResource, type AwsEnvironment } from '../aws/resources';
import {
  defaultResourceOptions,
  UNKNOWN,
  type InvokeRecord,
  type ResourceOptionsRecord,
  type ResourceRecord,
  type RunMode,
  type WireProperties,
} from '../types';
import { engineUrn, providerUrnOf } from './urn';

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
  /** The root stack's registered outputs, in wire form. */
  stackOutputs: WireProperties = {};
  private readonly byUrn = new Map<string, ResourceRecord>();
  private readonly defaultProviders = new Map<string, ResourceRecord>();

  constructor(private readonly settings: MonitorSettings) {}

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

  /** The engine's default provider for a package, made on first use from the package's config. */
  private defaultProvider(pkg: string, version: string): string {
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
      };
      this.defaultProviders.set(key, provider);
      this.add(provider);
    }
    return `${provider.urn}::${provider.id}`;
  }

  /** The account and region a provider deploys into: an explicit provider's `region` wins over the stack's. */
  private environmentFor(providerReference: string | undefined): AwsEnvironment {
    if (!providerReference) return this.settings;
    const provider = this.byUrn.get(providerUrnOf(providerReference));
    const region = provider?.inputs['region'];
    return typeof region === 'string' && region !== '' ? { account: this.settings.account, region } : this.settings;
  }

  registerResource(request: resproto.RegisterResourceRequest, callback: Callback<resproto.RegisterResourceResponse>): void {
    try {
      const type = request.getType();
      const name = request.getName();
      const parent = request.getParent() || undefined;
      const custom = request.getCustom();
      const urn = engineUrn(this.settings.stack, this.settings.project, type, name, parent);
      if (this.byUrn.has(urn)) {
        this.fail(`Duplicate resource URN '${urn}': two resources of type ${type} are named "${name}"`);
        const response = new resproto.RegisterResourceResponse();
        response.setUrn(urn);
        callback(null, response);
        return;
      }
      const inputs = (request.getObject()?.toJavaScript() ?? {}) as WireProperties;
      const isProvider = type.startsWith('pulumi:providers:');
      if (custom && !isProvider) {
        const generated = autoName(type, name, urn);
        if (generated && inputs[generated.property] === undefined) inputs[generated.property] = generated.value;
      }
      let provider = request.getProvider() || undefined;
      if (custom && !isProvider && !provider) provider = this.defaultProvider(type.split(':')[0] as string, request.getVersion());
      const propertyDependencies: Record<string, string[]> = {};
      for (const [property, dependencies] of request.getPropertydependenciesMap().entries()) {
        propertyDependencies[property] = dependencies.getUrnsList();
      }
      const importId = request.getImportid();
      const known = this.settings.mode === 'update' || importId !== '';
      let id: string | undefined;
      let outputs: Record<string, unknown> = { ...inputs };
      if (custom) {
        if (isProvider) {
          id = known ? `${name}-${type.split(':')[2]}-provider` : UNKNOWN;
        } else if (known) {
          const created = createdResource(type, inputs, urn, this.environmentFor(provider));
          id = importId || created.id;
          outputs = { ...created.computed, ...inputs };
        } else {
          id = UNKNOWN;
        }
      }
      const timeouts = request.getCustomtimeouts();
      const options: ResourceOptionsRecord = {
        protect: request.getProtect() ?? false,
        ignoreChanges: request.getIgnorechangesList(),
        ...(request.getDeletebeforereplacedefined() ? { deleteBeforeReplace: request.getDeletebeforereplace() } : {}),
        aliases: request.getAliasurnsList(),
        additionalSecretOutputs: request.getAdditionalsecretoutputsList(),
        customTimeouts: { create: timeouts?.getCreate() ?? '', update: timeouts?.getUpdate() ?? '', delete: timeouts?.getDelete() ?? '' },
        ...(request.getRetainondelete() ? { retainOnDelete: true } : {}),
        ...(request.getDeletedwith() ? { deletedWith: request.getDeletedwith() } : {}),
        dependsOn: request.getDependenciesList(),
      };
      this.add({
        urn,
        type,
        name,
        custom,
        ...(parent ? { parent } : {}),
        ...(provider ? { provider } : {}),
        dependencies: request.getDependenciesList(),
        propertyDependencies,
        inputs,
        outputs: outputs as WireProperties,
        ...(id !== undefined ? { id } : {}),
        options,
      });
      callback(null, registration(urn, id === undefined || id === UNKNOWN ? '' : id, withoutUndefined(outputs)));
    } catch (error) {
      this.fail(`offline engine failed to register ${request.getType()} "${request.getName()}": ${(error as Error).message}`);
      callback(null, new resproto.RegisterResourceResponse());
    }
  }

  readResource(request: resproto.ReadResourceRequest, callback: Callback<resproto.ReadResourceResponse>): void {
    try {
      const type = request.getType();
      const name = request.getName();
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
            `StackReference "${stackName}" has no outputs: give them in the run options' stackReferences ` +
              `(known: ${known.length ? known.join(', ') : 'none'})`,
          );
        }
        state = { name: stackName, outputs: outputs ?? {}, secretOutputNames: [] };
      } else {
        state = { ...createdResource(type, inputs, urn, this.environmentFor(request.getProvider() || undefined)).computed, ...inputs };
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

  invoke(request: resproto.ResourceInvokeRequest, callback: Callback<provproto.InvokeResponse>): void {
    const token = request.getTok();
    const args = (request.getArgs()?.toJavaScript() ?? {}) as WireProperties;
    const provider = request.getProvider() || undefined;
    try {
      let result: Record<string, unknown>;
      if (token === 'pulumi:pulumi:getResource') {
        const record = this.byUrn.get(String(args['urn']));
        if (!record) throw new Error(`unknown resource ${String(args['urn'])}`);
        result = { urn: record.urn, id: record.id ?? null, state: record.outputs };
      } else {
        result = answerInvoke(token, args, { ...this.settings, ...this.environmentFor(provider) });
      }
      this.invokes.push({ token, args, ...(provider ? { provider } : {}), result: result as WireProperties });
      const response = new provproto.InvokeResponse();
      response.setReturn(toStruct(withoutUndefined(result)));
      callback(null, response);
    } catch (error) {
      const message = (error as Error).message;
      this.invokes.push({ token, args, ...(provider ? { provider } : {}), error: message });
      this.fail(`invoke ${token} failed: ${message}`);
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
function registration(urn: string, id: string, outputs: Record<string, unknown>): resproto.RegisterResourceResponse {
  const response = {
    getUrn: () => urn,
    getId: () => id,
    getObject: () => ({ toJavaScript: () => outputs }),
    getPropertydependenciesMap: () => undefined,
    getResult: () => resproto.Result.SUCCESS,
  };
  return response as unknown as resproto.RegisterResourceResponse;
}

