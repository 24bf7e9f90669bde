#!/usr/bin/env node
// The bulwark command. Runs from a fresh install with no build step: its TypeScript sources are transpiled on
// load (swc, no type-check: the `typecheck` target does that once).
'use strict';
if (!require.extensions['.ts']) {
  require('ts-node').register({
    transpileOnly: true,
    skipProject: true,
    compiler: require.resolve('typescript'),
    transpiler: [require.resolve('ts-node/transpilers/swc'), { swc: require('@swc/core') }],
    compilerOptions: { target: 'es2022', module: 'commonjs', esModuleInterop: true },
  });
}
require('../src/main.ts')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
