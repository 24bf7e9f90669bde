// @ts-check
/**
 * A V8 code cache for the CommonJS modules a process loads: V8's compiled code of each module is kept on disk, so
 * that the next process loading the same module skips most of parsing and compiling it (a large part of loading the
 * Pulumi SDK and @pulumi/aws). Node 22 has this built in (`module.enableCompileCache()`, used instead where this
 * Node has it); Node 20 does not, so on Node 20 modules are compiled as Node compiles them, but through `vm.Script`,
 * which takes and makes cached data.
 *
 * Never stale: an entry's key is a hash of the module's file name and source text, under a directory named for the
 * Node version and V8's `cachedDataVersionTag()` (its version, flags and CPU features); V8 checks the data again
 * when it is used, and data it rejects only means a compile (and the entry is written anew). Never a failure: an
 * unreadable or unwritable cache only means compiling. Safe for processes that run at once: each entry is written
 * whole under another name, then renamed. Bounded: a process that wrote entries and finds the cache above its
 * limit empties it (the next run fills it again).
 *
 * Entries are written when the process exits, or, for a process that is killed rather than exiting (a policy pack
 * is stopped with SIGTERM), once it has loaded nothing new for a second: late enough that they hold the functions
 * the process compiled after loading, not only the modules' top level.
 *
 * Left to Node: ES modules (Node 20 has no hook that compiles them with cached data), a module starting with `#!`,
 * one whose syntax Node must judge (ES module syntax in a `.js` file), one with a dynamic `import()` (which fails
 * in a script made from cached data on Node 20: see hasDynamicImport), and a module carrying an inline source map
 * (the TypeScript that typescript-hook.js compiles: Node registers the map, so that stack traces show TypeScript
 * lines, only when it compiles the module itself). A module with a source map in a separate file is cached, and
 * Node does not read that file: its stack frames show the JavaScript lines.
 *
 * Where: `BULWARK_CODE_CACHE` (a directory, or `off`), else `node_modules/.cache/bulwark-v8` beside the swc cache
 * (compile-cache.js).
 */
'use strict';

const { Buffer } = require('node:buffer');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const { setTimeout, clearTimeout } = require('node:timers');
const v8 = require('node:v8');
const vm = require('node:vm');
const { configuredCacheDirectory, writeWhole } = require('./compile-cache');

/** Above this many bytes of entries, a process that adds entries empties the cache. */
const DEFAULT_LIMIT_BYTES = 256 * 1024 ** 2;

/**
 * What an entry means, in the name of its directory: a change to what the hook caches (an empty entry is a module
 * with a dynamic import, data is only made for modules without one) must not trust entries made under older rules.
 */
const ENTRY_FORMAT = 'f1';

/** How long a process must have compiled nothing new before its entries are written (for a process that is killed). */
const IDLE_FLUSH_MS = 1000;

/** The file that installs the cache when preloaded (`node --require`), as the policy pack processes are started. */
const PRELOAD_FILE = path.join(__dirname, 'register-code-cache.js');

/** What this process does with modules: which cache is installed, and what the hook found. */
const statistics = { installed: /** @type {'node' | 'hook' | 'off' | 'none'} */ ('none'), hits: 0, misses: 0, rejected: 0, written: 0, leftToNode: 0 };

/** The cache root (holding one directory per Node version and V8 flags), or null when the cache is off. */
function cacheRoot() {
  return configuredCacheDirectory('BULWARK_CODE_CACHE', 'bulwark-v8');
}

/**
 * What V8's cached data depends on besides the source: data made by another Node or under other flags is not used.
 * Asked at each compile, not once: flags change while a process runs (the Pulumi SDK turns on
 * `--allow-natives-syntax` when it loads its closure serializer), and V8 rejects data made before that after it.
 */
function engineTag() {
  return `${ENTRY_FORMAT}-${process.version}-${process.arch}-${v8.cachedDataVersionTag()}`;
}

/**
 * The entry file of `filename` with this `source` in `directory` (the root's directory for this {@link engineTag}). SHA-256, not a cheaper hash: with the processor's SHA
 * instructions it costs no more than turning the source into bytes.
 * @param {string} directory @param {string} filename @param {string} source
 */
function entryFile(directory, filename, source) {
  const key = crypto.createHash('sha256').update(filename).update('\0').update(source).digest('hex');
  return path.join(directory, key.slice(0, 2), key);
}

/**
 * The `require` Node gives a module (its makeRequireFunction).
 * @param {any} module
 */
