import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { pagesReturned } from './release-memory';

/**
 * Runs in a fresh process (this one's heap holds whatever the test runner and earlier specs left, which decides what
 * a collection does): fills the heap as a large program run does, many small objects of which a third survive,
 * scattered over every page; collects plainly until that shrinks the heap no more, then once compacting; prints
 * both heap sizes.
 */
const EXPERIMENT = `
const { compactMemory, releaseMemory } = require(${JSON.stringify(path.join(__dirname, 'release-memory.ts'))});
const survivors = [];
for (let index = 0; index < 1000000; index++) {
  const entry = { index, name: 'resource-' + index, tags: { owner: 'team', index } };
  if (index % 3 === 0) survivors.push(entry);
}
// Plain collections until the heap is as small as they make it: a further one would not shrink it.
releaseMemory();
releaseMemory();
releaseMemory();
const afterPlain = process.memoryUsage().heapTotal;
compactMemory();
const afterCompact = process.memoryUsage().heapTotal;
process.stdout.write(JSON.stringify({ survivors: survivors.length, afterPlain, afterCompact }));
`;

describe('releaseMemory and compactMemory', () => {
  it('compacting returns the pages a plain collection keeps for scattered survivors', () => {
    const run = spawnSync(process.execPath, ['-r', '@bulwark/offline/register', '-e', EXPERIMENT], { cwd: __dirname, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const { survivors, afterPlain, afterCompact } = JSON.parse(run.stdout) as { survivors: number; afterPlain: number; afterCompact: number };
    expect(survivors).toBe(333_334);
    expect(afterCompact).toBeLessThan(afterPlain);
  });

  it('waits for the resident set to come within the slack of the heap, at most for the limit', async () => {
    let started = Date.now();
    await pagesReturned(Number.MAX_SAFE_INTEGER, 5_000);
    expect(Date.now() - started).toBeLessThan(1_000);
    started = Date.now();
    // No resident set is ever below the heap by this much: only the limit ends the wait.
    await pagesReturned(-(1024 ** 4), 300);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });
});
