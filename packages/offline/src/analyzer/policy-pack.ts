/**
 * A policy pack running in its own process and spoken to over the Analyzer gRPC protocol, in the order the
 * Pulumi CLI uses: GetAnalyzerInfo and GetPluginInfo once, then for each stack Configure (the resolved policy
 * config), ConfigureStack, Analyze for every resource and AnalyzeStack with the whole stack.
 * Fails closed: any failure of the pack is a {@link PolicyPackError}, never an empty result.
 */
import * as grpc from '@grpc/grpc-js';
import * as structproto from 'google-protobuf/google/protobuf/struct_pb';
import * as emptyproto from 'google-protobuf/google/protobuf/empty_pb';
import * as analyzerproto from '@pulumi/pulumi/proto/analyzer_pb';
import * as analyzerrpc from '@pulumi/pulumi/proto/analyzer_grpc_pb';
import type * as pluginproto from '@pulumi/pulumi/proto/plugin_pb';
import { type ProgramResult, type ResourceRecord } from '../types';
import { engineStackTags } from '../policy/engine-stack-tags';
import { resolvePolicyConfig, type ResolvedPolicyConfig } from '../policy/config';
import { type EnforcementLevel, type Finding } from '../policy/findings';
import { isAnalyzed } from '../policy/in-process';
import { type AnalyzeAnswers } from './analyze-answers';
import { analyzeRequest, analyzeStackRequest } from './analyzer-requests';
import { decodeAnalyzeResponse, type AnalyzeDiagnosticFields, type AnalyzeResponseFields } from './analyze-response';
import { PolicyPackError } from './policy-pack-error';
import { enforcementLevelOf, enforcementLevelValue, policyPackInfoOf, severityOf, type PolicyPackInfo } from './policy-pack-info';
import { startPolicyPack, type PolicyPackProcess } from './policy-pack-process';
import { CallWatch, type CallWatchOptions } from './call-watch';

export interface PolicyPackOptions extends CallWatchOptions {
  /** How long the pack may take to start: to print its port and answer GetAnalyzerInfo. @default 60000 */
  readonly startTimeoutMs?: number;
  /** How long one Analyzer call may take (Configure, Analyze of one resource, AnalyzeStack). @default 120000 */
  readonly callTimeoutMs?: number;
  /** How many Analyze calls may be in flight at once. @default 32 */
  readonly concurrency?: number;
  /**
   * The pack's process, already being started by {@link startPolicyPack} (`@bulwark/offline/pack-process`, which
   * loads nothing heavy): a command can start its packs before it loads the engine, so that they start while it
   * does. {@link PolicyPack.start} connects to it instead of starting another.
   */
  readonly started?: Promise<PolicyPackProcess>;
}

/** True for the failure of a call the pack did not answer in time. */
function isTimeout(error: unknown): boolean {
  return error instanceof PolicyPackError && (error.cause as grpc.ServiceError | undefined)?.code === grpc.status.DEADLINE_EXCEEDED;
}

/** A resource as messages name it: its type, name and URN. */
function describeResource(record: ResourceRecord): string {
  return `${record.type} "${record.name}" (${record.urn})`;
}

/** What the engine tells a pack about the stack it is about to analyze (`ConfigureStack`). */
export interface StackContext {
  /** Pulumi config by namespaced key, as strings (structured values as JSON). */
  readonly config?: Readonly<Record<string, string>>;
  readonly secretKeys?: readonly string[];
  readonly tags?: Readonly<Record<string, string>>;
}

/** What one evaluation of a pack found. */
export interface PackEvaluation {
  /** Every finding: mandatory, advisory and waived alike, resource findings in registration order first. */
  readonly findings: Finding[];
  /** The policies the pack said do not apply, per resource (`urn` absent for stack policies). */
  readonly notApplicable: { readonly policy: string; readonly urn?: string; readonly reason: string }[];
  /** Each policy's effective enforcement level after config. */
  readonly enforcement: Map<string, EnforcementLevel>;
}

const MAX_MESSAGE = 400 * 1024 * 1024;

type Unary<Request, Response> = (
  request: Request,
  metadata: grpc.Metadata,
  options: Partial<grpc.CallOptions>,
  callback: (error: grpc.ServiceError | null, response: Response) => void,
) => grpc.ClientUnaryCall;

/**
 * Analyze and AnalyzeStack, called with requests bulwark encoded itself (analyzer-requests.ts) and answered with
 * responses it decodes itself (analyze-response.ts): the same bytes on the wire, without google-protobuf's
 * message objects on either side of the 10,000 calls of a large stack.
 */
