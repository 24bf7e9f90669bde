// bench/RESULTS.md, where each benchmark keeps one `## ` section: recording a run replaces that section (or appends
// it), leaving the other benchmarks' sections as they are.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { ROOT } = require('./generated-program.cjs');

const RESULTS = path.join(ROOT, 'bench', 'RESULTS.md');

/** Writes `text` (starting with its `heading` line) as the section `heading` of bench/RESULTS.md. */
function recordSection(heading, text) {
  const existing = fs.existsSync(RESULTS) ? fs.readFileSync(RESULTS, 'utf8') : '# Benchmark results\n\n';
  const start = existing.indexOf(heading);
  let updated;
  if (start < 0) updated = `${existing.trimEnd()}\n\n${text}`;
  else {
    const next = existing.indexOf('\n## ', start + heading.length);
    updated = existing.slice(0, start) + text + (next < 0 ? '' : existing.slice(next + 1));
  }
  fs.writeFileSync(RESULTS, updated.endsWith('\n') ? updated : `${updated}\n`);
}

module.exports = { recordSection, RESULTS };
