/**
 * The policy packs of a command: their processes started at once, as the command begins, and connected to when
 * the first analysis needs them (not earlier: a call's deadline runs on this process's event loop, which a large
 * program's run keeps busy, and a reply read late would pass for one that never came). A pack process takes about as long to start as the command takes to load the
 * engine and run an ordinary program (each loads @pulumi/pulumi), so starting it first overlaps the two instead
 * of adding them. This module loads nothing heavy (`@bulwark/offline/pack-process` spawns the process; the
 * Analyzer client is loaded only to connect), so a command can start its packs before it loads the engine.
 * The packs still start as the Pulumi CLI starts them (run-policy-pack in the pack directory).
 */
import type { PolicyPack, PolicyPackOptions } from '@bulwark/offline';
import { startPolicyPack, type PolicyPackProcess } from '@bulwark/offline/pack-process';
import { offlineEngine, reporting } from '../engine-modules';
import { type PackTimeouts } from '../pack-timeout';

/**
 * A pack keeps the command waiting: a line that `--quiet` keeps (report-output's `notice`, which keeps a live
 * progress line intact). report-output is loaded only then, not when the packs start.
 */
function waiting(message: string): void {
  reporting().notice(message);
}

/** How the command runs packs: its `--pack-timeout`, and a line on stderr while a pack keeps it waiting. */
export function packOptions(timeouts: PackTimeouts): PolicyPackOptions {
  return { startTimeoutMs: timeouts.startMs, callTimeoutMs: timeouts.analyzeMs, onWaiting: waiting };
}

/** Stops every pack; never throws. */
async function stopPacks(packs: readonly PolicyPack[]): Promise<void> {
  await Promise.allSettled(packs.map((pack) => pack.stop()));
}

/**
 * Above this resident memory of the bulwark process, pack processes started but not yet needed are stopped, and
 * started again when they are. An idle pack process holds about 150 MB, and a program run large enough to pass
 * this will go on to peak at well over a gigabyte (about 1.4 GB at 10,000 resources): together they would pass
 * the 1.5 GB the check is held to. Below it, and for every ordinary stack, the packs start while the program runs.
 */
export const STAND_DOWN_RSS_BYTES = 800 * 1024 ** 2;

/** How often the memory is looked at while the packs wait. */
const GUARD_INTERVAL_MS = 200;

/**
 * What evaluating a stack asks of its packs, at the three moments where a pack process and a program run could
 * meet (evaluate-stack.ts). "Large" is overlap.ts's `OVERLAP_RESOURCE_LIMIT`: above it a run peaks past a gigabyte, and
 * an idle pack process beside it (about 150 MB, 550 MB once it has analyzed a large stack) would take the
 * command past the 1.5 GB it is held to; at or below it, packs starting beside a run are what make it fast.
 */
export interface StackPacks {
  /** The connected packs, started again if they were stopped. */
  get(): Promise<readonly PolicyPack[]>;
  /** Before every program run: none alive beside a large one; started (or kept) beside an ordinary one. */
  beforeRun(large: boolean): Promise<void>;
  /** Once a stack is evaluated: packs that analyzed a large stack keep what they grew to, and are stopped. */
  afterStack(large: boolean): Promise<void>;
}

/**
 * Packs whose processes start when the set is made (or before an ordinary run), connected on first use. A pack
 * that fails to start is an error when it is first used (once the first program has run, so that a program error
 * is reported first), and every process is stopped by {@link stop}, used or not.
 *
 * Their lifecycle over a command ({@link StackPacks}): they start as the command begins unless its first program
 * is known to be large; before each run they are stopped for a large one and started for an ordinary one, where
 * those that are connected are kept (an ordinary run overlaps the last analysis and needs no new start); after a
 * large stack's analyses they are stopped. A program's size is known from its last run (run-sizes.ts), or, for
 * a stack's later modes, from its first. A program never run before is taken as ordinary; should its run grow
 * past `standDownAboveBytes` while the packs have not been used, a guard stops them, but only when the run lets the
 * event loop turn, which a synchronous loop of registrations does not: the size record is what can be relied on.
 */
export class PackSet implements StackPacks {
  private processes: Promise<PolicyPackProcess>[] | undefined;
  private connecting: Promise<PolicyPack[]> | undefined;
  private guard: ReturnType<typeof setInterval> | undefined;
  private standingDown: Promise<unknown> = Promise.resolve();
  private connected: readonly PolicyPack[] | undefined;
  private readonly standDownAboveBytes: number;

