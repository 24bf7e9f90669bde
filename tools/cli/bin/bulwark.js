#!/usr/bin/env node
// The bulwark command. Runs from a fresh install with no build step: its TypeScript sources are transpiled on
// load (swc, no type-check: the `typecheck` target does that once).
'use strict';
const fs = require('node:fs');

// The exit code comes from main() only, once it has printed or written its report. Any other way out (Node
// running out of work, a program calling process.exit, an exception nothing caught) exits 2, never 0 or 1:
// nothing was judged.
let finished = false;
let exitCalled;
const exit = process.exit.bind(process);
process.exit = (code) => {
  if (exitCalled === undefined) {
    // The engine turns stack traces off while a program runs: turn them on to say who called.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 10;
    const caller = new Error('process.exit').stack.split('\n')[2];
    Error.stackTraceLimit = limit;
    exitCalled = `process.exit(${code ?? ''}) was called${caller ? ` ${caller.trim()}` : ''}`;
  }
  return exit(code);
};
process.on('exit', (code) => {
  if (finished) return;
  const why = exitCalled ?? (code ? `exit code ${code}` : 'nothing was left to run');
  fs.writeSync(2, `error: bulwark stopped before it finished (${why}): nothing was judged and no report was written\n`);
  process.exitCode = 2;
});

// First, so that every module after it (swc, the engine, the SDK, the program) compiles through it.
require('@bulwark/offline/code-cache').installCodeCache();
require('@bulwark/offline/typescript-hook').registerTypeScript();
// Before anything loads @pulumi/pulumi: what it loads only to serialize functions is loaded when it does.
require('../src/lazy-sdk-modules.ts').deferSdkModules();
require('../src/main.ts')
  .main(process.argv.slice(2))
  .then(
    (code) => {
      finished = true;
      process.exitCode = code;
    },
    (error) => {
      finished = true;
      process.stderr.write(`error: ${error && error.stack ? error.stack : String(error)}\n`);
      process.exitCode = 2;
    },
  );
