import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { isPolicySdk, narrowPolicySdkRootImport } from './narrow-sdk-import';

export interface BundlePolicyPackOptions {
  /** The server entry, relative to the pack directory. */
  readonly entry?: string;
  /** The output file, relative to the pack directory: what package.json `main` names. */
  readonly outfile?: string;
}

/**
 * Inlines workspace packages (`@bulwark/*`, TypeScript sources Node cannot load) and the policy SDK (see
 * narrow-sdk-import.ts), and leaves every other package to `require` at run time, so the bundle needs exactly the
 * npm packages the pack declares (its spec checks that; the SDK's own run-time dependencies among them).
 */
const npmPackagesStayExternal: Plugin = {
  name: 'npm-packages-stay-external',
  setup(context) {
    // Bare specifiers only (esbuild filters are Go regular expressions: no look-ahead).
    context.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@bulwark/') || isPolicySdk(args.path) ? undefined : { path: args.path, external: true }));
  },
};

/**
 * Bundles `<packRoot>/<entry>` (default `index.ts`) into `<packRoot>/<outfile>` (default `bin/index.js`, its folder
 * emptied first): CommonJS for Node 20, with a source map. Throws with esbuild's messages when the entry does not
 * compile (esbuild's messages name the file and line).
 */
export async function bundlePolicyPack(packRoot: string, options: BundlePolicyPackOptions = {}): Promise<string> {
  const outfile = join(packRoot, options.outfile ?? join('bin', 'index.js'));
  rmSync(dirname(outfile), { recursive: true, force: true });
  await build({
    absWorkingDir: packRoot,
    entryPoints: [options.entry ?? 'index.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: true,
    plugins: [narrowPolicySdkRootImport(packRoot), npmPackagesStayExternal],
    logLevel: 'silent',
  });
  return outfile;
}
