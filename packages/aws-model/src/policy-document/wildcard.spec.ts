import { hasWildcard, isAllWildcard, patternMatches, patternText, splitPatternAtColons, wildcardMatches } from './wildcard';

describe('wildcardMatches', () => {
  it.each([
    ['a*b?c', 'axxbbyc', true],
    ['a*b?c', 'axxbc', false],
    ['*', '', true],
    ['?', '', false],
    ['s3:Get*', 's3:GetObject', true],
    ['arn:aws:s3:::logs/*', 'arn:aws:s3:::logs', false],
    ['*a*a*a', 'aaaa', true],
  ] as const)('%s against %s: %s', (pattern, value, expected) => {
    expect(wildcardMatches(pattern, value, false)).toBe(expected);
  });

  it('folds case only when asked', () => {
    expect(wildcardMatches('S3:GET*', 's3:getobject', true)).toBe(true);
    expect(wildcardMatches('S3:GET*', 's3:getobject', false)).toBe(false);
  });
});

describe('patternMatches with literal parts', () => {
  it('reads * and ? in a literal part as plain characters', () => {
    const parts = [{ text: 'home/', literal: false }, { text: 'a*b', literal: true }, { text: '/*', literal: false }];
    expect(patternMatches(parts, 'home/a*b/file', false)).toBe(true);
    expect(patternMatches(parts, 'home/axxb/file', false)).toBe(false);
    expect(patternText(parts)).toBe('home/a*b/*');
  });
});

describe('splitPatternAtColons', () => {
  it('splits the first five colons and leaves the rest in the last field', () => {
    const fields = splitPatternAtColons([{ text: 'arn:aws:logs:eu-west-1:', literal: false }, { text: '111122223333', literal: true }, { text: ':log-group:a:*', literal: false }], 5);
    expect(fields.map(patternText)).toEqual(['arn', 'aws', 'logs', 'eu-west-1', '111122223333', 'log-group:a:*']);
  });
});

describe('hasWildcard and isAllWildcard', () => {
  it('tells wildcard text apart', () => {
    expect(hasWildcard('o-*')).toBe(true);
    expect(hasWildcard('o-abc')).toBe(false);
    expect(isAllWildcard(' *? ')).toBe(true);
    expect(isAllWildcard('a*')).toBe(false);
    expect(isAllWildcard('')).toBe(false);
  });
});
