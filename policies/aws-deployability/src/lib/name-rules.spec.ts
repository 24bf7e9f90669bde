import { checkNamedInputs, nameProblems, prefixProblems, type NameRule, type NamedInput } from './name-rules';

const base: NameRule = { what: 'widget name', min: 3, max: 30, characters: 'a-z0-9.-' };

describe('nameProblems: each limit a rule states as data', () => {
  it.each([
    ['length', base, 'ab', 'widget name "ab" has 2 characters; AWS accepts 3 to 30'],
    ['characters', base, 'a_b', 'widget name "a_b" contains "_", which AWS does not accept (allowed: a-z0-9.-)'],
    ['a letter first', { ...base, ends: 'letter' }, '1abc', 'widget name "1abc" must start with a letter'],
    ['lowercase letter or digit at both ends', { ...base, ends: 'lowercase-letter-or-digit' }, 'abc.', 'widget name "abc." must begin and end with a lowercase letter or digit'],
    ['no leading hyphen', { ...base, hyphens: ['leading'] }, '-abc', 'widget name "-abc" must not begin with a hyphen'],
    ['no double hyphen', { ...base, hyphens: ['double'] }, 'a--bc', 'widget name "a--bc" must not contain two consecutive hyphens'],
    ['no trailing hyphen', { ...base, hyphens: ['trailing'] }, 'abc-', 'widget name "abc-" must not end with a hyphen'],
    ['no adjacent dots', { ...base, noAdjacentDots: true }, 'a..b', 'widget name "a..b" must not contain two adjacent dots'],
    ['not an IP address', { ...base, noIpAddress: true }, '10.0.0.1', 'widget name "10.0.0.1" must not be formatted as an IP address'],
    ['a reserved prefix', { ...base, reservedPrefixes: ['xn--'] }, 'xn--abc', 'widget name "xn--abc" must not begin with the reserved prefix "xn--"'],
    ['a reserved suffix', { ...base, reservedSuffixes: ['-s3alias'] }, 'abc-s3alias', 'widget name "abc-s3alias" must not end with the reserved suffix "-s3alias"'],
    ['a reserved name, in any case', { ...base, characters: 'A-Za-z', reservedNames: ['default'] }, 'Default', 'widget name "Default" must not be "default"'],
  ] as const)('%s', (_limit, rule, name, problem) => {
    expect(nameProblems(rule, name)).toEqual([expect.stringContaining(problem)]);
    // The same name passes a rule that does not state the limit (length and characters aside).
    if (!problem.includes('characters') && !problem.includes('contains')) expect(nameProblems({ ...base, characters: 'A-Za-z0-9.-' }, name)).toEqual([]);
  });

  it('reports every broken limit, in one order whatever order the rule lists hyphen placements', () => {
    const rule: NameRule = { ...base, ends: 'letter', hyphens: ['trailing', 'double', 'leading'] };
    expect(nameProblems(rule, '-a--b-').map((problem) => problem.replace('widget name "-a--b-" ', ''))).toEqual([
      'must start with a letter',
      'must not begin with a hyphen',
      'must not contain two consecutive hyphens',
      'must not end with a hyphen',
    ]);
  });

  it('reports one reserved affix: a reserved prefix before a reserved suffix', () => {
    const rule: NameRule = { ...base, reservedPrefixes: ['xn--'], reservedSuffixes: ['-s3alias'] };
    expect(nameProblems(rule, 'xn--abc-s3alias')).toEqual([expect.stringContaining('reserved prefix "xn--"')]);
  });
});

describe('prefixProblems', () => {
  it('leaves room for the provider\'s 26-character suffix', () => {
    expect(prefixProblems(base, 'abcd')).toEqual([]);
    expect(prefixProblems(base, 'abcde')).toEqual(['widget name prefix "abcde" has 5 characters; with the provider\'s 26-character suffix at most 4 fit']);
  });
});

describe('checkNamedInputs', () => {
  const inputs: readonly NamedInput[] = [
    { type: 'test:widget', property: 'name', prefixProperty: 'namePrefix', rule: base },
    { type: 'test:gadget', property: 'name', rule: { ...base, what: 'gadget name', createCall: 'CreateGadget' } },
  ];
  const UNKNOWN = Symbol('unknown');
  const read = (value: unknown) => (value === 'unknown' ? UNKNOWN : typeof value === 'string' ? value : undefined);
  const run = (type: string, props: Record<string, unknown>) => {
    const reported: string[] = [];
    const open: [string, string | undefined][] = [];
    checkNamedInputs(inputs, type, props, (message) => reported.push(message), (property, detail) => open.push([property, detail]), read);
    return { reported, open };
  };

  it('checks the name of the resource\'s own type, and the prefix only when no name is given', () => {
    expect(run('test:widget', { name: 'ab' }).reported).toEqual([expect.stringMatching(/^widget name "ab" has 2 characters.*\.$/)]);
    expect(run('test:widget', { namePrefix: 'abcdefgh' }).reported).toEqual([expect.stringContaining('at most 4 fit')]);
    expect(run('test:widget', { name: 'abc', namePrefix: 'abcdefgh' }).reported).toEqual([]);
    expect(run('test:other', { name: 'ab' }).reported).toEqual([]);
  });

  it('is undecided on an unknown name, naming the create call the rule states', () => {
    expect(run('test:widget', { name: 'unknown' }).open).toEqual([['name', 'an invalid widget name fails the create call']]);
    expect(run('test:gadget', { name: 'unknown' }).open).toEqual([['name', 'an invalid gadget name fails CreateGadget']]);
  });
});