function encodedCall(path: string): Unary<Buffer, AnalyzeResponseFields> {
  return function (this: grpc.Client, request, metadata, options, callback) {
    return this.makeUnaryRequest(path, (bytes: Buffer) => bytes, decodeAnalyzeResponse, request, metadata, options, (error, response) =>
      callback(error, response as AnalyzeResponseFields),
    );
  };
}

const ENCODED_CALLS: Readonly<Record<string, Unary<Buffer, AnalyzeResponseFields>>> = {
  analyze: encodedCall(analyzerrpc.AnalyzerService.analyze.path),
  analyzeStack: encodedCall(analyzerrpc.AnalyzerService.analyzeStack.path),
};

function isObject(candidate: unknown): candidate is object {
  return !!candidate && typeof candidate === 'object' && !Array.isArray(candidate);
}

/** Merges the user's config over the pack's own `initialConfig`, policy by policy. */
function withInitialConfig(initial: Record<string, unknown>, user: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...initial };
  for (const [name, value] of Object.entries(user)) {
    const base = merged[name];
    if (isObject(base) && isObject(value)) merged[name] = { ...base, ...value };
    else if (isObject(base) && typeof value === 'string') merged[name] = { ...base, enforcementLevel: value };
    else merged[name] = value;
  }
  return merged;
}

export class PolicyPack {
  private constructor(
    private readonly process: PolicyPackProcess,
    private readonly client: grpc.Client,
    readonly info: PolicyPackInfo,
    private readonly options: PolicyPackOptions,
    private readonly watch: CallWatch,
  ) {}

  /** The pack directory. */
  get directory(): string {
    return this.process.directory;
  }

  /** Starts the pack in `directory`, connects and reads its metadata. The caller must {@link stop} it. */
  static async start(directory: string, options: PolicyPackOptions = {}): Promise<PolicyPack> {
    const started = Date.now();
    const startTimeoutMs = options.startTimeoutMs ?? 60_000;
    const watch = new CallWatch(directory, options);
    const done = watch.begin('starting (until it prints its port)', startTimeoutMs);
    let running: PolicyPackProcess;
    try {
      running = await (options.started ?? startPolicyPack(directory, options));
    } finally {
      done();
    }
    const client = new analyzerrpc.AnalyzerClient(running.address, grpc.credentials.createInsecure(), {
      'grpc.max_receive_message_length': MAX_MESSAGE,
      'grpc.max_send_message_length': MAX_MESSAGE,
    });
    try {
      // Answering its metadata is part of starting: what is left of the start timeout applies.
      const call = <Request, Response>(name: string, request: Request) =>
        PolicyPack.unary<Request, Response>(client, running, watch, Math.max(1000, startTimeoutMs - (Date.now() - started)), name, request, 'while starting');
      const info = await call<emptyproto.Empty, analyzerproto.AnalyzerInfo>('getAnalyzerInfo', new emptyproto.Empty());
      const plugin = await call<emptyproto.Empty, pluginproto.PluginInfo>('getPluginInfo', new emptyproto.Empty());
      return new PolicyPack(running, client, policyPackInfoOf(info, plugin.getVersion()), options, watch);
    } catch (error) {
      client.close();
      watch.stop();
      await running.stop();
      throw error;
    }
  }

  private static unary<Request, Response>(
    client: grpc.Client,
    running: PolicyPackProcess,
    watch: CallWatch,
    timeoutMs: number,
    method: string,
    request: Request,
    what: string,
  ): Promise<Response> {
    const deadline = Date.now() + timeoutMs;
    const rpc =
      (ENCODED_CALLS[method] as unknown as Unary<Request, Response> | undefined) ?? (client as unknown as Record<string, Unary<Request, Response>>)[method];
    if (!rpc) throw new Error(`the Analyzer client has no method ${method}`);
    const done = watch.begin(`${method[0]?.toUpperCase()}${method.slice(1)} ${what}`, timeoutMs);
    return new Promise<Response>((resolve, reject) => {
      rpc.call(client, request, new grpc.Metadata(), { deadline }, (error, response) => {
        done();
        if (!error) {
          resolve(response);
          return;
        }
        // Let a crashing pack finish writing its stderr and exit, so the error says why.
        setTimeout(() => {
          const ended = running.exitReason();
          const reason =
            error.code === grpc.status.DEADLINE_EXCEEDED
              ? `did not answer within ${timeoutMs} ms (change the limit with --pack-timeout)`
              : ended
                ? `${ended} (${error.details || error.message})`
                : `failed: ${error.details || error.message}`;
          reject(new PolicyPackError(`policy pack ${running.directory}: ${method} ${what} ${reason}`, running.stderr(), { cause: error }));
        }, 100);
      });
    });
  }

  private call<Request, Response>(method: string, request: Request, what: string): Promise<Response> {
    return PolicyPack.unary<Request, Response>(this.client, this.process, this.watch, this.options.callTimeoutMs ?? 120_000, method, request, what);
  }

