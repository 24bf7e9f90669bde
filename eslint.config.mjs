// Workspace lint configuration (ESLint 9 flat config with typescript-eslint).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import bulwark from './tools/eslint-plugin/src/index.js';

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/out-tsc/**', '**/dist/**', '**/bin/**', '**/coverage/**', '.nx/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'off',
    },
  },
  // Infrastructure code: no hard-coded AMI ids, account ids or ARNs with account ids (stacks/ and packages/).
  bulwark.configs.iacSource,
  // Every source: another workspace package is imported through its entry or an exported subpath, never its src/.
  bulwark.configs.workspaceBoundaries,
  {
    files: ['**/*.cjs', '**/*.js', '**/*.mjs'],
    languageOptions: { globals: { module: 'writable', exports: 'writable', require: 'readonly', process: 'readonly', __dirname: 'readonly', __filename: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
