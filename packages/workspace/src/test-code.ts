/**
 * Which files of a project are test code: specs, test helpers (`testing/` folders, such as the `@bulwark/core/testing`
 * entry), test suites outside `src` (`test/`) and fixtures (`test-fixtures/`), plus the jest config and the README.
 * nx's `production` named input (nx.json) excludes exactly these, so test code never invalidates a build or a
 * check; a spec holds the two together. The CLI's "is the pack build stale" check skips them for the same reason:
 * a build nx considers up to date must not be called stale.
 */

/** The exclusions, as `{projectRoot}`-relative globs (the form nx.json uses). */
export const TEST_CODE_GLOBS = ['**/*.spec.ts', '**/testing/**/*', 'test/**/*', 'test-fixtures/**/*', 'jest.config.cjs', 'README.md'] as const;

const TEST_FOLDERS_ANYWHERE = new Set(['testing']);
const TEST_FOLDERS_AT_ROOT = new Set(['test', 'test-fixtures']);
const TEST_FILES_AT_ROOT = new Set(['jest.config.cjs', 'README.md']);

/** True when `relativePath` (relative to its project root, `/` or the platform separator) is test code. */
export function isTestCode(relativePath: string): boolean {
  const parts = relativePath.split(/[\\/]/).filter((part) => part !== '' && part !== '.');
  const file = parts[parts.length - 1] ?? '';
  if (file.endsWith('.spec.ts')) return true;
  if (parts.length === 1) return TEST_FILES_AT_ROOT.has(file);
  if (TEST_FOLDERS_AT_ROOT.has(parts[0] as string)) return true;
  return parts.slice(0, -1).some((folder) => TEST_FOLDERS_ANYWHERE.has(folder));
}
