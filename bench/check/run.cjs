// Benchmark of `bulwark check` as a whole process on generated programs of 100, 1,000 and 10,000 resources.
// Records wall time and peak memory (resident set of the bulwark process and its policy pack process together,
// sampled every 50 ms from /proc) into bench/RESULTS.md. Targets: 10,000 resources in at most 20 s and
// 1.5 GB, and the 10,000 run at most 12 times the 1,000 run.
//
// usage: node bench/check/run.cjs [SIZES...]      (BULWARK_BENCH_PACK=DIR to use another policy pack)
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ROOT, writeCheckProgram } = require('../lib/generated-program.cjs');
const { measure } = require('../lib/measure.cjs');
const { recordSection } = require('../lib/results-file.cjs');

const BULWARK = path.join(ROOT, 'tools', 'cli', 'bin', 'bulwark.js');
// The workspace pack by default: all of its rules, over gRPC, as `npm start` runs them.
const PACK = process.env.BULWARK_BENCH_PACK ? path.resolve(process.env.BULWARK_BENCH_PACK) : path.join(ROOT, 'policies', 'aws-security');
const SECTION = '## bulwark check';
const TARGET_SECONDS = 20;
const TARGET_BYTES = 1.5 * 1024 ** 3;
const TARGET_GROWTH = 12;

/** One `bulwark check` of a program directory: wall seconds, peak memory, and what its JSON report counts. */
async function checkRun(directory) {
  // Exit 0 (no mandatory finding) and 1 (mandatory findings) are both complete evaluations; 2 is an error.
  const run = await measure(process.execPath, [BULWARK, 'check', directory, '--policy-pack', PACK, '--format', 'json']);
  const report = JSON.parse(run.stdout);
  return { seconds: run.seconds, peak: run.peak, resources: report.summary.resources, findings: report.summary.mandatory + report.summary.advisory };
}

function recordResults(rows, verdicts) {
  const table = [
    SECTION,
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} cores, Node ${process.version}, pack ${path.relative(ROOT, PACK)}`,
    '(`node bench/check/run.cjs`). Wall time of the whole `bulwark check` process; peak memory is the resident set of',
    'the bulwark process and its policy pack process together, sampled every 50 ms.',
    '',
    '| Resources registered | Analyzed | Findings | Wall time (s) | Peak memory (MB) |',
    '|---:|---:|---:|---:|---:|',
    ...rows.map((row) => `| ${row.size} | ${row.resources} | ${row.findings} | ${row.seconds.toFixed(2)} | ${(row.peak / 1024 ** 2).toFixed(0)} |`),
    '',
    ...verdicts.map((verdict) => `- ${verdict}`),
    '',
  ].join('\n');
  recordSection(SECTION, table);
}

async function main() {
  const sizes = process.argv.slice(2).map(Number);
  const selected = sizes.length > 0 ? sizes : [100, 1000, 10000];
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-bench-'));
  const rows = [];
  try {
    for (const size of selected) {
      const directory = path.join(scratch, String(size));
      writeCheckProgram(directory, size);
      const result = await checkRun(directory);
      rows.push({ size, ...result });
      console.log(`${size} resources: ${result.seconds.toFixed(2)} s, ${(result.peak / 1024 ** 2).toFixed(0)} MB`);
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  const verdicts = [];
  let failed = false;
  const largest = rows.find((row) => row.size === 10000);
  const thousand = rows.find((row) => row.size === 1000);
  if (largest) {
    const fast = largest.seconds <= TARGET_SECONDS;
    const small = largest.peak <= TARGET_BYTES;
    verdicts.push(`10,000 resources in ${largest.seconds.toFixed(1)} s (target <= ${TARGET_SECONDS} s): ${fast ? 'met' : 'MISSED'}`);
    verdicts.push(`10,000 resources in ${(largest.peak / 1024 ** 3).toFixed(2)} GB (target <= 1.5 GB): ${small ? 'met' : 'MISSED'}`);
    failed ||= !fast || !small;
    if (thousand) {
      const growth = largest.seconds / thousand.seconds;
      verdicts.push(`10,000 / 1,000 wall-time ratio ${growth.toFixed(1)} (target <= ${TARGET_GROWTH}): ${growth <= TARGET_GROWTH ? 'met' : 'MISSED'}`);
      failed ||= growth > TARGET_GROWTH;
    }
  }
  recordResults(rows, verdicts);
  verdicts.forEach((verdict) => console.log(verdict));
  process.exitCode = failed ? 1 : 0;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 2;
});