  /** Resolves the user's pack config against the pack's policies, as the CLI does before `Configure`. */
  resolveConfig(userConfig: Record<string, unknown> = {}): Map<string, ResolvedPolicyConfig> {
    return resolvePolicyConfig(this.info.policies, withInitialConfig(this.info.initialConfig, userConfig));
  }

  private findingOf(diagnostic: AnalyzeDiagnosticFields, defaultUrn: string | undefined): Finding {
    const severity = severityOf(diagnostic.severity);
    const urn = diagnostic.urn || defaultUrn;
    return {
      policy: diagnostic.policyName,
      pack: diagnostic.policyPackName || this.info.name,
      packVersion: diagnostic.policyPackVersion || this.info.version,
      enforcement: enforcementLevelOf(diagnostic.enforcementLevel),
      ...(severity ? { severity } : {}),
      ...(urn ? { urn } : {}),
      message: diagnostic.message,
      ...(diagnostic.description ? { description: diagnostic.description } : {}),
    };
  }

  /**
   * Evaluates the pack on a program run with the user's pack config (`--policy-pack-config` contents) and
   * returns every finding: mandatory, advisory and waived alike. Throws {@link PolicyConfigError} for bad
   * config and {@link PolicyPackError} when the pack fails. With `answers` (kept by the caller across the runs
   * of one stack), a resource whose Analyze request the pack already answered under the same configuration is
   * not sent again (see analyze-answers.ts).
   */
  async evaluate(
    program: Pick<ProgramResult, 'resources' | 'project' | 'stack' | 'organization' | 'mode' | 'placeholderAccount'>,
    userConfig: Record<string, unknown> = {},
    context: StackContext = {},
    answers?: AnalyzeAnswers,
  ): Promise<PackEvaluation> {
    const resolved = this.resolveConfig(userConfig);
    const configure = new analyzerproto.ConfigureAnalyzerRequest();
    const policyConfig = configure.getPolicyconfigMap();
    for (const [name, config] of resolved) {
      const message = new analyzerproto.PolicyConfig();
      message.setEnforcementlevel(enforcementLevelValue(config.enforcementLevel));
      message.setProperties(structproto.Struct.fromJavaScript(config.properties as Record<string, structproto.JavaScriptValue>));
      policyConfig.set(name, message);
    }
    await this.call('configure', configure, `of ${program.project}/${program.stack}`);

    const stackConfigure = new analyzerproto.AnalyzerStackConfigureRequest();
    stackConfigure.setStack(program.stack);
    stackConfigure.setProject(program.project);
    stackConfigure.setOrganization(program.organization);
    stackConfigure.setDryRun(program.mode === 'preview');
    stackConfigure.setConfigSecretKeysList([...(context.secretKeys ?? [])]);
    for (const [key, value] of Object.entries(context.config ?? {})) stackConfigure.getConfigMap().set(key, value);
    for (const [key, value] of Object.entries({ ...context.tags, ...engineStackTags(program) })) stackConfigure.getTagsMap().set(key, value);
    await this.call('configureStack', stackConfigure, `of ${program.project}/${program.stack}`);
    answers?.configure(configure, stackConfigure);

    const byUrn = new Map(program.resources.map((record) => [record.urn, record]));
    const analyzed = program.resources.filter(isAnalyzed);
    const findings: Finding[][] = new Array(analyzed.length);
    const notApplicable: { policy: string; urn?: string; reason: string }[] = [];
    const collectNotApplicable = (response: AnalyzeResponseFields, urn: string | undefined) => {
      for (const entry of response.notApplicable) notApplicable.push({ policy: entry.policyName, ...(urn ? { urn } : {}), reason: entry.reason });
    };
    const inFlight = new Map<number, ResourceRecord>();
    const analyzeOne = async (record: ResourceRecord, index: number) => {
      const request = analyzeRequest(record, byUrn);
      const key = answers?.keyOf(request);
      const known = key === undefined ? undefined : answers?.get(key);
      if (known) {
        findings[index] = known.findings;
        for (const entry of known.notApplicable) notApplicable.push({ ...entry, urn: record.urn });
        return;
      }
      inFlight.set(index, record);
      let response: AnalyzeResponseFields;
      try {
        response = await this.call<Buffer, AnalyzeResponseFields>('analyze', request, `of ${record.urn}`);
      } finally {
        inFlight.delete(index);
      }
      findings[index] = response.diagnostics.map((diagnostic) => this.findingOf(diagnostic, record.urn));
      collectNotApplicable(response, record.urn);
      if (key !== undefined) {
        const skipped = response.notApplicable.map((entry) => ({ policy: entry.policyName, reason: entry.reason }));
        answers?.set(key, { findings: findings[index] as Finding[], notApplicable: skipped });
      }
    };
    // The engine analyzes resources as it steps through them; keeping several calls in flight only overlaps
    // the round trips, and findings keep the registration order.
    let next = 0;
    let failure: { error: unknown; waiting: ResourceRecord[] } | undefined;
    const worker = async () => {
      while (next < analyzed.length && !failure) {
        const index = next++;
        try {
          await analyzeOne(analyzed[index] as ResourceRecord, index);
        } catch (error) {
          // The first failure stops the others from sending more; what was still waiting then is the suspect list.
          failure ??= { error, waiting: [analyzed[index] as ResourceRecord, ...inFlight.values()].sort((a, b) => analyzed.indexOf(a) - analyzed.indexOf(b)) };
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.options.concurrency ?? 32, analyzed.length) }, worker));
    if (failure) {
      if (isTimeout(failure.error)) throw await this.hungAnalyzeError(failure.waiting, configure, stackConfigure, byUrn);
      throw failure.error;
    }

