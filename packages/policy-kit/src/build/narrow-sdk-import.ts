import type { Plugin } from 'esbuild';

/** Is `specifier` the policy SDK or one of its files (`@pulumi/policy`, `@pulumi/policy/proxy`, ...)? */
export function isPolicySdk(specifier: string): boolean {
  return specifier === '@pulumi/policy' || specifier.startsWith('@pulumi/policy/');
}

const NAMESPACE = 'policy-sdk-pulumi-root';

/**
 * What the policy SDK's `require("@pulumi/pulumi")` becomes in a bundle: the two members it reads
 * (`deserialize.js` in @pulumi/policy 1.21: `asset.*` classes and `Output.isInstance`), taken from the very files
 * the SDK root re-exports them from, so they are the same classes. A member it did not read before (a later
 * @pulumi/policy) loads the whole root, as the plain `require` did: nothing the SDK sees changes, only when the
 * root is loaded.
 */
const NARROW_ROOT = [
  "const asset = require('@pulumi/pulumi/asset');",
  "const { Output } = require('@pulumi/pulumi/output');",
  'const narrow = { asset, Output };',
  "module.exports = new Proxy(narrow, { get: (target, key) => (key in target ? target[key] : require('@pulumi/pulumi')[key]) });",
].join('\n');

/**
 * The policy SDK requires the whole `@pulumi/pulumi` root for two members, and that root loads the automation API
 * and the closure serializer with npm's arborist, pacote and sigstore: measured with `node bench/profile/run.cjs`, about
 * 590 of the 1,000 files and 0.45 of the 1.2 s a pack process took to print its port. Inlined in the bundle, the SDK's root import is
 * narrowed to {@link NARROW_ROOT}; everything else the SDK requires (`@pulumi/pulumi/proto/*`, `@grpc/grpc-js`,
 * `google-protobuf`) stays a run-time `require`, shared with what the runner already loaded.
 */
export function narrowPolicySdkRootImport(packRoot: string): Plugin {
  return {
    name: 'narrow-policy-sdk-root-import',
    setup(context) {
      context.onResolve({ filter: /^@pulumi\/pulumi$/ }, (args) =>
        /[/\\]node_modules[/\\]@pulumi[/\\]policy[/\\]/.test(args.importer) ? { path: '@pulumi/pulumi', namespace: NAMESPACE } : undefined,
      );
      context.onLoad({ filter: /.*/, namespace: NAMESPACE }, () => ({ contents: NARROW_ROOT, loader: 'js', resolveDir: packRoot }));
    },
  };
}
