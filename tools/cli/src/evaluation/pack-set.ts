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
import { type PackTimeouts } from '../pack-timeout';

/** Writes one progress line to stderr (what report-output's `progress` does, without loading the renderers). */
function waiting(message: string): void {
  process.stderr.write(`${message}\n`);
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
 * Packs whose processes start when the set is made, connected on first use. A pack that fails to start is an
 * error when it is first used (once the first program has run, so that a program error is reported first), and
 * every process is stopped by {@link stop}, used or not.
 */
export class PackSet {
  private readonly processes: Promise<PolicyPackProcess>[];
  private connecting: Promise<PolicyPack[]> | undefined;

  constructor(
    private readonly directories: readonly string[],
    private readonly options: PolicyPackOptions = {},
  ) {
    this.processes = directories.map((directory) => {
      const started = startPolicyPack(directory, options);
      // Observed now, reported when used: a pack that fails while the program runs must not end the command.
      started.catch(() => undefined);
      return started;
    });
  }

  /** The connected packs (connected now, the first time), in the order of their directories. */
  get(): Promise<PolicyPack[]> {
    this.connecting ??= this.connect();
    return this.connecting;
  }


  private async connect(): Promise<PolicyPack[]> {
    // The Analyzer client and its protocol stubs are loaded here, not when the packs start.
    const { PolicyPack } = await import('@bulwark/offline');
    const connected = await Promise.allSettled(
      this.directories.map((directory, index) => PolicyPack.start(directory, { ...this.options, started: this.processes[index] as Promise<PolicyPackProcess> })),
    );
    const failure = connected.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    if (failure) {
      await stopPacks(connected.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : [])));
      throw failure.reason;
    }
    return connected.map((outcome) => (outcome as PromiseFulfilledResult<PolicyPack>).value);
  }

  /** Stops every pack process, connected or not; never throws. */
  async stop(): Promise<void> {
    if (this.connecting) await stopPacks(await this.connecting.catch(() => []));
    // Processes never connected to (the program failed first), or whose connection failed: stop them too.
    await Promise.allSettled(
      this.processes.map(async (started) => {
        const running = await started.catch(() => undefined);
        await running?.stop();
      }),
    );
  }
}
