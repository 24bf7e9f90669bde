/**
 * `runProgram`: runs a Pulumi program under the SDK's mock runtime, inside a real root stack, with a monitor that
 * records everything the engine would receive. No Pulumi CLI, no cloud, no credentials.
 */
import * as pulumi from '@pulumi/pulumi';
import { SECRET_SIG, SECRET_SIG_KEY, type ProgramResult, type RunMode, type WireValue } from '../types';
import { RecordingMonitor } from './monitor';
import { loadProgramDirectory } from '../project/program-directory';

// SDK internals the language host uses to run a program: not part of the public API, pinned by our lockfile.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const settings = require('@pulumi/pulumi/runtime/settings') as {
  setMockOptions(monitor: unknown, project: string, stack: string, preview: boolean, organization: string): void;
  waitForRPCs(): Promise<void>;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const debuggable = require('@pulumi/pulumi/runtime/debuggable') as {
  debuggablePromise<T>(promise: Promise<T>, context: unknown): Promise<T>;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const state = require('@pulumi/pulumi/runtime/state') as {
  getStore(): Record<string, unknown> & { leakCandidates: Set<unknown>; logErrorCount: number };
};

/** The account the mocks deploy into when neither the options nor `aws:allowedAccountIds` name one. */
const DEFAULT_ACCOUNT = '123456789012';

/**
 * The account a stack deploys into, as its config declares it: the first of `aws:allowedAccountIds` (the AWS
 * provider refuses to deploy anywhere else, so ARNs and caller identity offline should carry that account).
 */
function deploymentAccount(config: Readonly<Record<string, string>>): string | undefined {
  const text = config['aws:allowedAccountIds'];
  if (text === undefined) return undefined;
  let accounts: unknown;
  try {
    accounts = JSON.parse(text);
  } catch {
    accounts = text.split(',').map((account) => account.trim());
  }
  const first = Array.isArray(accounts) ? accounts[0] : undefined;
  if (typeof first !== 'string' || !/^\d{12}$/.test(first)) {
    throw new ProgramError(`config key "aws:allowedAccountIds" must be a list of 12-digit AWS account ids, got ${text}`);
  }
  return first;
}

/** A program: a function (its return value becomes the stack outputs) or a program directory. */
export type Program = (() => unknown) | string;

export interface RunProgramOptions {
  /** The project name; defaults to the `name` in the program directory's Pulumi.yaml, else "project". */
  readonly project?: string;
  /** The stack name. @default "dev" */
  readonly stack?: string;
  /** The organization, as `pulumi.getOrganization()` returns it. @default "organization" */
  readonly organization?: string;
  /** `preview` (a first-time `pulumi preview`: computed values unknown) or `update` (all known). @default "preview" */
  readonly mode?: RunMode;
  /**
   * Pulumi config by namespaced key (`aws:region`, `network:vpcCidr`). Non-string values are passed as JSON, as
   * the CLI does for structured config.
   */
  readonly config?: Readonly<Record<string, unknown>>;
  /** Config keys whose values are secrets. */
  readonly secretKeys?: readonly string[];
  /** The outputs each StackReference returns, by the referenced stack's name (`org/project/stack`). */
  readonly stackReferences?: Readonly<Record<string, Record<string, unknown>>>;
  /** The AWS account id the mocks pretend to run in. @default the first of `aws:allowedAccountIds`, else "123456789012" */
  readonly account?: string;
  /** Values for SSM parameters the program reads (public `/aws/service/...` AMI parameters are answered anyway). */
  readonly ssmParameters?: Readonly<Record<string, string>>;
  /** Keep full stack traces while the program runs (slower: the SDK captures one per resource). @default false */
  readonly stackTraces?: boolean;
  /**
   * Let the run succeed when it registers a remote component the engine cannot expand (see `src/awsx/README.md`),
   * listing it in `opaqueComponents` so that a report can show an advisory finding for it. Without it such a
   * component fails the run: its children would otherwise pass unchecked. CLI: `--allow-opaque-components`.
   * @default false
   */
  readonly allowOpaqueComponents?: boolean;
}

/** A program failed: its own error, or something the offline engine could not answer. Never a partial result. */
export class ProgramError extends Error {
  override readonly name = 'ProgramError';
  constructor(
    message: string,
    readonly failures: readonly string[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

let queue: Promise<unknown> = Promise.resolve();

/** Runs one program at a time: the Pulumi runtime's state is global to the process. */
function exclusive<T>(task: () => Promise<T>): Promise<T> {
  const result = queue.then(task, task);
  queue = result.catch(() => undefined);
  return result;
}

/**
 * Config as the engine passes it to the program and to analyzers (`ConfigureStack`): strings by namespaced key,
 * structured values as JSON. Throws {@link ProgramError} for a key without its namespace.
 */
export function configStrings(config: Readonly<Record<string, unknown>>): Record<string, string> {
  const strings: Record<string, string> = {};
  for (const [key, value] of Object.entries(config)) {
    if (!/^[^:]+:[^:]/.test(key)) {
      throw new ProgramError(`config key "${key}" must be namespaced as "<namespace>:<name>" (e.g. "aws:region")`);
    }
    if (value === undefined) continue;
    strings[key] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return strings;
}

/** Turns wire values into plain values: secrets unwrapped, unknowns kept as the sentinel. */
function plain(value: WireValue): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') {
    if (value[SECRET_SIG_KEY] === SECRET_SIG) return plain(value['value'] as WireValue);
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, plain(entry)]));
  }
  return value;
}

