#!/usr/bin/env node
/**
 * Splits a stack's pack config (`policy-config.json`: pack names to each pack's config) into one file per pack,
 * because the Pulumi CLI takes one `--policy-pack-config` file per `--policy-pack`:
 *
 *   node tools/nx-pulumi/bin/split-pack-config.cjs <config-file> <out-dir> <pack-name>...
 *
 * writes `<out-dir>/<pack-name>.json` for each pack. Which section is whose (`{}` for a pack without one, so its
 * defaults apply; a key that is not a pack name is an error naming the file, since a typo would otherwise configure
 * nothing; with one pack the whole file is its config) is @bulwark/workspace's packConfigSections, the rule
 * `bulwark check` and `bulwark preview` read the same file by: this script only writes the sections out.
 * Run by plain node before `pulumi preview`, so it registers the TypeScript hook `bulwark` registers
 * (bin/bulwark.js) to load @bulwark/workspace's public entry.
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
require('@bulwark/offline/typescript-hook').registerTypeScript();
const { WorkspaceError, packConfigSections, readPackConfig } = require('@bulwark/workspace');

let sections;
try {
  const absolute = path.resolve(file);
  sections = packConfigSections(readPackConfig(absolute), packs, absolute);
} catch (error) {
  if (!(error instanceof WorkspaceError)) throw error;
  fail(error.message);
}
fs.mkdirSync(outDir, { recursive: true });
packs.forEach((pack, index) => fs.writeFileSync(path.join(outDir, `${pack}.json`), `${JSON.stringify(sections[index], null, 2)}\n`));
