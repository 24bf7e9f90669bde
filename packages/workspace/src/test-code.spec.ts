import * as fs from 'node:fs';
import * as path from 'node:path';
import { isTestCode, TEST_CODE_GLOBS } from './test-code';

describe('isTestCode', () => {
  it.each([
    ['src/kms-key.spec.ts', true],
    ['testing/index.ts', true],
    ['src/testing/fixture-workspace.ts', true],
    ['test/cli-harness.ts', true],
    ['test-fixtures/packs/demo-pack/index.js', true],
    ['jest.config.cjs', true],
    ['README.md', true],
    ['src/kms-key.ts', false],
    ['index.ts', false],
    ['src/test-code.ts', false],
    ['src/rules/testing.ts', false],
    ['docs/README.md', false],
  ])('%s: %s', (file, expected) => {
    expect(isTestCode(file)).toBe(expected);
  });
});

describe("nx's production input", () => {
  it('excludes exactly the test code isTestCode recognises, so nx and the readers agree on what is production', () => {
    const nx = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'nx.json'), 'utf8')) as { namedInputs: Record<string, string[]> };
    const exclusions = nx.namedInputs['production']?.filter((input) => input.startsWith('!')).map((input) => input.replace('!{projectRoot}/', ''));
    expect(exclusions?.sort()).toEqual([...TEST_CODE_GLOBS].sort());
    expect(nx.namedInputs['testHelpers']).toEqual(['{projectRoot}/**/testing/**/*']);
  });
});
