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
 * Packs whose processes start when the set is made, connected on first use. A pack that fails to start is an
 * error when it is first used (once the first program has run, so that a program error is reported first), and
 * every process is stopped by {@link stop}, used or not. Until the packs are first used, a process that grows past
 * `standDownAboveBytes` stops them, and first use starts them again.
 */
export class PackSet {
  private processes: Promise<PolicyPackProcess>[] | undefined;
  private connecting: Promise<PolicyPack[]> | undefined;
  private readonly guard: ReturnType<typeof setInterval>;
  private standingDown: Promise<unknown> = Promise.resolve();

  /**
   * `startAtOnce: false` starts the packs only when first used: for a program whose last run was large, whose run
   * would otherwise meet an idle pack process at its peak (the guard below looks at the memory only when the run
   * lets the event loop turn, which a synchronous loop of registrations does not).
   */
  constructor(
    private readonly directories: readonly string[],
    private readonly options: PolicyPackOptions = {},
    { standDownAboveBytes = STAND_DOWN_RSS_BYTES, startAtOnce = true }: { standDownAboveBytes?: number; startAtOnce?: boolean } = {},
  ) {
    this.processes = startAtOnce ? this.spawn() : undefined;
    this.guard = setInterval(() => {
      if (!this.connecting && this.processes && process.memoryUsage.rss() > standDownAboveBytes) this.standDown();
    }, GUARD_INTERVAL_MS);
    this.guard.unref();
  }

  /** Whether the packs were stopped to make room for a large run (they start again on first use). */
  get stoodDown(): boolean {
    return this.processes === undefined && this.connecting === undefined;
  }

  private spawn(): Promise<PolicyPackProcess>[] {
    return this.directories.map((directory) => {
      const started = startPolicyPack(directory, this.options);
      // Observed now, reported when used: a pack that fails while the program runs must not end the command.
      started.catch(() => undefined);
      return started;
    });
  }

  /** Stops the processes not yet used; the next {@link get} starts them again. */
  private standDown(): void {
    const processes = this.processes ?? [];
    this.processes = undefined;
    clearInterval(this.guard);
    this.standingDown = stopProcesses(processes);
  }

  /** The connected packs (connected now, the first time), in the order of their directories. */
  get(): Promise<PolicyPack[]> {
    this.connecting ??= this.connect();
    return this.connecting;
  }

  private async connect(): Promise<PolicyPack[]> {
    clearInterval(this.guard);
    const processes = (this.processes ??= this.spawn());
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
    return connected.map((outcome) => (outcome as PromiseFulfilledResult<PolicyPack>).value);
  }

  /**
   * Stops the packs until they are next used (then they start again): after a large analysis, a pack process
   * keeps the memory it grew to, which the next large run must not find in use.
   */
  async release(): Promise<void> {
    const connecting = this.connecting;
    const processes = this.processes ?? [];
    this.connecting = undefined;
    this.processes = undefined;
    if (connecting) await stopPacks(await connecting.catch(() => []));
    await stopProcesses(processes);
  }

  /** Stops every pack process, connected or not; never throws. */
  async stop(): Promise<void> {
    clearInterval(this.guard);
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
