/**
 * Loads TypeScript programs the way the Pulumi language host does (a compiler registered before the entry is
 * required), transpile-only with swc: see `typescript-hook.js` at the package root, shared with the `bulwark`
 * command's own start-up.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const hook = require('../../typescript-hook.js') as { registerTypeScript(): void };

/** Registers the swc compiler for `.ts` files unless another loader already handles them. */
export function registerTypeScript(): void {
  hook.registerTypeScript();
}
