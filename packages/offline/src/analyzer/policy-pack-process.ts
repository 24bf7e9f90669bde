/**
 * Starts a CrossGuard policy pack as the Pulumi CLI's `pulumi-analyzer-policy` plugin does: `node
 * <@pulumi/pulumi>/cmd/run-policy-pack <engine-address> <pack-dir>` with the pack directory as working
 * directory, then reads the port the pack prints on its first line of stdout.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as yaml from 'js-yaml';
import { PolicyPackError } from './policy-pack-error';

// Plain JavaScript at the package root, installed by the bulwark command before anything else loads.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const codeCache = require('../../code-cache.js') as { nodeOptionsWithCodeCache(existing: string | undefined): string | undefined };

/** A running policy pack process. */
export interface PolicyPackProcess {
  readonly directory: string;
  /** `127.0.0.1:<port>`: where the pack serves the Analyzer service. */
  readonly address: string;
  /** Everything the pack wrote to stderr so far. */
  stderr(): string;
  /** Why the process ended, once it has; undefined while it runs. */
  exitReason(): string | undefined;
  /** Stops the process (the pack keeps serving until it is killed, as under the CLI). */
  stop(): Promise<void>;
}

export interface StartPolicyPackOptions {
  /** How long the pack may take to print its port. @default 60000 */
  readonly startTimeoutMs?: number;
}

/**
 * run-policy-pack drops its first argument without contacting it (checked in @pulumi/pulumi 3.248), and the
 * policy SDK never calls the engine; an address that refuses connections keeps it that way.
 */
const ENGINE_ADDRESS = '127.0.0.1:1';

const MAX_STDERR = 64 * 1024;

function readPackRuntime(directory: string): void {
  const file = path.join(directory, 'PulumiPolicy.yaml');
  if (!fs.existsSync(file)) {
    throw new PolicyPackError(`${directory}: no PulumiPolicy.yaml, so it is not a policy pack directory`);
  }
  let document: unknown;
  try {
    document = yaml.load(fs.readFileSync(file, 'utf8'), { filename: file });
  } catch (error) {
    throw new PolicyPackError(`${file}: not valid YAML: ${(error as Error).message}`);
  }
  const runtimeField = document && typeof document === 'object' ? (document as Record<string, unknown>)['runtime'] : undefined;
  const runtime =
    runtimeField && typeof runtimeField === 'object' ? (runtimeField as Record<string, unknown>)['name'] : runtimeField;
  if (runtime !== 'nodejs') {
    throw new PolicyPackError(`${file}: runtime ${JSON.stringify(runtime)} is not supported: bulwark runs Node.js policy packs (runtime: nodejs)`);
  }
}

function resolveRunner(directory: string): string {
  try {
    return require.resolve('@pulumi/pulumi/cmd/run-policy-pack', { paths: [directory] });
  } catch {
    throw new PolicyPackError(
      `${directory}: cannot resolve @pulumi/pulumi from the policy pack directory: install the pack's dependencies (npm install)`,
    );
  }
}

/**
 * The pack's environment: this process's, without terminal colour codes (the pack's stderr is shown to the user as
 * is), and with the V8 code cache preloaded when this process has it (code-cache.js): the pack still starts as
 * run-policy-pack, but loads its SDK copy from the cache.
 */
function packEnvironment(): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' };
  const nodeOptions = codeCache.nodeOptionsWithCodeCache(process.env['NODE_OPTIONS']);
  if (nodeOptions !== undefined) environment['NODE_OPTIONS'] = nodeOptions;
  return environment;
}

/**
 * Pack processes that are running. None may outlive this process, however it ends: a program calling
 * `process.exit`, an error nothing caught, or a signal (CI cancelling a job, a terminal closing). Node kills no
 * child when it exits, and a pack serves until it is killed, so each one would stay behind holding its memory.
 */
const running = new Set<ChildProcess>();

/** Kills every running pack; it sends signals only, so it can run in an `exit` listener. */
function killRunningPacks(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}

/** The signals whose default action ends this process without running `exit` listeners. */
const ENDING_SIGNALS: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGINT', 'SIGHUP'];

/**
 * On a signal: the packs are killed, then the signal is raised again with this listener gone, so the process
 * ends as it would have (by the signal, or by another listener the program or the command installed).
 */
