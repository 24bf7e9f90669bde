import * as fs from 'node:fs';
import * as path from 'node:path';
import { PackSet } from './pack-set';

const DEMO_PACK = path.resolve(__dirname, '..', '..', 'test-fixtures', 'packs', 'demo-pack');
const CRASH_PACK = path.resolve(__dirname, '..', '..', 'test-fixtures', 'packs', 'crash-pack');

/** Pack processes this process has started that are alive (children running run-policy-pack, from /proc). */
function packProcessesAlive(): number {
  let alive = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state, parent] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(parent) === process.pid && state !== 'Z' && fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('run-policy-pack')) alive++;
    } catch {
      // The process ended while we looked.
    }
  }
  return alive;
}

describe('PackSet', () => {
  it('starts its packs at once and connects on first use', async () => {
    const packs = new PackSet([DEMO_PACK]);
    try {
      const [pack] = await packs.get();
      expect(pack?.info.name).toBe('demo-pack');
      expect(await packs.get()).toEqual([pack]);
    } finally {
      await packs.stop();
    }
  });

  it('stops waiting packs while the process is large, and starts them again when they are needed', async () => {
    // Any process is larger than 1 byte: the packs stand down at the first look.
    const packs = new PackSet([DEMO_PACK], {}, { standDownAboveBytes: 1 });
    try {
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(packs.stoodDown).toBe(true);
      const [pack] = await packs.get();
      expect(pack?.info.name).toBe('demo-pack');
      expect(packs.stoodDown).toBe(false);
    } finally {
      await packs.stop();
    }
  });

  it('starts its packs only when first used when asked to', async () => {
    const packs = new PackSet([DEMO_PACK], {}, { startAtOnce: false });
    try {
      expect(packs.stoodDown).toBe(true);
      expect((await packs.get()).map((pack) => pack.info.name)).toEqual(['demo-pack']);
    } finally {
      await packs.stop();
    }
  });

  it('reports a pack that failed to start when it is used, and stops the others', async () => {
    const packs = new PackSet([DEMO_PACK, CRASH_PACK]);
    try {
      await expect(packs.get()).rejects.toThrow('crash-pack: cannot read waivers.yaml');
    } finally {
      await packs.stop();
    }
  });

  it('stops every pack process before a large run, connected or only started, and starts them again when used', async () => {
    const packs = new PackSet([DEMO_PACK]);
    try {
      expect(packProcessesAlive()).toBe(1);
      await packs.beforeRun(true);
      expect(packProcessesAlive()).toBe(0);
      await packs.get();
      await packs.beforeRun(true);
      expect(packProcessesAlive()).toBe(0);
      expect(packs.stoodDown).toBe(true);
      expect((await packs.get()).map((pack) => pack.info.name)).toEqual(['demo-pack']);
      expect(packProcessesAlive()).toBe(1);
    } finally {
      await packs.stop();
    }
  });

  it('starts stopped packs before an ordinary run, so that they start while it runs, and keeps connected ones', async () => {
    const packs = new PackSet([DEMO_PACK], {}, { startAtOnce: false });
    try {
      expect(packProcessesAlive()).toBe(0);
      await packs.beforeRun(false);
      expect(packProcessesAlive()).toBe(1);
      const [pack] = await packs.get();
      await packs.beforeRun(false);
      expect(packProcessesAlive()).toBe(1);
      expect(await packs.get()).toEqual([pack]);
    } finally {
      await packs.stop();
    }
  });

  it('stops the packs after a large stack, not after an ordinary one, and still describes them once stopped', async () => {
    const packs = new PackSet([DEMO_PACK]);
    try {
      const [pack] = await packs.get();
      await packs.afterStack(false);
      expect(await packs.get()).toEqual([pack]);
      await packs.afterStack(true);
      expect(packProcessesAlive()).toBe(0);
      expect((await packs.infos()).map((info) => info.name)).toEqual(['demo-pack']);
      expect(packProcessesAlive()).toBe(0);
    } finally {
      await packs.stop();
    }
  });
});
