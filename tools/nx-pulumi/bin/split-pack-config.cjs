#!/usr/bin/env node
/**
 * Splits a stack's pack config (`policy-config.json`: pack names to each pack's config) into one file per pack,
 * because the Pulumi CLI takes one `--policy-pack-config` file per `--policy-pack`:
 *
 *   node tools/nx-pulumi/bin/split-pack-config.cjs <config-file> <out-dir> <pack-name>...
 *
 * writes `<out-dir>/<pack-name>.json` for each pack (`{}` for a pack without a section, so its defaults apply). A
 * key that is not one of the pack names is an error naming the file: a typo would otherwise configure nothing.
 * Plain JavaScript so that nx targets can run it before `pulumi preview` without a TypeScript loader.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

function fail(message) {
  process.stderr.write(`split-pack-config: ${message}\n`);
  process.exit(2);
}

const [file, outDir, ...packs] = process.argv.slice(2);
if (!file || !outDir || packs.length === 0) fail('usage: split-pack-config.cjs <config-file> <out-dir> <pack-name>...');
let document;
try {
  document = JSON.parse(fs.readFileSync(file, 'utf8'));
} catch (error) {
  fail(`${path.resolve(file)}: ${error.message}`);
}
if (!document || typeof document !== 'object' || Array.isArray(document)) fail(`${path.resolve(file)}: must be a JSON object of pack names to pack configs`);
const unknown = Object.keys(document).filter((key) => !packs.includes(key));
if (unknown.length > 0) fail(`${path.resolve(file)}: keys must be pack names (${packs.join(', ')}); unknown: ${unknown.join(', ')}`);
fs.mkdirSync(outDir, { recursive: true });
for (const pack of packs) {
  const section = document[pack] ?? {};
  if (!section || typeof section !== 'object' || Array.isArray(section)) fail(`${path.resolve(file)}: "${pack}" must be a JSON object of policy names to config`);
  fs.writeFileSync(path.join(outDir, `${pack}.json`), `${JSON.stringify(section, null, 2)}\n`);
}
