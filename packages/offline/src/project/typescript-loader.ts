/**
 * Loads TypeScript programs the way the Pulumi language host does (a compiler registered before the entry is
 * loaded), transpile-only with swc: CommonJS programs through `typescript-hook.js` at the package root (shared
 * with the `bulwark` command's own start-up), ES module programs through the module hooks of `esm-hooks.mjs`.
 * Either way the program's imports resolve as its TypeScript setup says (`program-resolution.js`).
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const hook = require('../../typescript-hook.js') as { registerTypeScript(): void; resolveProgramImports(root: string): void };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const resolution = require('../../program-resolution.js') as { isModuleProgram(entry: string): boolean };

/** Registers the swc compiler for `.ts` files unless another loader already handles them. */
export function registerTypeScript(): void {
  hook.registerTypeScript();
}

/** Makes `require` from the program in `root` resolve `.js` specifiers to `.ts` sources and tsconfig `paths`. */
export function resolveProgramImports(root: string): void {
  hook.resolveProgramImports(root);
}

/** Whether Pulumi runs this entry as an ES module (`"type": "module"`, `.mjs`/`.mts`). */
export function isModuleProgram(entry: string): boolean {
  return resolution.isModuleProgram(entry);
}

// A real dynamic import: a transpiler turning `import()` into `require()` would load the program as CommonJS.
const dynamicImport = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<Record<string, unknown>>;

let hooksRegistered = false;
let runs = 0;

/**
 * Imports an ES module program's entry afresh (a new run number in the URL of each of its own modules), with the
 * TypeScript module hooks registered on first use.
 */
export async function importModuleProgram(entry: string, root: string): Promise<Record<string, unknown>> {
  if (!hooksRegistered) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { register } = require('node:module') as { register?: (specifier: string, parentURL: string) => void };
    if (!register) throw new Error(`Node.js ${process.version} cannot load ES module programs offline: it needs Node.js 20.6 or later`);
    register(pathToFileURL(path.resolve(__dirname, '../../esm-hooks.mjs')).href, pathToFileURL(__filename).href);
    hooksRegistered = true;
  }
  const url = pathToFileURL(entry);
  url.searchParams.set('bulwark-run', String(++runs));
  url.searchParams.set('bulwark-root', root);
  return dynamicImport(url.href);
}
