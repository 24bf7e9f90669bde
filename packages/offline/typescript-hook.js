// @ts-check
/**
 * Runs TypeScript the way the Pulumi language host does (compiled as each module is required), but
 * transpile-only with swc: type errors are the `typecheck` target's business, and type-checking a program that
 * imports `@pulumi/aws` costs seconds and tens of megabytes per run. Plain JavaScript, so that the `bulwark`
 * command can register it before any of its own TypeScript is loaded.
 */
'use strict';

const fs = require('node:fs');

/** Where swc should put its output: CommonJS, as Pulumi runs programs without a "type": "module" package. */
function swcOptions(filename) {
  return {
    filename,
    sourceMaps: 'inline',
    module: { type: 'commonjs' },
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', tsx: filename.endsWith('.tsx'), decorators: true },
      transform: { legacyDecorator: true },
      keepClassNames: true,
    },
  };
}

/**
 * Compiles `.ts` and `.tsx` modules with swc as they are required, unless something (ts-node, a test runner's
 * transform) already handles `.ts` in this process.
 */
function registerTypeScript() {
  const extensions = /** @type {Record<string, unknown> | undefined} */ (require.extensions);
  // Test runners load modules through their own module system (no `require.extensions`) and transform `.ts`.
  if (!extensions || '.ts' in extensions) return;
  const swc = require('@swc/core');
  // Stack traces point at the TypeScript lines through the inline source maps.
  process.setSourceMapsEnabled(true);
  /** @param {any} module @param {string} filename */
  const compile = (module, filename) => {
    const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), swcOptions(filename));
    module._compile(code, filename);
  };
  extensions['.ts'] = compile;
  extensions['.tsx'] = compile;
}

module.exports = { registerTypeScript };
