// @ts-check
/**
 * Runs TypeScript the way the Pulumi language host does (compiled as each module is required), but
 * transpile-only with swc: type errors are the `typecheck` target's business, and type-checking a program that
 * imports `@pulumi/aws` costs seconds and tens of megabytes per run. Plain JavaScript, so that the `bulwark`
 * command can register it before any of its own TypeScript is loaded.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const { candidateFiles, isProgramFile } = require('./program-resolution');
const { cachedCompile } = require('./compile-cache');

/**
 * How swc compiles a module: to CommonJS, as Pulumi runs programs without a "type": "module" package, or to an
 * ES module for the ES module hooks (esm-hooks.mjs).
 * @param {string} filename
 * @param {'commonjs' | 'es6'} [moduleType]
 */
function swcOptions(filename, moduleType = 'commonjs') {
  return {
    filename,
    sourceMaps: 'inline',
    module: { type: moduleType },
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
  // swc (a native module) is loaded only for a module the compile cache does not have (compile-cache.js): a
  // command whose modules are all cached never loads it. Its version is part of every cache key.
  /** @type {any} */
  let swc;
  const swcVersion = require('@swc/core/package.json').version;
  // Stack traces point at the TypeScript lines through the inline source maps.
  process.setSourceMapsEnabled(true);
  /** @param {any} module @param {string} filename */
  const compile = (module, filename) => {
    const options = swcOptions(filename);
    const code = cachedCompile(fs.readFileSync(filename, 'utf8'), options, swcVersion, (source) => {
      swc ??= require('@swc/core');
      return swc.transformSync(source, options).code;
    });
    module._compile(code, filename);
  };
  extensions['.ts'] = compile;
  extensions['.tsx'] = compile;
  extensions['.cts'] = compile;
}

/** The program directories whose imports resolve as their TypeScript setup says (see program-resolution.js). */
const programRoots = new Set();

/**
 * Resolves the imports of the program in `root` as its TypeScript setup does: `require('./acl.js')` finds
 * `acl.ts`, and tsconfig `paths` / `baseUrl` map bare specifiers, where Node alone finds nothing. Node's own
 * resolution is tried first, so an existing `.js` file or package always wins.
 * @param {string} root
 */
function resolveProgramImports(root) {
  programRoots.add(path.resolve(root));
  const resolver = /** @type {any} */ (Module);
  if (resolver.__bulwarkProgramResolution) return;
  const original = resolver._resolveFilename;
  /** @this {unknown} @param {string} request @param {any} parent @param {...unknown} rest */
  resolver._resolveFilename = function (request, parent, ...rest) {
    try {
      return original.call(this, request, parent, ...rest);
    } catch (error) {
      const filename = parent && parent.filename;
      const root = filename ? [...programRoots].find((candidate) => isProgramFile(filename, candidate)) : undefined;
      if (/** @type {any} */ (error).code !== 'MODULE_NOT_FOUND' || !root) throw error;
      for (const candidate of candidateFiles(request, path.dirname(filename), root)) {
        try {
          return original.call(this, candidate, parent, ...rest);
        } catch {
          // Not this one: try the next candidate.
        }
      }
      throw error;
    }
  };
  resolver.__bulwarkProgramResolution = true;
}

module.exports = { registerTypeScript, resolveProgramImports, swcOptions };
