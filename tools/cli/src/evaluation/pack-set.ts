/** Starts several policy packs together and stops them all, whatever happens. */
import { PolicyPack, type PolicyPackOptions } from '@bulwark/offline';
import { type PackTimeouts } from '../pack-timeout';
import { notice } from '../report-output';

/** How the command runs packs: its `--pack-timeout`, and a line on stderr while a pack keeps it waiting. */
export function packOptions(timeouts: PackTimeouts): PolicyPackOptions {
  return { startTimeoutMs: timeouts.startMs, callTimeoutMs: timeouts.analyzeMs, onWaiting: notice };
}

/** Starts every pack (in parallel); if any fails, stops the others and rethrows the first failure. */
async function startPacks(directories: readonly string[], options: PolicyPackOptions): Promise<PolicyPack[]> {
  const started = await Promise.allSettled(directories.map((directory) => PolicyPack.start(directory, options)));
  const failure = started.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failure) {
    await stopPacks(started.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : [])));
    throw failure.reason;
  }
  return started.map((outcome) => (outcome as PromiseFulfilledResult<PolicyPack>).value);
}

/**
 * Packs started on first use. The first program run then happens without them: a pack process idles at about
 * 150 MB, and the run is the moment of peak memory, so starting them after it keeps them out of that peak. A
 * pack that fails to start is still an error, reported once the program has run.
 */
export class LazyPackSet {
  private starting: Promise<PolicyPack[]> | undefined;

  constructor(
    private readonly directories: readonly string[],
    private readonly options: PolicyPackOptions = {},
  ) {}

  /** The started packs (started now, the first time). */
  get(): Promise<PolicyPack[]> {
    this.starting ??= startPacks(this.directories, this.options);
    return this.starting;
  }

  /** The packs started so far (none if {@link get} was never called). */
  async started(): Promise<PolicyPack[]> {
    if (!this.starting) return [];
    return this.starting.catch(() => []);
  }

  /** Stops whatever was started; never throws. */
  async stop(): Promise<void> {
    await stopPacks(await this.started());
  }
}

/** Stops every pack; never throws. */
async function stopPacks(packs: readonly PolicyPack[]): Promise<void> {
  await Promise.allSettled(packs.map((pack) => pack.stop()));
}
