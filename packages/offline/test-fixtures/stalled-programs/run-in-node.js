// Runs one program directory with runProgram in a plain Node process (as the bulwark command does, where Node
// can run out of work) and prints the outcome as one JSON line: test runners keep Node busy and take over
// unhandled rejections, so a run that never finishes is tested here.
'use strict';
require('../../register');
const { runProgram } = require('../../src/index.ts');

const [directory, mode] = process.argv.slice(2);
runProgram(directory, { mode }).then(
  (result) => console.log(JSON.stringify({ finished: true, resources: result.resources.length })),
  (error) => console.log(JSON.stringify({ name: error.name, message: error.message, failures: error.failures })),
);
