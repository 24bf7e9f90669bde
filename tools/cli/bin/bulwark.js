#!/usr/bin/env node
// The bulwark command. Runs from a fresh install with no build step: its TypeScript sources are transpiled on
// load (swc, no type-check: the `typecheck` target does that once).
'use strict';
require('@bulwark/offline/typescript-hook').registerTypeScript();
require('../src/main.ts')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
