/**
 * `runProgram`: runs a Pulumi program under the SDK's mock runtime, inside a real root stack, with a monitor that
 * records everything the engine would receive. No Pulumi CLI, no cloud, no credentials.
 */
import * as pulumi from '@pulumi/pulumi';
import { allowedAccountIds } from '@bulwark/workspace';
import { SECRET_SIG, SECRET_SIG_KEY, type ProgramResult, type RunMode, type WireValue } from '../types';
import { stableHex } from '../aws/stable-ids';
import { type InvokeFixture } from './invoke-fixtures';
import { RecordingMonitor } from './monitor';
import { observeOutputs } from './observe-outputs';
import { PendingWork } from './pending-work';
import { programErrorAdvice } from './program-error-advice';
import { watchForStall } from './stall-watch';
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

/**
 * The account the mocks deploy into when neither the options nor `aws:allowedAccountIds` name one: made up, so
 * derived from the project and stack (no program writes it by chance, as one might write AWS's documentation
 * example 123456789012), and reported as made up (`ProgramResult.placeholderAccount`) so that no policy takes
 * it, in an ARN the engine built, for an account id the program hard-coded.
 */
export function placeholderAccount(project: string, stack: string): string {
  const digits = BigInt(`0x${stableHex(`placeholder-account:${project}/${stack}`, 15)}`) % 10n ** 12n;
  return digits.toString().padStart(12, '0');
}

/**
 * The account a stack deploys into, as its config declares it: the first of `aws:allowedAccountIds` (the AWS
 * provider refuses to deploy anywhere else, so ARNs and caller identity offline should carry that account), read
 * by @bulwark/workspace's rule for the key. A malformed value fails the run, naming `source`.
 */
