import { compactMemory, releaseMemory } from './release-memory';

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
});
