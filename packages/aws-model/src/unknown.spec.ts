import { isUnknown, UNDECIDED, UNKNOWN, UNKNOWN_SENTINELS } from './unknown';

describe('the engine unknown sentinels', () => {
  it('are exactly the ones the policy SDK recognises', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- an internal module of the SDK, untyped
    const proxy = require('@pulumi/policy/proxy') as Record<string, unknown>;
    const inSdk = Object.entries(proxy).filter(([name]) => /^unknown[A-Z]\w*Value$/.test(name)).map(([, value]) => value);
    expect(inSdk).toHaveLength(7);
    expect(new Set(inSdk)).toEqual(new Set(Object.values(UNKNOWN_SENTINELS)));
  });

  it('the string sentinel is the one the engine writes for any unknown value', () => {
    expect(UNKNOWN_SENTINELS.string).toBe(UNKNOWN);
  });

  it('isUnknown recognises every sentinel and nothing else', () => {
    for (const sentinel of Object.values(UNKNOWN_SENTINELS)) expect(isUnknown(sentinel)).toBe(true);
    for (const value of ['', 'unknown', UNKNOWN.toUpperCase(), undefined, null, 0, {}, [UNKNOWN], UNDECIDED]) {
      expect(isUnknown(value)).toBe(false);
    }
  });
});