function deploymentAccount(config: Readonly<Record<string, unknown>>, source: string): string | undefined {
  try {
    return allowedAccountIds(config, source)?.[0];
  } catch (error) {
    throw new ProgramError((error as Error).message, [], { cause: error });
  }
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
  /**
   * The AWS account id the mocks pretend to run in. @default the first of `aws:allowedAccountIds`, else a made-up
   * one ({@link placeholderAccount}), reported in `ProgramResult.placeholderAccount`
   */
  readonly account?: string;
  /** Values for SSM parameters the program reads (public `/aws/service/...` AMI parameters are answered anyway). */
  readonly ssmParameters?: Readonly<Record<string, string>>;
  /**
   * Answers for provider functions that read what only the account knows, checked before the engine's own (see
   * `engine/invoke-fixtures.ts`; CLI: `--invoke-fixtures FILE`).
   */
  readonly invokeFixtures?: readonly InvokeFixture[];
  /**
   * The working directory while the program runs, restored afterwards: Pulumi runs a program in its project
   * directory, so relative paths (`fs.readdirSync("www")`, a `FileAsset`) resolve from there.
   * @default the program directory, for a directory; unchanged for a function
   */
  readonly workingDirectory?: string;
  /** Keep full stack traces while the program runs (slower: the SDK captures one per resource). @default false */
  readonly stackTraces?: boolean;
  /**
   * Let the run succeed when it registers a remote component the engine cannot expand (see `src/awsx/README.md`),
   * listing it in `opaqueComponents` so that a report can show an advisory finding for it. Without it such a
   * component fails the run: its children would otherwise pass unchecked. CLI: `--allow-opaque-components`.
   * @default false
   */
  readonly allowOpaqueComponents?: boolean;
  /**
   * How long a run may make no progress, with nothing left that could resume it, before it fails as never
   * finishing (a promise that never settles, an `apply` that threw while a resource waits for it). A process that
   * runs out of work fails it at once. @default 2000
   */
  readonly stallTimeoutMs?: number;
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

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
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
  let workingDirectory = options.workingDirectory;
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
    workingDirectory ??= directory.project.directory;
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
  const runConfig = { ...directoryConfig, ...options.config };
  const config = configStrings(runConfig);
  const region = config['aws:region'] ?? 'us-east-1';
  const pending = new PendingWork();
  const configuredAccount = options.account ?? deploymentAccount(runConfig, `the config of ${project}/${stack}`);
  const account = configuredAccount ?? placeholderAccount(project, stack);
  const monitor = new RecordingMonitor({
    project,
    stack,
    mode,
    config,
    stackReferences: options.stackReferences ?? {},
    account,
    region,
    ssmParameters: options.ssmParameters ?? {},
    allowOpaqueComponents: options.allowOpaqueComponents ?? false,
    invokeFixtures: options.invokeFixtures ?? [],
  }, pending);

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

  const previousDirectory = process.cwd();
  if (workingDirectory) {
    try {
      process.chdir(workingDirectory);
    } catch (error) {
      throw new ProgramError(`cannot run the program in ${workingDirectory}: ${(error as Error).message}`, [], { cause: error });
    }
  }
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  // A program's own asynchronous throw (in a timer, a callback) is its error, as under the language host; it must
  // not end the process with Node's exit code 1, which means "violations" to the bulwark command.
  process.on('unhandledRejection', onUnhandled);
  process.on('uncaughtException', onUnhandled);
  const restoreRegistrations = pending.install();
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
  const programRun = async () => {
    try {
      await pulumi.runtime.runInPulumiStack(async () => {
        try {
          const outputs = await body();
          pending.entryFinished();
          if (outputs === undefined || outputs === null) return outputs;
          observeOutputs(outputs);
          await pending.watchOutputs(outputs);
          return outputs;
        } catch (error) {
          pending.entryFinished();
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
    }
  };
  const watch = watchForStall({ activity: () => pending.activity, ...(options.stallTimeoutMs ? { idleMs: options.stallTimeoutMs } : {}) });
  let stalled = false;
  try {
    stalled = (await Promise.race([programRun().then(() => false), watch.stalled.then(() => true)])) as boolean;
  } finally {
    watch.stop();
    if (workingDirectory) process.chdir(previousDirectory);
    restoreRegistrations();
    Error.stackTraceLimit = stackTraceLimit;
    resourceClass.stackTrace = captureStackTrace;
    debuggable.debuggablePromise = wrapPromise;
    // Let rejections raised by the last registrations reach the handler before it is removed.
    await new Promise((resolve) => setImmediate(resolve));
    process.off('unhandledRejection', onUnhandled);
    process.off('uncaughtException', onUnhandled);
    store.leakCandidates = new Set();
  }
  const causes = [...monitor.failures, ...[programError, ...unhandled].filter((error) => error !== undefined).map(errorMessage)];
  if (stalled) {
    const { registrations, outputs } = pending.counts();
    const waiting = [
      ...(registrations > 0 ? [`${registrations} resource registration(s)`] : []),
      ...(outputs > 0 ? [`${outputs} stack output(s)`] : []),
    ];
    const [first, ...later] = [...new Set(causes)];
    throw new ProgramError(
      `it never finished: nothing was left to run while it still waited${waiting.length ? ` for ${waiting.join(' and ')}` : ''}` +
        (first ? `; the first thing that went wrong: ${first}` : ' (a promise that never settles)'),
      [...pending.describe(), ...later.map((cause) => `then: ${cause}`)],
      { cause: programError },
    );
  }
  programError ??= unhandled[0];
  const logErrors = store.logErrorCount;
  if (programError !== undefined || monitor.failures.length > 0 || logErrors > 0) {
    // What the engine could not answer comes first: it is the cause of whatever the program did next.
    const message = monitor.failures[0] ?? (programError !== undefined ? errorMessage(programError) : `the program logged ${logErrors} error(s)`);
    const advice = programErrorAdvice(message);
    throw new ProgramError(message, [...monitor.failures, ...(advice ? [advice] : [])], { cause: programError });
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
    ...(configuredAccount === undefined ? { placeholderAccount: account } : {}),
    durationMs: performance.now() - started,
  };
}
