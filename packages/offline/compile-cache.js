// @ts-check
/**
 * swc's output kept on disk, keyed by a hash of what decides it (the swc version, the options, which name the
 * file, and the source text), so that a module unchanged since the last run is not compiled again: the `bulwark`
 * command compiles about 150 TypeScript modules of its own, the engine's and the program's on every start. A key
 * never goes stale (any change to the source or the options is another key), so nothing is ever invalidated; an
 * unreadable or unwritable cache only means compiling, never a failure.
 *
 * Where: `BULWARK_COMPILE_CACHE` (a directory, or `off`), else `node_modules/.cache/bulwark-swc` in the
 * node_modules that holds @swc/core (the convention of build tools' caches: removed with node_modules), else the
 * system temporary directory.
 */
'use strict';

const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

/** @type {string | null | undefined} */
let directory;

/** The cache directory, or null when caching is off. */
function cacheDirectory() {
  if (directory !== undefined) return directory;
  return (directory = configuredCacheDirectory('BULWARK_COMPILE_CACHE', 'bulwark-swc'));
}

/**
 * A cache's directory as its environment variable sets it: null when `off` or `0`, the directory given, else
 * {@link toolCacheDirectory}'s `name`.
 * @param {string} variable
 * @param {string} name
 * @returns {string | null}
 */
function configuredCacheDirectory(variable, name) {
  const configured = process.env[variable];
  if (configured === 'off' || configured === '0') return null;
  if (configured) return path.resolve(configured);
  return toolCacheDirectory(name);
}

/**
 * Writes `data` to `file` whole: under another name, then renamed, so a process reading the entry never sees half
 * of it. Throws when it cannot.
 * @param {string} file
 * @param {string | Buffer} data
 */
function writeWhole(file, data) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(partial, data);
    fs.renameSync(partial, file);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
}

/**
 * Where a cache of bulwark's goes by default: `node_modules/.cache/<name>` in the node_modules that holds @swc/core
 * (the convention of build tools' caches: removed with node_modules), else `<name>-<uid>` in the system temporary
 * directory.
 * @param {string} name
 */
function toolCacheDirectory(name) {
  try {
    const swcPackage = require.resolve('@swc/core/package.json');
    const modules = swcPackage.slice(0, swcPackage.lastIndexOf(`${path.sep}node_modules${path.sep}`) + `${path.sep}node_modules`.length);
    return path.join(modules, '.cache', name);
  } catch {
    return path.join(os.tmpdir(), `${name}-${os.userInfo().uid}`);
  }
}

/**
 * The compiled code of `source`: from the cache when the same source was compiled with the same options by the
 * same swc, else `compile(source)`'s, stored for next time.
 * @param {string} source
 * @param {object} options the swc options (they name the file, so two files never share an entry)
 * @param {string} swcVersion
 * @param {(source: string) => string} compile
 * @returns {string}
 */
function cachedCompile(source, options, swcVersion, compile) {
  const root = cacheDirectory();
  if (!root) return readableCompile(compile, source);
  const key = crypto.createHash('sha256').update(swcVersion).update('\0').update(JSON.stringify(options)).update('\0').update(source).digest('hex');
  const file = path.join(root, key.slice(0, 2), `${key}.js`);
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    // Not compiled yet (or not readable): compile it.
  }
  const code = readableCompile(compile, source);
  try {
    writeWhole(file, code);
  } catch {
    // A read-only or full disk: the next run compiles again.
  }
  return code;
}

/**
 * `compile(source)`, with a syntax error's message cut before the native stack trace swc appends when
 * `RUST_BACKTRACE` is set (frames of swc's own Rust code, no help to whoever wrote the program): the source
 * excerpt above it already says where the error is.
 * @param {(source: string) => string} compile
 * @param {string} source
 * @returns {string}
 */
function readableCompile(compile, source) {
  try {
    return compile(source);
  } catch (error) {
    if (error instanceof Error) {
      const cut = error.message.search(/\n\s*Stack backtrace:/);
      if (cut >= 0) error.message = error.message.slice(0, cut).trimEnd();
    }
    throw error;
  }
}

/** Forgets the directory chosen, so that the next call reads `BULWARK_COMPILE_CACHE` again (for tests). */
function resetCompileCache() {
  directory = undefined;
}

module.exports = { cachedCompile, cacheDirectory, configuredCacheDirectory, resetCompileCache, toolCacheDirectory, writeWhole };
