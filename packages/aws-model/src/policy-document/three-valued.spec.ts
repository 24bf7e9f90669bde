import { UNDECIDED } from '../unknown';
import { allOf, anyOf, not } from './three-valued';

describe('three-valued logic', () => {
  it.each([
    [[true, true], true, true],
    [[true, false], false, true],
    [[false, UNDECIDED], false, UNDECIDED],
    [[true, UNDECIDED], UNDECIDED, true],
    [[UNDECIDED], UNDECIDED, UNDECIDED],
    [[], true, false],
  ] as const)('allOf / anyOf %p: %p / %p', (values, all, any) => {
    expect(allOf(values)).toBe(all);
    expect(anyOf(values)).toBe(any);
  });

  it('negates, keeping UNDECIDED', () => {
    expect(not(true)).toBe(false);
    expect(not(false)).toBe(true);
    expect(not(UNDECIDED)).toBe(UNDECIDED);
  });
});
