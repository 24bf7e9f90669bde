#!/usr/bin/env node
// Benchmark: milliseconds per resource and peak memory of runProgram in preview mode, for 1,000 and 10,000
// synthetic resources. Each size runs in a fresh process so that peak memory is its own.
// The "SDK setMocks floor" row runs the same workload through the SDK's own mocks, recording nothing: the cost
// of the Pulumi SDK itself, which bounds what any offline runner can reach.
// Usage: node bench/run-program [sizes...]   (default: 1000 10000)
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const runs = sizes.length > 0 ? sizes : [1000, 10000];
const env = { ...process.env };

function measure(script, size) {
  const run = spawnSync(process.execPath, ['-r', '@bulwark/offline/register', path.join(__dirname, script), String(size)], {
    env,
    encoding: 'utf8',
    cwd: path.join(__dirname, '../..'),
  });
  if (run.status !== 0) {
    console.error(run.stderr || run.stdout);
    process.exit(1);
  }
  return JSON.parse(run.stdout.trim().split('\n').pop());
}

const row = (label, result) =>
  console.log(`${label.padEnd(22)} | ${String(result.resources).padStart(9)} | ${String(result.elapsedMs).padStart(8)} | ${String(result.msPerResource).padStart(11)} | ${String(result.peakRssMb).padStart(11)}`);

console.log(`${'run'.padEnd(22)} | resources | total ms | ms/resource | peak RSS MB`);
for (const size of runs) {
  row('runProgram (preview)', measure('workload.ts', size));
  row('SDK setMocks floor', measure('sdk-floor.ts', size));
}