/**
 * Marks the internal promises of every exported Output as observed. An Output whose apply throws rejects its
 * `isKnown` and `isSecret` promises too; the program's error is reported once, from the awaited value.
 */
function observeOutputs(value: unknown, seen = new Set<unknown>()): void {
  if (value === null || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  if (pulumi.Output.isInstance(value)) {
    const output = value as unknown as { isKnown: Promise<unknown>; isSecret: Promise<unknown>; allResources?: () => Promise<unknown> };
    const ignore = () => undefined;
    output.isKnown.catch(ignore);
    output.isSecret.catch(ignore);
    output.allResources?.().catch(ignore);
    return;
  }
  for (const entry of Object.values(value as Record<string, unknown>)) observeOutputs(entry, seen);
}

/** Runs a Pulumi program offline and returns everything it registered, invoked and exported. */
export function runProgram(program: Program, options: RunProgramOptions = {}): Promise<ProgramResult> {
  return exclusive(() => run(program, options));
}

async function run(program: Program, options: RunProgramOptions): Promise<ProgramResult> {
  const started = performance.now();
  let body: () => unknown;
  let project = options.project;
  const stack = options.stack ?? 'dev';
  let directoryConfig: Record<string, unknown> = {};
  let secretKeys = [...(options.secretKeys ?? [])];
  if (typeof program === 'string') {
    // A directory runs with its Pulumi.<stack>.yaml config; the options' config overrides it key by key.
    let directory;
    try {
      directory = loadProgramDirectory(program, stack);
    } catch (error) {
      throw new ProgramError((error as Error).message, [], { cause: error });
    }
    for (const warning of directory.settings.warnings) process.emitWarning(warning, 'BulwarkConfigWarning');
    project ??= directory.project.name;
    body = directory.run;
    directoryConfig = directory.settings.config;
    secretKeys = [...new Set([...directory.settings.secretKeys.filter((key) => options.config?.[key] === undefined), ...secretKeys])];
  } else if (typeof program === 'function') {
    body = program;
  } else {
    throw new ProgramError('runProgram needs a program function or a program directory path');
  }
  project ??= 'project';
  const organization = options.organization ?? 'organization';
  const mode = options.mode ?? 'preview';
  if (mode !== 'preview' && mode !== 'update') throw new ProgramError(`mode must be "preview" or "update", got "${String(mode)}"`);
  const config = configStrings({ ...directoryConfig, ...options.config });
  const region = config['aws:region'] ?? 'us-east-1';
  const monitor = new RecordingMonitor({
    project,
    stack,
    mode,
    config,
    stackReferences: options.stackReferences ?? {},
    account: options.account ?? deploymentAccount(config) ?? DEFAULT_ACCOUNT,
    region,
    ssmParameters: options.ssmParameters ?? {},
    allowOpaqueComponents: options.allowOpaqueComponents ?? false,
  });

  settings.setMockOptions(monitor, project, stack, mode === 'preview', organization);
  const store = state.getStore();
  Object.assign(store, {
    supportsSecrets: true,
    supportsResourceReferences: true,
    supportsOutputValues: false,
    supportsDeletedWith: true,
    supportsAliasSpecs: true,
    supportsTransforms: false,
    supportsInvokeTransforms: false,
    supportsParameterization: true,
    supportsResourceHooks: false,
    supportsErrorHooks: false,
  });
  pulumi.runtime.setAllConfig(config, secretKeys);

  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  // The SDK captures a full, source-mapped stack trace for every resource (its source position) and a stack for
  // every internal promise. Nothing offline reads them, and they cost most of the run time, so they are off
  // unless asked for.
  const stackTraceLimit = Error.stackTraceLimit;
  const resourceClass = pulumi.Resource as unknown as { stackTrace(skip: number): unknown[] };
  const captureStackTrace = resourceClass.stackTrace;
  // The SDK also wraps each of its promises (four per output property) for leak detection: two more promises,
  // their closures and a label string each, retained until the run ends. The runner waits for every RPC itself,
  // so the wrapping is off too: it is most of the SDK's memory per resource.
  const wrapPromise = debuggable.debuggablePromise;
  if (!options.stackTraces) {
    Error.stackTraceLimit = 0;
    resourceClass.stackTrace = () => [];
    debuggable.debuggablePromise = (promise) => promise;
  }
  // The program's errors are caught inside the root stack, and its outputs resolved there, so that a failing
  // program rejects no promise inside the SDK: the run fails afterwards with the program's own error.
  let programError: unknown;
  try {
    await pulumi.runtime.runInPulumiStack(async () => {
      try {
        const outputs = await body();
        if (outputs === undefined || outputs === null) return outputs;
        const combined = pulumi.output(outputs as pulumi.Input<unknown>);
        observeOutputs(outputs);
        observeOutputs(combined);
        // `promise()` is internal to the SDK (hidden from its types) but is how the language host awaits outputs.
        await (combined as unknown as { promise(): Promise<unknown> }).promise();
        return outputs;
      } catch (error) {
        programError = error;
        return undefined;
      }
    });
  } catch (error) {
    programError ??= error;
  }
  try {
    await settings.waitForRPCs();
  } catch (error) {
    programError ??= error;
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
    resourceClass.stackTrace = captureStackTrace;
    debuggable.debuggablePromise = wrapPromise;
    // Let rejections raised by the last registrations reach the handler before it is removed.
    await new Promise((resolve) => setImmediate(resolve));
    process.off('unhandledRejection', onUnhandled);
    store.leakCandidates = new Set();
  }
  programError ??= unhandled[0];
  const logErrors = store.logErrorCount;
  if (programError !== undefined || monitor.failures.length > 0 || logErrors > 0) {
    // What the engine could not answer comes first: it is the cause of whatever the program did next.
    const message =
      monitor.failures[0] ??
      (programError !== undefined
        ? programError instanceof Error
          ? programError.message
          : String(programError)
        : `the program logged ${logErrors} error(s)`);
    throw new ProgramError(message, monitor.failures, { cause: programError });
  }
  return {
    project,
    stack,
    organization,
    mode,
    resources: monitor.resources,
    invokes: monitor.invokes,
    outputs: plain(monitor.stackOutputs) as Record<string, unknown>,
    expandedComponents: monitor.expandedComponents,
    opaqueComponents: monitor.opaqueComponents,
    durationMs: performance.now() - started,
  };
}
