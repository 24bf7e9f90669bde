#!/usr/bin/env node
// Adds lockfile entries for platform-specific optional packages that `npm install` left out.
//
// Why: the npm registry reachable from our build machines serves only the Linux builds of packages such as
// @swc/core, nx and @unrs/resolver-binding. `npm install` silently drops the other platforms' optional
// packages from package-lock.json, and `npm ci` then refuses the lockfile ("Missing: ... from lock file").
// A lockfile written where the whole registry is reachable lists them all; this restores those entries
// (version, `optional`, and the `os`/`cpu` the package name declares), so `npm ci` accepts the lockfile and
// skips them on platforms they are not for. Run it after every `npm install`: `node scripts/complete-lockfile.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';

const lockPath = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const packages = lock.packages;

const OS = { darwin: 'darwin', linux: 'linux', win32: 'win32', freebsd: 'freebsd', android: 'android', openbsd: 'openbsd', sunos: 'sunos', aix: 'aix', netbsd: 'netbsd', wasm32: undefined };
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'ppc64', 's390x', 'riscv64', 'loong64', 'mips64el', 'wasm32'];

/** The `os`, `cpu` and `libc` a platform package's name declares (`@swc/core-linux-arm64-musl`). */
function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const result = {};
  for (const part of parts) {
    if (part in OS && OS[part]) result.os = [OS[part]];
    if (CPU.includes(part)) result.cpu = [part === 'wasm32' ? 'wasm32' : part];
    if (part === 'gnu' || part === 'gnueabihf') result.libc = ['glibc'];
    if (part === 'musl' || part === 'musleabihf') result.libc = ['musl'];
    if (part === 'eabi' && parts.includes('android')) result.cpu = ['arm'];
  }
  return result;
}

/** Where a dependency of the package at `location` resolves, as node resolution walks up node_modules folders. */
function resolves(location, name) {
  let base = location;
  for (;;) {
    if (packages[`${base ? `${base}/` : ''}node_modules/${name}`]) return true;
    if (!base) return false;
    const index = base.lastIndexOf('node_modules/');
    base = index <= 0 ? '' : base.slice(0, index - 1);
  }
}

let added = 0;
for (const [location, entry] of Object.entries({ ...packages })) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    if (resolves(location, name)) continue;
    const platform = platformOf(name);
    if (!platform.os && !platform.cpu) continue; // not a platform package: leave it to npm
    packages[`node_modules/${name}`] = { version, optional: true, ...platform };
    added++;
  }
}
const sorted = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)));
lock.packages = sorted;
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: added ${added} platform package entr${added === 1 ? 'y' : 'ies'}`);
