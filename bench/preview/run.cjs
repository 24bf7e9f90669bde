// Peak memory and wall time of `bulwark preview` (default mode: both, the workspace packs) over the five workspace
// stacks, and over a workspace of the five plus a generated large stack (bench/lib/generated-program.cjs) named
// so that it runs second: after a small stack, before the others. That order is where a pack process could sit
// idle beside a large run (the packs the small stack used) or carry what it grew to into the next stack's run
// (pack-set.ts, evaluate-stack.ts). Peak memory is the resident set of bulwark and every process it started,
// sampled every 50 ms. Each workspace is previewed once first, untimed: that run records the stacks' sizes, which
// decide whether their packs start beside their runs (run-sizes.ts), and fills the compile cache.
//
// usage: node bench/preview/run.cjs [--size 10000] [--repeat 1] [--no-record]
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { option } = require('../lib/arguments.cjs');
const { measure, median } = require('../lib/measure.cjs');
const { ROOT, writeCheckProgram } = require('../lib/generated-program.cjs');
const { recordSection } = require('../lib/results-file.cjs');

const BULWARK = path.join(ROOT, 'tools', 'cli', 'bin', 'bulwark.js');
const SECTION = '## bulwark preview: peak memory';
const STACKS = ['baseline', 'compute', 'data', 'edge', 'network'];
// Sorts after "baseline" and before the others: orderByConsumes keeps the directory order where nothing is consumed.
const GENERATED = 'bulk';

const size = Number(option('size', '10000'));
const repeat = Number(option('repeat', '1'));
const record = !process.argv.includes('--no-record');

/** A workspace of the five stacks (linked) and a generated stack of `resources` resources, with the workspace packs. */
function writeWorkspace(directory, resources) {
  fs.mkdirSync(path.join(directory, 'stacks'), { recursive: true });
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(directory, 'node_modules'), 'dir');
  fs.symlinkSync(path.join(ROOT, 'policies'), path.join(directory, 'policies'), 'dir');
  fs.writeFileSync(path.join(directory, 'package.json'), JSON.stringify({ name: 'bench-workspace', private: true, workspaces: ['stacks/*'] }));
  // Copied, not linked: stack discovery takes directories only. Their imports resolve through the linked node_modules.
  for (const stack of STACKS) {
    fs.cpSync(path.join(ROOT, 'stacks', stack), path.join(directory, 'stacks', stack), { recursive: true, filter: (source) => path.basename(source) !== 'node_modules' });
  }
  const generated = writeCheckProgram(path.join(directory, 'stacks', GENERATED), resources);
  fs.writeFileSync(path.join(generated, 'Pulumi.yaml'), `name: ${GENERATED}\nruntime: nodejs\n`);
  fs.writeFileSync(
    path.join(generated, 'package.json'),
    JSON.stringify({ name: `@bench/${GENERATED}`, version: '0.0.0', private: true, nx: { name: GENERATED }, bulwark: { consumes: [] } }),
  );
  return directory;
}

/** `bulwark preview` of a workspace: one untimed run, then `repeat` measured ones (the highest peak, the median time). */
async function preview(workspace, sizes) {
  const env = { ...process.env, BULWARK_RUN_SIZES: sizes };
  const run = () => measure(process.execPath, [BULWARK, 'preview', '--workspace', workspace, '--format', 'json'], { cwd: ROOT, env });
  await run();
  const runs = [];
  for (let round = 0; round < repeat; round++) runs.push(await run());
  const report = JSON.parse(runs[0].stdout);
  return {
    stacks: report.stacks.map((stack) => stack.project),
    resources: report.summary.resources,
    seconds: median(runs.map((one) => one.seconds)),
    cpuSeconds: median(runs.map((one) => one.cpuSeconds)),
    peak: Math.max(...runs.map((one) => one.peak)),
  };
}

const megabytes = (bytes) => `${Math.round(bytes / 1024 ** 2)} MB`;

async function main() {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-preview-bench-'));
  const rows = [];
  try {
    const sizes = path.join(scratch, 'run-sizes.json');
    const five = await preview(ROOT, sizes);
    rows.push({ label: `five stacks (${five.resources} resources)`, ...five });
    console.log(`five stacks: ${five.seconds.toFixed(2)} s (CPU ${five.cpuSeconds.toFixed(2)} s), peak ${megabytes(five.peak)}`);
    if (size > 0) {
      const workspace = writeWorkspace(path.join(scratch, 'workspace'), size);
      const large = await preview(workspace, sizes);
      rows.push({ label: `five stacks and a generated ${size}-resource stack, in the order ${large.stacks.join(', ')} (${large.resources} resources)`, ...large });
      console.log(`with ${size} resources (${large.stacks.join(', ')}): ${large.seconds.toFixed(2)} s (CPU ${large.cpuSeconds.toFixed(2)} s), peak ${megabytes(large.peak)}`);
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  if (!record) return;
  recordSection(
    SECTION,
    [
      SECTION,
      '',
      `Measured ${new Date().toISOString().slice(0, 10)} with \`node bench/preview/run.cjs\` on ${os.cpus().length} cores, Node ${process.version};`,
      `load average ${os.loadavg().map((load) => load.toFixed(1)).join(' ')} after. \`bulwark preview\` (both modes, workspace packs), after one untimed`,
      `run that records the stacks' sizes; ${repeat} measured run(s). Peak memory: bulwark and every process it started, sampled every 50 ms.`,
      '',
      '| Workspace | Wall time | CPU time (all processes) | Peak memory |',
      '|---|---:|---:|---:|',
      ...rows.map((row) => `| ${row.label} | ${row.seconds.toFixed(2)} s | ${row.cpuSeconds.toFixed(2)} s | ${megabytes(row.peak)} |`),
      '',
    ].join('\n'),
  );
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 2;
});