function requireFunctionOf(module) {
  const moduleClass = module.constructor;
  /** @param {string} id */
  const require = function require(id) {
    return module.require(id);
  };
  /** @param {string} request @param {unknown} [options] */
  function resolve(request, options) {
    assertString(request);
    return moduleClass._resolveFilename(request, module, false, options);
  }
  /** @param {string} request */
  function paths(request) {
    assertString(request);
    return moduleClass._resolveLookupPaths(request, module);
  }
  resolve.paths = paths;
  require.resolve = resolve;
  require.main = process.mainModule;
  require.extensions = moduleClass._extensions;
  require.cache = moduleClass._cache;
  return require;
}

/** @param {unknown} request */
function assertString(request) {
  if (typeof request !== 'string') {
    throw Object.assign(new TypeError(`The "request" argument must be of type string. Received ${typeof request}`), { code: 'ERR_INVALID_ARG_TYPE' });
  }
}

/**
 * Whether the text has `import(` (with or without space before the parenthesis) anywhere, in code or not: the
 * quick test before {@link hasDynamicImport}.
 * @param {string} content
 */
function mayImport(content) {
  for (let at = content.indexOf('import'); at >= 0; at = content.indexOf('import', at + 6)) {
    let next = at + 6;
    while (content.charCodeAt(next) === 32 || content.charCodeAt(next) === 10 || content.charCodeAt(next) === 9 || content.charCodeAt(next) === 13) next += 1;
    if (content.charCodeAt(next) === 40) return true;
  }
  return false;
}

/**
 * Whether the module's code has a dynamic `import(...)`, which fails in a script made from cached data on Node 20
 * (the data does not carry what tells Node how to load the imported module). The text is tokenized (acorn), so that
 * `import(` in a string or comment (TypeScript's compiler has several) does not count; text acorn cannot read counts
 * as an import. Asked only when a module has no entry yet: the answer is kept as the entry.
 * @param {string} content
 */
function hasDynamicImport(content) {
  if (!mayImport(content)) return false;
  try {
    const acorn = tokenizer();
    let previous;
    for (const token of acorn.tokenizer(content, { ecmaVersion: 'latest', allowHashBang: true, allowReturnOutsideFunction: true })) {
      if (token.type === acorn.tokTypes.parenL && previous === acorn.tokTypes._import) return true;
      previous = token.type;
    }
    return false;
  } catch {
    return true;
  }
}

/** @type {typeof import('acorn') | undefined} */
let acornModule;
/** Whether acorn is loading: its own modules compile without the cache (they would ask acorn about themselves). */
let loadingTokenizer = false;

/** acorn, loaded the first time a module needs tokenizing (never in a run whose modules are all cached). */
function tokenizer() {
  if (acornModule) return acornModule;
  loadingTokenizer = true;
  try {
    return (acornModule = require('acorn'));
  } finally {
    loadingTokenizer = false;
  }
}

/**
 * Whether Node should compile this module itself without asking the cache (see the file's comment).
 * @param {string} content @param {unknown} format
 */
function leftToNode(content, format) {
  return (
    loadingTokenizer ||
    (format !== undefined && format !== 'commonjs') ||
    content.startsWith('#!') ||
    content.lastIndexOf('\n//# sourceMappingURL=data:') >= 0
  );
}

/**
 * Keeps an empty entry for a module with a dynamic import, so that later runs know without reading it again.
 * Returns true, written or not.
 * @param {string} file
 */
function keepDynamicImport(file) {
  try {
    writeWhole(file, Buffer.alloc(0));
  } catch {
    // Read again next time.
  }
  return true;
}

/**
 * Installs the cache in this process: Node's own compile cache where it has one, else the hook on
 * `Module.prototype._compile`. Does nothing when `BULWARK_CODE_CACHE=off` or when already installed.
 * @param {{ limitBytes?: number }} [options]
 * @returns {'node' | 'hook' | 'off'} what is installed
 */
