// Preloaded into every Node process of a profiled command (NODE_OPTIONS=--require, which reaches the policy pack
// processes the command starts, where --cpu-prof cannot): records a CPU profile of the whole process and the
// phase marks it made (`bulwark:*` on Node's performance timeline), and writes both to BULWARK_PROFILE_DIR when
// the process exits, on SIGTERM too (how bulwark stops its packs; while profiling, a pack exits on it).
'use strict';
const fs = require('node:fs');
const inspector = require('node:inspector');
const path = require('node:path');
const { performance } = require('node:perf_hooks');

const directory = process.env.BULWARK_PROFILE_DIR;
if (directory) {
  // The profile's clock (microseconds, monotonic) and the performance timeline's, read at the same moment.
  const clock = { monotonicUs: Number(process.hrtime.bigint() / 1000n), performanceMs: performance.now() };
  const session = new inspector.Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 1000 });
  session.post('Profiler.start');
  // The first line a pack prints is its port: it serves from then on.
  const write = process.stdout.write.bind(process.stdout);
  let serving;
  process.stdout.write = (chunk, ...rest) => {
    serving ??= performance.now();
    return write(chunk, ...rest);
  };
  let written = false;
  const save = () => {
    if (written) return;
    written = true;
    session.post('Profiler.stop', (error, result) => {
      if (error) return;
      const marks = performance.getEntriesByType('mark').map((mark) => ({ name: mark.name, ms: mark.startTime }));
      if (serving !== undefined) marks.push({ name: 'pack:serving', ms: serving });
      const role = process.argv.some((arg) => arg.includes('run-policy-pack')) ? 'pack' : 'bulwark';
      fs.writeFileSync(path.join(directory, `${role}-${process.pid}.json`), JSON.stringify({ role, argv: process.argv, clock, marks, profile: result.profile }));
    });
  };
  process.on('exit', save);
  process.on('SIGTERM', () => {
    save();
    process.exit(0);
  });
}