    const stackResponse = await this.call<Buffer, AnalyzeResponseFields>(
      'analyzeStack',
      analyzeStackRequest(analyzed, byUrn),
      `of ${program.project}/${program.stack}`,
    );
    collectNotApplicable(stackResponse, undefined);
    return {
      findings: [...findings.flat(), ...stackResponse.diagnostics.map((diagnostic) => this.findingOf(diagnostic, undefined))],
      notApplicable,
      enforcement: new Map([...resolved].map(([name, config]) => [name, config.enforcementLevel])),
    };
  }

  /**
   * The error for a pack that did not answer Analyze in time, naming the resource it hangs on. With several calls
   * in flight, all of them wait behind the one the pack is stuck on (a pack runs one policy at a time), so the one
   * that timed out first says nothing: a fresh process of the pack is given the waiting resources one at a time,
   * and the first it does not answer is the one. One that answers them all was only too slow with many at once.
   */
  private async hungAnalyzeError(
    waiting: readonly ResourceRecord[],
    configure: analyzerproto.ConfigureAnalyzerRequest,
    stackConfigure: analyzerproto.AnalyzerStackConfigureRequest,
    byUrn: ReadonlyMap<string, ResourceRecord>,
  ): Promise<PolicyPackError> {
    const timeoutMs = this.options.callTimeoutMs ?? 120_000;
    const named = (record: ResourceRecord, how: string) =>
      new PolicyPackError(
        `policy pack ${this.directory}: Analyze of ${describeResource(record)} did not answer within ${timeoutMs} ms${how}: the pack hangs ` +
          'on this resource (change the limit with --pack-timeout analyze=DURATION if it is only slow)',
        this.process.stderr(),
      );
    if (waiting.length <= 1) return named(waiting[0] as ResourceRecord, '');
    this.options.onWaiting?.(
      `policy pack ${this.directory} did not answer within ${timeoutMs} ms while ${waiting.length} Analyze calls were waiting: ` +
        'giving them to a fresh process of the pack one at a time, to find the resource it hangs on',
    );
    let probe: PolicyPack | undefined;
    try {
      // A fresh process: not the one this pack was started with (`started`), and no waiting lines.
      const fresh = Object.fromEntries(Object.entries(this.options).filter(([key]) => key !== 'started' && key !== 'onWaiting'));
      probe = await PolicyPack.start(this.directory, fresh);
      await probe.call('configure', configure, 'while finding the hung resource');
      await probe.call('configureStack', stackConfigure, 'while finding the hung resource');
      for (const record of waiting) {
        try {
          await probe.call('analyze', analyzeRequest(record, byUrn), `of ${record.urn}`);
        } catch (error) {
          if (isTimeout(error)) return named(record, ` (alone, in a fresh process of the pack, after ${waiting.length} calls waited together)`);
          throw error;
        }
      }
    } catch (error) {
      return new PolicyPackError(
        `policy pack ${this.directory}: Analyze did not answer within ${timeoutMs} ms; ${waiting.length} resources were waiting, first ` +
          `${describeResource(waiting[0] as ResourceRecord)}, and finding which one it hangs on failed: ${(error as Error).message}`,
        this.process.stderr(),
      );
    } finally {
      await probe?.stop();
    }
    return new PolicyPackError(
      `policy pack ${this.directory}: Analyze did not answer within ${timeoutMs} ms while ${waiting.length} calls were in flight, but ` +
        `answered each of them alone (first ${describeResource(waiting[0] as ResourceRecord)}): it is too slow under load; ` +
        'raise the limit with --pack-timeout analyze=DURATION',
      this.process.stderr(),
    );
  }

  /** Closes the connection and stops the pack process. */
  async stop(): Promise<void> {
    this.watch.stop();
    this.client.close();
    await this.process.stop();
  }
}
