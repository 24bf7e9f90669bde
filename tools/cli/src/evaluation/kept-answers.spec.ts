import { KeptAnswers } from './kept-answers';

describe('KeptAnswers', () => {
  it('gives a pack started again from the same directory, at the same place, the answers of its first process', () => {
    const kept = new KeptAnswers(2);
    const first = kept.of(0, { directory: '/packs/security' });
    // releasePacks stopped the process; the next analysis connects to a new one from the same directory.
    expect(kept.of(0, { directory: '/packs/security' })).toBe(first);
    expect(first).toBeDefined();
  });

  it('keeps the same pack listed twice apart, and different packs apart', () => {
    const kept = new KeptAnswers(2);
    const first = kept.of(0, { directory: '/packs/security' });
    expect(kept.of(1, { directory: '/packs/security' })).not.toBe(first);
    expect(kept.of(0, { directory: '/packs/other' })).not.toBe(first);
  });

  it('keeps nothing for a stack evaluated in one mode', () => {
    expect(new KeptAnswers(1).of(0, { directory: '/packs/security' })).toBeUndefined();
  });
});
