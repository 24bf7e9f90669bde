// @ts-check
/**
 * The Bulwark ESLint plugin: rules for infrastructure-as-code source. Plain CommonJS with JSDoc types (checked by
 * `tsc` through `checkJs`) because eslint.config.mjs imports it directly and ESLint cannot load TypeScript.
 *
 * Use `configs.iacSource` in eslint.config.mjs: it enables the hard-coded-value rules for stack and library sources;
 * `configs.workspaceBoundaries` keeps every source to other packages' public entries.
 */
const noHardcodedAccountId = require('./rules/no-hardcoded-account-id');
const noHardcodedAmiId = require('./rules/no-hardcoded-ami-id');
const noHardcodedArn = require('./rules/no-hardcoded-arn');
const noDeepWorkspaceImport = require('./rules/no-deep-workspace-import');
const { version } = require('../package.json');

/** Prefix of the rule ids in a config: `@bulwark/no-hardcoded-ami-id`. */
const PLUGIN_PREFIX = '@bulwark';
const ERROR = /** @type {const} */ ('error');

const plugin = {
  meta: { name: '@bulwark/eslint-plugin', version },
  rules: {
    'no-hardcoded-ami-id': noHardcodedAmiId,
    'no-hardcoded-account-id': noHardcodedAccountId,
    'no-hardcoded-arn': noHardcodedArn,
    'no-deep-workspace-import': noDeepWorkspaceImport,
  },
  /** @type {Record<string, import('eslint').Linter.Config>} */
  configs: {},
};

plugin.configs.iacSource = {
  name: '@bulwark/iac-source',
  // Infrastructure code: the stacks and the libraries they are built from.
  files: ['stacks/**/*.ts', 'packages/**/*.ts'],
  ignores: [
    // Tests assert on the mock account's ARNs and ids on purpose.
    '**/*.spec.ts',
    '**/testing/**',
    '**/test-fixtures/**',
    // The offline engine emulates AWS (it invents an account id for its mocks); it deploys nothing.
    'packages/offline/**',
  ],
  plugins: { [PLUGIN_PREFIX]: plugin },
  rules: {
    [`${PLUGIN_PREFIX}/no-hardcoded-ami-id`]: ERROR,
    [`${PLUGIN_PREFIX}/no-hardcoded-account-id`]: ERROR,
    [`${PLUGIN_PREFIX}/no-hardcoded-arn`]: ERROR,
  },
};

plugin.configs.workspaceBoundaries = {
  name: '@bulwark/workspace-boundaries',
  // Every source of the workspace, tests included: packages talk only through their public entries.
  files: ['**/*.ts', '**/*.js', '**/*.cjs', '**/*.mjs'],
  plugins: { [PLUGIN_PREFIX]: plugin },
  rules: { [`${PLUGIN_PREFIX}/no-deep-workspace-import`]: ERROR },
};

module.exports = plugin;
