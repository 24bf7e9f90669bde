// Benchmark of `bulwark check` as a whole process on generated programs of 100, 1,000 and 10,000 resources.
// Records wall time and peak memory (resident set of the bulwark process and its policy pack process together,
// sampled every 50 ms from /proc) into bench/RESULTS.md. Targets: 10,000 resources in at most 20 s and
// 1.5 GB, and the 10,000 run at most 12 times the 1,000 run.
//
// usage: node bench/check/run.cjs [SIZES...]      (BULWARK_BENCH_PACK=DIR to use another policy pack)
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { setInterval, clearInterval } = require('node:timers');
const { treeResidentBytes } = require('../lib/measure.cjs');

const ROOT = path.resolve(__dirname, '..', '..');
const BULWARK = path.join(ROOT, 'tools', 'cli', 'bin', 'bulwark.js');
// The workspace pack by default: all of its rules, over gRPC, as `npm start` runs them.
const PACK = process.env.BULWARK_BENCH_PACK ? path.resolve(process.env.BULWARK_BENCH_PACK) : path.join(ROOT, 'policies', 'aws-security');
const RESULTS = path.join(ROOT, 'bench', 'RESULTS.md');
const SECTION = '## bulwark check';
const TARGET_SECONDS = 20;
const TARGET_BYTES = 1.5 * 1024 ** 3;
const TARGET_GROWTH = 12;

/** A program registering `resources` resources: groups of a tagged bucket, its versioning and a log group. */
function writeProgram(directory, resources) {
  fs.mkdirSync(directory, { recursive: true });
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(directory, 'node_modules'), 'dir');
  fs.writeFileSync(path.join(directory, 'Pulumi.yaml'), 'name: bench\nruntime: nodejs\n');
  // The root stack and the default provider count too.
  const groups = Math.floor((resources - 2) / 3);
  const extra = resources - 2 - groups * 3;
  fs.writeFileSync(
    path.join(directory, 'index.ts'),
    [
      "import * as aws from '@pulumi/aws';",
      `for (let index = 0; index < ${groups}; index++) {`,
      "  const bucket = new aws.s3.Bucket(`data-${index}`, { tags: { Owner: 'bench' } });",
      "  new aws.s3.BucketVersioning(`data-${index}`, { bucket: bucket.id, versioningConfiguration: { status: 'Enabled' } });",
      '  new aws.cloudwatch.LogGroup(`logs-${index}`, { retentionInDays: 365 });',
      '}',
      `for (let index = 0; index < ${extra}; index++) new aws.cloudwatch.LogGroup(\`extra-\${index}\`, { retentionInDays: 365 });`,
      '',
    ].join('\n'),
  );
}

function measure(directory) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [BULWARK, 'check', directory, '--policy-pack', PACK, '--format', 'json'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let peak = 0;
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const sampler = setInterval(() => (peak = Math.max(peak, treeResidentBytes(child.pid))), 50);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(sampler);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      // 0 (no mandatory finding) and 1 (mandatory findings) are both complete evaluations; 2 is an error.
      if (code !== 0 && code !== 1) {
        reject(new Error(`bulwark check exited ${code}:\n${stderr}`));
        return;
      }
      const report = JSON.parse(stdout);
      resolve({ seconds, peak, resources: report.summary.resources, findings: report.summary.mandatory + report.summary.advisory });
    });
  });
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
  const existing = fs.existsSync(RESULTS) ? fs.readFileSync(RESULTS, 'utf8') : '# Benchmark results\n\n';
  const start = existing.indexOf(SECTION);
  let updated;
  if (start < 0) updated = `${existing.trimEnd()}\n\n${table}`;
  else {
    const next = existing.indexOf('\n## ', start + SECTION.length);
    updated = existing.slice(0, start) + table + (next < 0 ? '' : existing.slice(next + 1));
  }
  fs.writeFileSync(RESULTS, updated.endsWith('\n') ? updated : `${updated}\n`);
}

async function main() {
  const sizes = process.argv.slice(2).map(Number);
  const selected = sizes.length > 0 ? sizes : [100, 1000, 10000];
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-bench-'));
  const rows = [];
  try {
    for (const size of selected) {
      const directory = path.join(scratch, String(size));
      writeProgram(directory, size);
      const result = await measure(directory);
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
