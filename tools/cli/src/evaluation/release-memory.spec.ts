import { compactMemory, pagesReturned, releaseMemory } from './release-memory';

/** Fills the heap as a large program run does: many small objects, of which a scattered few survive. */
function scatteredSurvivors(): object[] {
  const survivors: object[] = [];
  for (let index = 0; index < 400_000; index++) {
    const entry = { index, name: `resource-${index}`, tags: { owner: 'team', index } };
    if (index % 20 === 0) survivors.push(entry);
  }
  return survivors;
}

describe('releaseMemory and compactMemory', () => {
  it('compacting returns the pages a plain collection keeps for scattered survivors', () => {
    const survivors = scatteredSurvivors();
    releaseMemory();
    const afterPlain = process.memoryUsage().heapTotal;
    compactMemory();
    const afterCompact = process.memoryUsage().heapTotal;
    expect(survivors).toHaveLength(20_000);
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
