/**
 * Loads TypeScript programs the way the Pulumi language host does (ts-node registered before the entry is
 * required), but transpile-only with swc: type errors are the `typecheck` target's business, and checking a
 * program that imports `@pulumi/aws` costs seconds per run.
 */
import type * as TsNode from 'ts-node';

/** True when something (ts-node, a test runner's transform) already compiles `.ts` files in this process. */
function typeScriptHandled(): boolean {
  const extensions = require.extensions as Record<string, unknown> | undefined;
  // Test runners load modules through their own module system (no `require.extensions`) and transform `.ts`.
  return !extensions || '.ts' in extensions;
}

/**
 * Registers ts-node (transpile-only, swc) for `.ts` files unless it or another loader is already registered.
 * The compiler and swc are resolved from bulwark's own install, so any program directory works.
 */
export function registerTypeScript(): void {
  if (typeScriptHandled()) return;
  /* eslint-disable @typescript-eslint/no-require-imports */
  const tsNode = require('ts-node') as typeof TsNode;
  tsNode.register({
    transpileOnly: true,
    skipProject: true,
    compiler: require.resolve('typescript'),
    transpiler: [require.resolve('ts-node/transpilers/swc'), { swc: require('@swc/core') }],
    // What the Pulumi language host uses when a program has no tsconfig.json, in CommonJS form.
    compilerOptions: { target: 'es2020', module: 'commonjs', esModuleInterop: true, experimentalDecorators: true },
  });
  /* eslint-enable @typescript-eslint/no-require-imports */
}
