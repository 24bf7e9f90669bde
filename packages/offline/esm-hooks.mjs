// @ts-check
/**
 * Module customization hooks (node:module `register`) that run a Pulumi program written as ES modules the way
 * Pulumi runs it (a package with "type": "module", `.mts` files): TypeScript compiled with swc as each module
 * loads, `.js` specifiers resolving to their `.ts` sources and tsconfig `paths` / `baseUrl` applied (see
 * program-resolution.js). The program's own modules carry the run in their URL (`?bulwark-run=N&bulwark-root=...`),
 * passed on to every program module they import, so that each run evaluates them afresh, as each `pulumi
 * preview` does; its dependencies are shared, as `@pulumi/pulumi` must be.
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL, URL } from 'node:url';

const require = createRequire(import.meta.url);
const { candidateFiles, isProgramFile } = require('./program-resolution.js');
const { swcOptions } = require('./typescript-hook.js');
const { cachedCompile } = require('./compile-cache.js');

const RUN = 'bulwark-run';
const ROOT = 'bulwark-root';

/** The run and program directory a program module's URL carries, if it is one. @param {string | undefined} url */
function programOf(url) {
  if (!url || !url.startsWith('file:')) return undefined;
  const { searchParams } = new URL(url);
  const run = searchParams.get(RUN);
  const root = searchParams.get(ROOT);
  return run && root ? { run, root } : undefined;
}

/** A file URL marked as a module of the program's run. @param {string} file @param {{ run: string, root: string }} program */
function programUrl(file, program) {
  const url = pathToFileURL(file);
  url.searchParams.set(RUN, program.run);
  url.searchParams.set(ROOT, program.root);
  return url.href;
}

/**
 * @param {string} specifier
 * @param {{ parentURL?: string, conditions: string[], importAttributes?: object }} context
 * @param {(specifier: string, context?: object) => Promise<{ url: string, format?: string | null, shortCircuit?: boolean }>} nextResolve
 */
export async function resolve(specifier, context, nextResolve) {
  const program = programOf(context.parentURL);
  if (!program) return nextResolve(specifier, context);
  let resolved;
  try {
    resolved = await nextResolve(specifier, context);
  } catch (error) {
    if (!context.parentURL) throw error;
    const parentDirectory = path.dirname(fileURLToPath(context.parentURL));
    for (const candidate of candidateFiles(specifier, parentDirectory, program.root)) {
      if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) {
        return { url: programUrl(candidate, program), shortCircuit: true };
      }
    }
    throw error;
  }
  if (resolved.url.startsWith('file:')) {
    const file = fileURLToPath(resolved.url);
    if (isProgramFile(file, program.root)) return { ...resolved, url: programUrl(file, program) };
  }
  return resolved;
}

/**
 * @param {string} url
 * @param {{ format?: string | null, conditions: string[] }} context
 * @param {(url: string, context?: object) => Promise<{ format: string, source?: string | Buffer | null, shortCircuit?: boolean }>} nextLoad
 */
export async function load(url, context, nextLoad) {
  if (url.startsWith('file:')) {
    const file = fileURLToPath(url);
    if (/\.(ts|tsx|mts)$/.test(file)) {
      // Through the same on-disk cache as CommonJS modules (compile-cache.js): swc is loaded only on a miss.
      const options = swcOptions(file, 'es6');
      const swcVersion = require('@swc/core/package.json').version;
      const code = cachedCompile(fs.readFileSync(file, 'utf8'), options, swcVersion, (/** @type {string} */ source) => require('@swc/core').transformSync(source, options).code);
      return { format: 'module', source: code, shortCircuit: true };
    }
  }
  return nextLoad(url, context);
}
