// Where a bulwark command's time goes: runs it once to warm the caches, then once with a CPU profile of every
// process (bench/profile/cpu-profile.cjs, preloaded through NODE_OPTIONS so that the policy pack processes are
// profiled as well), and prints, per phase, its wall time, the CPU time spent in it and the packages that spent
// most of it. Phases: CLI load (process start until the packs were started), engine load, each program run and
// each analysis (per stack and mode; an update run overlaps the preview's analysis on a small stack), the report;
// in each pack process, its start (until it printed its port) and the rest (answering, or waiting).
//
// usage: node bench/profile/run.cjs [BULWARK ARGS...]       (default: check stacks/network --format json)
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { measure } = require('../lib/measure.cjs');

const ROOT = path.resolve(__dirname, '..', '..');
const BULWARK = path.join(ROOT, 'tools', 'cli', 'bin', 'bulwark.js');
const args = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['check', 'stacks/network', '--format', 'json'];

/** Who spent a sample: a package, a part of Node, or what V8 calls it (idle, garbage collector). */
function owner(frame) {
  if (!frame.url) return frame.functionName.startsWith('(') ? frame.functionName : `(${frame.functionName || 'native'})`;
  const inModules = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(frame.url);
  if (inModules) return inModules[1];
  if (frame.url.startsWith('node:')) return frame.url.startsWith('node:internal/modules') ? 'node: module loading' : 'node: other';
  const inRoot = frame.url.replace(/^file:\/\//, '');
  return path.relative(ROOT, inRoot).split(path.sep).slice(0, 2).join('/');
}

/** The samples of a profile as [monotonic µs, owner]. */
function samplesOf(profile) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const samples = [];
  let time = profile.startTime;
  profile.samples.forEach((id, index) => {
    time += profile.timeDeltas[index];
    samples.push([time, owner(nodes.get(id).callFrame), profile.timeDeltas[index]]);
  });
  return samples;
}

/** Wall, CPU (not idle) and the top owners of a window [fromUs, toUs). */
function window(samples, fromUs, toUs) {
  const byOwner = new Map();
  let cpu = 0;
  for (const [time, who, delta] of samples) {
    if (time < fromUs || time >= toUs || who === '(idle)') continue;
    cpu += delta;
    byOwner.set(who, (byOwner.get(who) || 0) + delta);
  }
  const top = [...byOwner].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([who, us]) => `${who} ${Math.round(us / 1000)}`);
  return { wallMs: Math.round((toUs - fromUs) / 1000), cpuMs: Math.round(cpu / 1000), top };
}

function phasesOf(recording, originUs) {
  const { clock, marks, profile } = recording;
  const startUs = clock.monotonicUs - clock.performanceMs * 1000;
  const at = (ms) => startUs + ms * 1000;
  const samples = samplesOf(profile);
  const endUs = profile.endTime;
  const phases = [];
  const add = (name, fromUs, toUs) => phases.push({ name, fromMs: Math.round((fromUs - originUs) / 1000), ...window(samples, fromUs, toUs) });
  if (recording.role === 'pack') {
    const serving = marks.find((mark) => mark.name === 'pack:serving');
    add('pack start (until it prints its port)', startUs, serving ? at(serving.ms) : endUs);
    if (serving) add('pack serving (answering or waiting)', at(serving.ms), endUs);
    return phases;
  }
  const mark = (name) => marks.find((entry) => entry.name === `bulwark:${name}`);
  const packsStarted = mark('packs-started');
  const engineLoaded = mark('engine-loaded');
  add('CLI load (until the packs are started)', startUs, packsStarted ? at(packsStarted.ms) : endUs);
  if (packsStarted && engineLoaded) add('engine load', at(packsStarted.ms), at(engineLoaded.ms));
  for (const begin of marks.filter((entry) => /^bulwark:(run|analysis)-start:/.test(entry.name))) {
    const [kind, what] = begin.name.replace('bulwark:', '').split('-start:');
    const end = marks.find((entry) => entry.name === `bulwark:${kind}-end:${what}` && entry.ms >= begin.ms);
    if (end) add(`${kind === 'run' ? 'program run' : 'analysis'} ${what}`, at(begin.ms), at(end.ms));
  }
  const last = Math.max(...marks.filter((entry) => entry.name.startsWith('bulwark:')).map((entry) => entry.ms));
  add('report and exit', at(last), endUs);
  phases.total = window(samples, startUs, endUs);
  return phases;
}

async function main() {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-profile-'));
  try {
    await measure(process.execPath, [BULWARK, ...args], { cwd: ROOT });
    const env = { ...process.env, BULWARK_PROFILE_DIR: directory, NODE_OPTIONS: `--require=${path.join(__dirname, 'cpu-profile.cjs')}` };
    const run = await measure(process.execPath, [BULWARK, ...args], { cwd: ROOT, env });
    const recordings = fs.readdirSync(directory).map((file) => JSON.parse(fs.readFileSync(path.join(directory, file), 'utf8')));
    const main = recordings.find((recording) => recording.role === 'bulwark');
    if (!main) throw new Error('the bulwark process wrote no profile');
    const originUs = main.clock.monotonicUs - main.clock.performanceMs * 1000;
    console.log(`bulwark ${args.join(' ')}: ${run.seconds.toFixed(2)} s wall, exit ${run.code}; load average ${os.loadavg().map((load) => load.toFixed(1)).join(' ')}`);
    console.log('phase | starts at ms | wall ms | CPU ms | CPU by owner (ms)');
    for (const recording of [main, ...recordings.filter((other) => other !== main)]) {
      const phases = phasesOf(recording, originUs);
      console.log(`-- ${recording.role} process (pid ${path.basename(String(recording.argv[1]))})${phases.total ? `: ${phases.total.cpuMs} ms CPU in all` : ''}`);
      for (const phase of phases) console.log(`${phase.name} | ${phase.fromMs} | ${phase.wallMs} | ${phase.cpuMs} | ${phase.top.join(', ')}`);
    }
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 2;
});