function installCodeCache(options = {}) {
  if (statistics.installed !== 'none') return statistics.installed;
  const root = cacheRoot();
  if (!root) return (statistics.installed = 'off');
  const moduleApi = /** @type {any} */ (Module);
  if (typeof moduleApi.enableCompileCache === 'function') {
    try {
      const result = moduleApi.enableCompileCache(path.join(root, 'node'));
      return (statistics.installed = result.status === moduleApi.constants.compileCacheStatus.FAILED ? 'off' : 'node');
    } catch {
      return (statistics.installed = 'off');
    }
  }
  const limitBytes = options.limitBytes ?? DEFAULT_LIMIT_BYTES;
  /**
   * Scripts compiled without usable data, by entry file, with the {@link engineTag} they were compiled under: their
   * data is written later. @type {Map<string, { script: vm.Script, tag: string }>}
   */
  const pending = new Map();
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let idle;

  const flush = () => {
    if (idle) clearTimeout(idle);
    idle = undefined;
    if (pending.size === 0) return;
    const entries = [...pending];
    pending.clear();
    let wrote = 0;
    const tag = engineTag();
    for (const [file, entry] of entries) {
      // Data made under other flags than the entry's directory says would only be rejected.
      if (entry.tag !== tag) continue;
      try {
        writeWhole(file, entry.script.createCachedData());
        wrote += 1;
      } catch {
        // A read-only or full disk: the next run compiles again.
      }
    }
    statistics.written += wrote;
    if (wrote > 0) emptyAbove(root, limitBytes);
  };

  const prototype = /** @type {any} */ (Module.prototype);
  const nodeCompile = prototype._compile;
  /** @this {any} @param {string} content @param {string} filename @param {unknown} [format] */
  prototype._compile = function compileWithCodeCache(content, filename, format) {
    if (leftToNode(content, format)) {
      if (!loadingTokenizer) statistics.leftToNode += 1;
      return nodeCompile.call(this, content, filename, format);
    }
    const tag = engineTag();
    const file = entryFile(path.join(root, tag), filename, content);
    /** @type {Buffer | undefined} */
    let cachedData;
    try {
      cachedData = fs.readFileSync(file);
    } catch {
      // No entry yet, or not readable: compile.
    }
    // An empty entry: a module with a dynamic import, which Node compiles.
    if (cachedData === undefined ? hasDynamicImport(content) && keepDynamicImport(file) : cachedData.length === 0) {
      statistics.leftToNode += 1;
      return nodeCompile.call(this, content, filename, format);
    }
    /** @type {vm.Script} */
    let script;
    try {
      script = new vm.Script(Module.wrap(content), { filename, cachedData });
    } catch (error) {
      // Node reports a syntax error its own way, or finds an ES module in it.
      if (error instanceof SyntaxError) return nodeCompile.call(this, content, filename, format);
      throw error;
    }
    if (cachedData === undefined || script.cachedDataRejected) {
      if (cachedData === undefined) statistics.misses += 1;
      else statistics.rejected += 1;
      pending.set(file, { script, tag });
      if (idle) clearTimeout(idle);
      idle = setTimeout(flush, IDLE_FLUSH_MS);
      idle.unref();
    } else {
      statistics.hits += 1;
    }
    const wrapper = script.runInThisContext({ displayErrors: true });
    return Reflect.apply(wrapper, this.exports, [this.exports, requireFunctionOf(this), this, filename, path.dirname(filename)]);
  };
  process.on('exit', flush);
  // The data of what was compiled before flags change must be made before they do (it is made under the flags of
  // the moment, and kept under those of its compile).
  const setFlags = v8.setFlagsFromString;
  v8.setFlagsFromString = function setFlagsFromString(flags) {
    flush();
    return setFlags.call(this, flags);
  };
  return (statistics.installed = 'hook');
}

/** Empties the cache under `root` when its entries take more than `limitBytes`. Never throws. */
function emptyAbove(root, limitBytes) {
  try {
    let total = 0;
    for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) total += fs.statSync(path.join(entry.parentPath ?? entry.path, entry.name)).size;
    }
    if (total > limitBytes) fs.rmSync(root, { recursive: true, force: true });
  } catch {
    // Another process is emptying it, or it is not ours to read: leave it.
  }
}

/**
 * The NODE_OPTIONS for a Node process this one starts (a policy pack), so that it uses the cache too: `existing`
 * with the preload of {@link PRELOAD_FILE} added when this process has the cache installed, else `existing` as is.
 * @param {string | undefined} existing
 * @returns {string | undefined}
 */
function nodeOptionsWithCodeCache(existing) {
  if (statistics.installed !== 'hook' && statistics.installed !== 'node') return existing;
  const preload = `--require ${JSON.stringify(PRELOAD_FILE)}`;
  return existing ? `${existing} ${preload}` : preload;
}

/** What the cache did in this process so far (for tests and the profile). */
function codeCacheStatistics() {
  return { ...statistics };
}

module.exports = { installCodeCache, nodeOptionsWithCodeCache, codeCacheStatistics, cacheRoot, engineTag };