function onEndingSignal(signal: NodeJS.Signals): void {
  killRunningPacks();
  for (const ending of ENDING_SIGNALS) process.removeListener(ending, onEndingSignal);
  process.kill(process.pid, signal);
}

/** Tracks a started pack until it exits; the first pack installs the exit and signal listeners. */
function track(child: ChildProcess): void {
  running.add(child);
  child.once('exit', () => running.delete(child));
  if (!process.listeners('exit').includes(killRunningPacks)) process.on('exit', killRunningPacks);
  for (const signal of ENDING_SIGNALS) {
    if (!process.listeners(signal).includes(onEndingSignal)) process.on(signal, onEndingSignal);
  }
}

/** Starts the pack in `directory` and waits for its port. Throws {@link PolicyPackError} with the pack's stderr. */
export async function startPolicyPack(directory: string, options: StartPolicyPackOptions = {}): Promise<PolicyPackProcess> {
  const absolute = path.resolve(directory);
  if (!fs.existsSync(absolute) || !fs.statSync(absolute).isDirectory()) {
    throw new PolicyPackError(`${absolute}: no such policy pack directory`);
  }
  readPackRuntime(absolute);
  const runner = resolveRunner(absolute);
  const child: ChildProcess = spawn(process.execPath, [runner, ENGINE_ADDRESS, absolute], {
    cwd: absolute,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: packEnvironment(),
  });
  track(child);
  let stderr = '';
  let exitReason: string | undefined;
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    if (stderr.length < MAX_STDERR) stderr += chunk;
  });
  const exited = new Promise<void>((resolve) => {
    child.on('exit', (code, signal) => {
      exitReason = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      resolve();
    });
    child.on('error', (error) => {
      exitReason = `could not be started: ${error.message}`;
      resolve();
    });
  });

  const port = await new Promise<number>((resolve, reject) => {
    let stdout = '';
    const timeoutMs = options.startTimeoutMs ?? 60_000;
    let port: number | undefined;
    const timer = setTimeout(() => {
      // The pack runs on its own, but its port is read on this process's event loop, which a program run can
      // keep busy (a synchronous loop registering thousands of resources) past the timeout: a timer that fires
      // late fires before the pipe is read. Decide once what is waiting in the pipe has been read.
      setImmediate(() => {
        if (port !== undefined) return;
        child.kill('SIGKILL');
        reject(new PolicyPackError(`policy pack ${absolute} did not print its port within ${timeoutMs} ms`, stderr));
      });
    }, timeoutMs);
    child.stdout?.setEncoding('utf8');
    const onData = (chunk: string) => {
      stdout += chunk;
      const newline = stdout.indexOf('\n');
      if (newline < 0) return;
      const line = stdout.slice(0, newline).trim();
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      // Later stdout (a pack's console.log) must not fill the pipe and block the pack.
      child.stdout?.resume();
      const parsed = Number(line);
      if (Number.isInteger(parsed) && parsed > 0 && parsed < 65536) resolve((port = parsed));
      else {
        child.kill('SIGKILL');
        reject(new PolicyPackError(`policy pack ${absolute} printed ${JSON.stringify(line)} where its port was expected`, stderr));
      }
    };
    child.stdout?.on('data', onData);
    void exited.then(() => {
      clearTimeout(timer);
      // Give the stderr pipe a moment to drain so the message shows why it ended.
      setTimeout(() => reject(new PolicyPackError(`policy pack ${absolute} ${exitReason} before it started serving`, stderr)), 50);
    });
  });

  // A pack that serves keeps running until it is stopped, but must not keep this process alive by itself: a
  // program run that stalls is noticed when nothing is left to run (see engine/stall-watch.ts), and a call in
  // flight keeps Node alive through its own connection.
  child.unref();
  for (const stream of [child.stdout, child.stderr]) (stream as unknown as { unref?: () => void } | null)?.unref?.();
  return {
    directory: absolute,
    address: `127.0.0.1:${port}`,
    stderr: () => stderr,
    exitReason: () => exitReason,
    stop: async () => {
      if (exitReason !== undefined) return;
      child.ref();
      child.kill('SIGTERM');
      // A pack stuck in a policy that never returns may not get to handle SIGTERM.
      const kill = setTimeout(() => child.kill('SIGKILL'), 2000);
      await exited;
      clearTimeout(kill);
    },
  };
}
