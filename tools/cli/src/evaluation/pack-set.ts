/** Starts several policy packs together and stops them all, whatever happens. */
import { PolicyPack } from '@bulwark/offline';

/** Starts every pack (in parallel); if any fails, stops the others and rethrows the first failure. */
export async function startPacks(directories: readonly string[]): Promise<PolicyPack[]> {
  const started = await Promise.allSettled(directories.map((directory) => PolicyPack.start(directory)));
  const failure = started.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failure) {
    await stopPacks(started.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : [])));
    throw failure.reason;
  }
  return started.map((outcome) => (outcome as PromiseFulfilledResult<PolicyPack>).value);
}

/** Stops every pack; never throws. */
export async function stopPacks(packs: readonly PolicyPack[]): Promise<void> {
  await Promise.allSettled(packs.map((pack) => pack.stop()));
}
