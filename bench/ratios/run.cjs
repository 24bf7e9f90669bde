// The issue 13 and issue 10 targets as ratios, each measured against its floor in the same run (this machine is
// shared and its load changes from minute to minute: absolute seconds do not compare across runs, ratios do):
//
//   ordinary stack   `bulwark check stacks/network` (default mode: both)      <= 2x   the load floor
//   five stacks      `bulwark preview` (npm start's, workspace packs, both)    <= 3x   the load floor
//   10,000 resources `bulwark check --mode preview`                            <= 1.5x the SDK setMocks floor
//                    peak memory, bulwark and pack processes together          <= 1.5 GB
//   modes            `bulwark check` (both) / `--mode preview`, at 1,000 and 10,000 resources   <= 1.6x
//
// The load floor is a bare `node` loading @pulumi/pulumi and @pulumi/aws once; the SDK setMocks floor is the same
// generated program under the SDK's own mocks, recording nothing (bench/lib/generated-program.cjs). Small runs are
// interleaved (floor, stack, five stacks, repeated) and their medians compared; the scale runs go once each by
// default. One warm-up run of each fills the caches a developer's second run has (the compile cache, the OS file
// cache). Prints the figures and verdicts, and records them in bench/RESULTS.md with the processor and the load.
//
// usage: node bench/ratios/run.cjs [--repeat N] [--scale-repeat N] [--sizes 1000,10000] [--scale-only] [--no-record]
// (--scale-only: only the scale rows, for measuring the 10k path alone; it never records, the small rows being absent)
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { option } = require('../lib/arguments.cjs');
const { measure, median } = require('../lib/measure.cjs');
const { ROOT, writeCheckProgram, writeSdkFloorProgram } = require('../lib/generated-program.cjs');
const { recordSection } = require('../lib/results-file.cjs');

const BULWARK = path.join(ROOT, 'tools', 'cli', 'bin', 'bulwark.js');
const SECTION = '## Ratios: start-up, scale and modes';
const GB = 1024 ** 3;
const TARGETS = { stack: 2, preview: 3, scale: 1.5, peakBytes: 1.5 * GB, modes: 1.6 };

const repeat = Number(option('repeat', '5'));
const scaleRepeat = Number(option('scale-repeat', '1'));
const sizes = option('sizes', '1000,10000').split(',').map(Number).filter((size) => size > 0);
const scaleOnly = process.argv.includes('--scale-only');
const record = !process.argv.includes('--no-record') && !scaleOnly;

const node = (args, options) => measure(process.execPath, args, { cwd: ROOT, ...options });
const loadFloor = () => node(['-e', "require('@pulumi/pulumi'); require('@pulumi/aws')"], { accept: [0] });
const checkNetwork = () => node([BULWARK, 'check', 'stacks/network', '--format', 'json']);
const previewAll = () => node([BULWARK, 'preview', '--format', 'json']);

/** The processor, as lscpu names it. */
function processor() {
  try {
    const model = /^Model name:\s*(.+)$/m.exec(execFileSync('lscpu', { encoding: 'utf8' }));
    if (model) return `${model[1].trim()}, ${os.cpus().length} cores`;
  } catch {
    // No lscpu: Node's view of it.
  }
  return `${os.cpus()[0]?.model ?? 'unknown'}, ${os.cpus().length} cores`;
}

const seconds = (value) => `${value.toFixed(2)} s`;
const megabytes = (bytes) => `${Math.round(bytes / 1024 ** 2)} MB`;

async function small() {
  // Warm-up: the compile cache, the OS file cache, the pack build check.
  await loadFloor();
  await checkNetwork();
  await previewAll();
  const runs = { floor: [], stack: [], preview: [] };
  const cpu = { floor: [], stack: [], preview: [] };
  let packs = 0;
  let resources = { stack: 0, preview: 0 };
  for (let round = 1; round <= repeat; round++) {
    const floor = await loadFloor();
    runs.floor.push(floor.seconds);
    cpu.floor.push(floor.cpuSeconds);
    const stack = await checkNetwork();
    runs.stack.push(stack.seconds);
    cpu.stack.push(stack.cpuSeconds);
    const preview = await previewAll();
    runs.preview.push(preview.seconds);
    cpu.preview.push(preview.cpuSeconds);
    const report = JSON.parse(preview.stdout);
    packs = report.packs.length;
    resources = { stack: JSON.parse(stack.stdout).summary.resources, preview: report.summary.resources };
    console.log(
      `round ${round}: floor ${seconds(floor.seconds)} (CPU ${seconds(floor.cpuSeconds)}), network ${seconds(stack.seconds)} ` +
        `(CPU ${seconds(stack.cpuSeconds)}), preview ${seconds(preview.seconds)} (CPU ${seconds(preview.cpuSeconds)})`,
    );
  }
  const cpuMedians = { floor: median(cpu.floor), stack: median(cpu.stack), preview: median(cpu.preview) };
  return { floor: median(runs.floor), stack: median(runs.stack), preview: median(runs.preview), cpu: cpuMedians, packs, resources, runs };
}

