import { UNDECIDED, UNKNOWN as UNKNOWN_VALUE } from '../unknown';
import { contextValues } from './condition-evaluation';
import { resolvePolicyVariables } from './policy-variables';
import { patternMatches, patternText } from './wildcard';

const context = contextValues({ 'aws:username': 'alice', 'aws:PrincipalTag/team': 'blue*', 'aws:TagKeys': ['a', 'b'] });

function resolved(value: string): string {
  const result = resolvePolicyVariables(value, context);
  if (result === UNDECIDED || result.kind !== 'pattern') throw new Error(`expected a pattern, got ${String(result === UNDECIDED ? 'UNDECIDED' : result.kind)}`);
  return patternText(result.parts);
}

describe('resolvePolicyVariables', () => {
  it.each([
    ['home/${aws:username}/*', 'home/alice/*'],
    ['home/${AWS:UserName}', 'home/alice'],
    ['${aws:PrincipalTag/team}', 'blue*'],
    ["${aws:PrincipalTag/project, 'shared'}", 'shared'],
    ["${aws:PrincipalTag/project,'it''s'}", "it's"],
    ['literal ${*} and ${?} and ${$}', 'literal * and ? and $'],
    ['no variable here', 'no variable here'],
    ['${unterminated', '${unterminated'],
    ["${aws:username, missing-quotes}", "${aws:username, missing-quotes}"],
    ['', ''],
  ])('%s reads as %s', (value, expected) => {
    expect(resolved(value)).toBe(expected);
  });

  it('keeps the replaced text and the escapes literal: they are never wildcards', () => {
    const tag = resolvePolicyVariables('team/${aws:PrincipalTag/team}', context);
    const star = resolvePolicyVariables('a${*}', context);
    if (tag === UNDECIDED || tag.kind !== 'pattern' || star === UNDECIDED || star.kind !== 'pattern') throw new Error('expected patterns');
    expect(patternMatches(tag.parts, 'team/blue*', false)).toBe(true);
    expect(patternMatches(tag.parts, 'team/bluegreen', false)).toBe(false);
    expect(patternMatches(star.parts, 'a*', false)).toBe(true);
    expect(patternMatches(star.parts, 'abc', false)).toBe(false);
  });

  it('has no value for a key the request does not carry, or carries several values of', () => {
    expect(resolvePolicyVariables('home/${aws:userid}', context)).toEqual({ kind: 'no-value', variable: 'aws:userid' });
    expect(resolvePolicyVariables('${aws:TagKeys}', context)).toEqual({ kind: 'no-value', variable: 'aws:TagKeys' });
  });

  it('is UNDECIDED when the value is an engine unknown', () => {
    expect(resolvePolicyVariables('home/${aws:username}', contextValues({ 'aws:username': UNKNOWN_VALUE }))).toBe(UNDECIDED);
  });
});
