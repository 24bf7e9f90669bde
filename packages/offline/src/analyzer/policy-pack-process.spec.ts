import * as path from 'node:path';
import { startPolicyPack } from './policy-pack-process';

const MINIMAL_PACK = path.resolve(__dirname, '..', '..', 'test-fixtures', 'packs', 'minimal-pack');

/** Keeps this process's event loop busy, as a large program's synchronous registrations do. */
function busyFor(milliseconds: number): void {
  const until = Date.now() + milliseconds;
  while (Date.now() < until) {
    // Busy: no timer, no I/O.
  }
}

describe('startPolicyPack', () => {
  it('reads a port the pack printed while this process was too busy to read it, past the start timeout', async () => {
    const starting = startPolicyPack(MINIMAL_PACK, { startTimeoutMs: 1000 });
    // Long enough for the pack to print its port meanwhile, even on a loaded machine.
    busyFor(20_000);
    const running = await starting;
    try {
      expect(running.address).toMatch(/^127\.0\.0\.1:\d+$/);
    } finally {
      await running.stop();
    }
  }, 60_000);

  it('still fails a pack that never prints its port in time', async () => {
    await expect(startPolicyPack(MINIMAL_PACK, { startTimeoutMs: 1 })).rejects.toThrow(`policy pack ${MINIMAL_PACK} did not print its port within 1 ms`);
  });
});
