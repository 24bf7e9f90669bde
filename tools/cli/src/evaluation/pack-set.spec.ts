import * as path from 'node:path';
import { PackSet } from './pack-set';

const DEMO_PACK = path.resolve(__dirname, '..', '..', 'test-fixtures', 'packs', 'demo-pack');
const CRASH_PACK = path.resolve(__dirname, '..', '..', 'test-fixtures', 'packs', 'crash-pack');

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
});
