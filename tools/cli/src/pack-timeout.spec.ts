import { UsageError } from './exit-codes';
import { parseDuration, parsePackTimeout } from './pack-timeout';

describe('--pack-timeout', () => {
  it.each([
    ['500ms', 500],
    ['90s', 90_000],
    ['2m', 120_000],
    ['1m30s', 90_000],
    ['1.5s', 1500],
  ])('reads the duration %s', (text, milliseconds) => expect(parseDuration(text)).toBe(milliseconds));

  it.each(['', '90', 's', '0s', '1h', '90 s', '-1s'])('refuses the duration %j', (text) => expect(parseDuration(text)).toBeUndefined());

  it('sets both limits with one duration, or each by name', () => {
    expect(parsePackTimeout('45s')).toEqual({ startMs: 45_000, analyzeMs: 45_000 });
    expect(parsePackTimeout('start=10s,analyze=5m')).toEqual({ startMs: 10_000, analyzeMs: 300_000 });
    expect(parsePackTimeout('analyze=3s')).toEqual({ startMs: 60_000, analyzeMs: 3000 });
  });

  it('says what it accepts', () => {
    expect(() => parsePackTimeout('stop=1s')).toThrow(UsageError);
    expect(() => parsePackTimeout('stop=1s')).toThrow('--pack-timeout "stop=1s": "stop" is neither start nor analyze (e.g. --pack-timeout 90s');
  });
});