  /** `startAtOnce: false` starts the packs only when first used (or before an ordinary run): for a large first program. */
  constructor(
    private readonly directories: readonly string[],
    private readonly options: PolicyPackOptions = {},
    { standDownAboveBytes = STAND_DOWN_RSS_BYTES, startAtOnce = true }: { standDownAboveBytes?: number; startAtOnce?: boolean } = {},
  ) {
    this.standDownAboveBytes = standDownAboveBytes;
    if (startAtOnce) this.start();
  }

  /** Whether no pack process is started or connected (stopped for a large run, or never started yet). */
  get stoodDown(): boolean {
    return this.processes === undefined && this.connecting === undefined;
  }

  /** Starts the processes unless they are started or connected. */
  private start(): void {
    if (this.stoodDown) this.processes = this.spawn();
  }

  /** Starts a process for each pack, and watches the memory until they are used. */
  private spawn(): Promise<PolicyPackProcess>[] {
    const processes = this.directories.map((directory) => {
      const started = startPolicyPack(directory, this.options);
      // Observed now, reported when used: a pack that fails while the program runs must not end the command.
      started.catch(() => undefined);
      return started;
    });
    this.unguard();
    this.guard = setInterval(() => {
      if (process.memoryUsage.rss() > this.standDownAboveBytes) this.standDown();
    }, GUARD_INTERVAL_MS);
    this.guard.unref();
    return processes;
  }

  private unguard(): void {
    clearInterval(this.guard);
    this.guard = undefined;
  }

  /** Stops the processes not yet used; the next {@link get} starts them again. */
  private standDown(): void {
    const processes = this.processes ?? [];
    this.processes = undefined;
    this.unguard();
    this.standingDown = Promise.allSettled([this.standingDown, stopProcesses(processes)]);
  }

  /** The connected packs (connected now, the first time), in the order of their directories. */
  get(): Promise<PolicyPack[]> {
    this.connecting ??= this.connect();
    return this.connecting;
  }

  /** The packs' descriptions, from the last connection (connecting now if there was none). */
  async infos(): Promise<PolicyPack['info'][]> {
    return (this.connected ?? (await this.get())).map((pack) => pack.info);
  }

  private async connect(): Promise<PolicyPack[]> {
    const processes = (this.processes ??= this.spawn());
    this.unguard();
    // The Analyzer client and its protocol stubs are loaded here, not when the packs start.
    const { PolicyPack } = offlineEngine();
    const connected = await Promise.allSettled(
      this.directories.map((directory, index) => PolicyPack.start(directory, { ...this.options, started: processes[index] as Promise<PolicyPackProcess> })),
    );
    const failure = connected.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    if (failure) {
      await stopPacks(connected.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : [])));
      throw failure.reason;
    }
    const packs = connected.map((outcome) => (outcome as PromiseFulfilledResult<PolicyPack>).value);
    this.connected = packs;
    return packs;
  }

  async beforeRun(large: boolean): Promise<void> {
    if (large) await this.release();
    else this.start();
  }

  async afterStack(large: boolean): Promise<void> {
    if (large) await this.release();
  }

  /** Stops the packs, connected or starting, until they are next started or used. */
  async release(): Promise<void> {
    const connecting = this.connecting;
    const processes = this.processes ?? [];
    this.connecting = undefined;
    this.processes = undefined;
    this.unguard();
    if (connecting) await stopPacks(await connecting.catch(() => []));
    await stopProcesses(processes);
  }

  /** Stops every pack process, connected or not; never throws. */
  async stop(): Promise<void> {
    this.unguard();
    if (this.connecting) await stopPacks(await this.connecting.catch(() => []));
    // Processes never connected to (the program failed first), or whose connection failed: stop them too.
    await Promise.allSettled([this.standingDown, stopProcesses(this.processes ?? [])]);
  }
}

/** Stops pack processes that may still be starting; never throws. */
async function stopProcesses(processes: readonly Promise<PolicyPackProcess>[]): Promise<void> {
  await Promise.allSettled(
    processes.map(async (started) => {
      const running = await started.catch(() => undefined);
      await running?.stop();
    }),
  );
}