async function scale(scratch) {
  const rows = [];
  for (const size of sizes) {
    const program = writeCheckProgram(path.join(scratch, String(size)), size);
    const floorScript = writeSdkFloorProgram(path.join(scratch, `floor-${size}`), size);
    const pack = path.join(ROOT, 'policies', 'aws-security');
    const check = (...extra) => node([BULWARK, 'check', program, '--policy-pack', pack, '--format', 'json', ...extra]);
    const floor = () => node(['-r', '@bulwark/offline/register', floorScript], { accept: [0] });
    const samples = { floor: [], single: [], both: [] };
    for (let round = 1; round <= scaleRepeat; round++) {
      samples.floor.push(await floor());
      samples.single.push(await check('--mode', 'preview'));
      samples.both.push(await check());
    }
    const pick = (list) => ({
      seconds: median(list.map((run) => run.seconds)),
      cpuSeconds: median(list.map((run) => run.cpuSeconds)),
      peak: Math.max(...list.map((run) => run.peak)),
    });
    const row = { size, floor: pick(samples.floor), single: pick(samples.single), both: pick(samples.both) };
    row.analyzed = JSON.parse(samples.both[0].stdout).summary.resources;
    rows.push(row);
    const describe = (run) => `${seconds(run.seconds)} (CPU ${seconds(run.cpuSeconds)}, ${megabytes(run.peak)})`;
    console.log(`${size} resources: SDK floor ${describe(row.floor)}, check --mode preview ${describe(row.single)}, check ${describe(row.both)}`);
  }
  return rows;
}

function verdict(label, value, target, format = (number) => `${number.toFixed(2)}x`) {
  const met = value <= target;
  return { met, text: `${label}: ${format(value)} (target <= ${format(target)}): ${met ? 'met' : 'MISSED'}` };
}

function recordResults({ date, cpu, loadBefore, loadAfter, smallRuns, rows, verdicts }) {
  const lines = [
    SECTION,
    '',
    `Measured ${date} with \`node bench/ratios/run.cjs\` on ${cpu}, Node ${process.version}; load average ` +
      `${loadBefore} before, ${loadAfter} after (the machine is shared: the ratios are what compare across runs).`,
    `Small runs: medians of ${repeat} interleaved rounds after one warm-up; scale runs: ${scaleRepeat} round(s). Wall time of whole processes;`,
    'peak memory is the resident set of the command and every process it started, sampled every 50 ms.',
    '',
    '| Run | Wall time | Wall ratio | CPU time (all processes) | CPU ratio | Peak memory |',
    '|---|---:|---:|---:|---:|---:|',
    `| load floor: \`node\` loading @pulumi/pulumi and @pulumi/aws | ${seconds(smallRuns.floor)} | 1 | ${seconds(smallRuns.cpu.floor)} | 1 | |`,
    `| \`bulwark check stacks/network\` (${smallRuns.resources.stack} resources, both modes) | ${seconds(smallRuns.stack)} | ${(smallRuns.stack / smallRuns.floor).toFixed(2)}x | ${seconds(smallRuns.cpu.stack)} | ${(smallRuns.cpu.stack / smallRuns.cpu.floor).toFixed(2)}x | |`,
    `| \`bulwark preview\` (5 stacks, ${smallRuns.resources.preview} resources, ${smallRuns.packs} pack(s), both modes) | ${seconds(smallRuns.preview)} | ${(smallRuns.preview / smallRuns.floor).toFixed(2)}x | ${seconds(smallRuns.cpu.preview)} | ${(smallRuns.cpu.preview / smallRuns.cpu.floor).toFixed(2)}x | |`,
    ...rows.flatMap((row) => {
      const line = (label, run) =>
        `| ${label} | ${seconds(run.seconds)} | ${(run.seconds / row.floor.seconds).toFixed(2)}x | ${seconds(run.cpuSeconds)} | ${(run.cpuSeconds / row.floor.cpuSeconds).toFixed(2)}x | ${megabytes(run.peak)} |`;
      return [
        line(`SDK setMocks floor, ${row.size} resources`, row.floor),
        line(`\`bulwark check --mode preview\`, ${row.size} resources`, row.single),
        line(`\`bulwark check\` (both modes), ${row.size} resources`, row.both),
      ];
    }),
    '',
    ...verdicts.map((line) => `- ${line.text}`),
    '',
  ].join('\n');
  recordSection(SECTION, lines);
}

async function main() {
  const loadBefore = os.loadavg().map((load) => load.toFixed(1)).join(' ');
  const cpu = processor();
  console.log(`${cpu}; Node ${process.version}; load average ${loadBefore}`);
  const smallRuns = scaleOnly ? undefined : await small();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-ratios-'));
  let rows;
  try {
    rows = await scale(scratch);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  const loadAfter = os.loadavg().map((load) => load.toFixed(1)).join(' ');
  const verdicts = smallRuns
    ? [
        verdict(`ordinary stack (network) / load floor`, smallRuns.stack / smallRuns.floor, TARGETS.stack),
        verdict(`five-stack preview (${smallRuns.packs} pack(s)) / load floor`, smallRuns.preview / smallRuns.floor, TARGETS.preview),
      ]
    : [];
  const largest = rows.find((row) => row.size === 10000);
  if (largest) {
    verdicts.push(verdict('check at 10,000 resources (--mode preview) / SDK setMocks floor', largest.single.seconds / largest.floor.seconds, TARGETS.scale));
    verdicts.push(verdict('peak memory at 10,000 resources, both modes', largest.both.peak, TARGETS.peakBytes, (bytes) => `${(bytes / GB).toFixed(2)} GB`));
  }
  for (const row of rows) verdicts.push(verdict(`both modes / one mode at ${row.size} resources`, row.both.seconds / row.single.seconds, TARGETS.modes));
  console.log('');
  verdicts.forEach((line) => console.log(line.text));
  if (record) recordResults({ date: new Date().toISOString().slice(0, 10), cpu, loadBefore, loadAfter, smallRuns, rows, verdicts });
  process.exitCode = verdicts.every((line) => line.met) ? 0 : 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 2;
});
