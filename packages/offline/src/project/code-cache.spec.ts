import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as nodeModule from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';

// The cache hooks Node's own module loader, which jest replaces with its own: each case runs in a Node process of
// its own, as the bulwark command and its policy pack processes do.
const CODE_CACHE = path.resolve(__dirname, '../../code-cache.js');
const TYPESCRIPT_HOOK = path.resolve(__dirname, '../../typescript-hook.js');
const PRELOAD = path.resolve(__dirname, '../../register-code-cache.js');

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { nodeOptionsWithCodeCache, codeCacheStatistics } = require(CODE_CACHE) as {
  nodeOptionsWithCodeCache(existing: string | undefined): string | undefined;
  codeCacheStatistics(): { installed: string };
};

interface Statistics {
  installed: 'node' | 'hook' | 'off' | 'none';
  hits: number;
  misses: number;
  rejected: number;
  written: number;
  leftToNode: number;
}

let work: string;
let cache: string;

beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-code-cache-'));
  cache = path.join(work, 'cache');
});

afterEach(() => {
  fs.rmSync(work, { recursive: true, force: true });
});

/**
 * Runs `body` in a new Node process that installs the cache first (`install`, the call installing it), with the
 * cache in `cache`; returns what the body printed and the cache's statistics at exit.
 */
function run(body: string, { env = {}, install = 'installCodeCache()' }: { env?: NodeJS.ProcessEnv; install?: string } = {}) {
  const script = path.join(work, 'main.js');
  fs.writeFileSync(
    script,
    `const codeCache = require(${JSON.stringify(CODE_CACHE)});
codeCache.${install};
process.on('exit', () => process.stdout.write('\\n' + JSON.stringify(codeCache.codeCacheStatistics())));
${body}`,
  );
  const child = spawnSync(process.execPath, [script], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '', FORCE_COLOR: '0', BULWARK_CODE_CACHE: cache, ...env },
  });
  if (child.status !== 0) throw new Error(`exit ${child.status}: ${child.stderr}`);
  const lines = child.stdout.split('\n');
  return { output: lines.slice(0, -1).join('\n').trim(), statistics: JSON.parse(lines[lines.length - 1] as string) as Statistics };
}

/** Every entry file under the cache directory. */
function entries(): string[] {
  if (!fs.existsSync(cache)) return [];
  return (fs.readdirSync(cache, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

// Node 22 and later have their own compile cache, which the hook gives way to.
const hookExpected = typeof (nodeModule as { enableCompileCache?: unknown }).enableCompileCache !== 'function';
const onNode20 = hookExpected ? it : it.skip;

describe('the V8 code cache', () => {
  onNode20('loads a module from the cache in the next process, and never runs a changed module stale', () => {
    fs.writeFileSync(path.join(work, 'answer.js'), 'module.exports = 1;');
    const load = "console.log(require('./answer.js'));";
    const first = run(load);
    expect(first.output).toBe('1');
    expect(first.statistics).toMatchObject({ installed: 'hook', hits: 0, misses: 1, written: 1 });
    expect(entries()).toHaveLength(1);

    expect(run(load).statistics).toMatchObject({ hits: 1, misses: 0, written: 0 });

    // The same length: V8's own check of cached data compares lengths, not text.
    fs.writeFileSync(path.join(work, 'answer.js'), 'module.exports = 2;');
    const changed = run(load);
    expect(changed.output).toBe('2');
    expect(changed.statistics).toMatchObject({ hits: 0, misses: 1 });
  });

  onNode20('compiles a module whose data V8 rejects, and writes the entry anew', () => {
    fs.writeFileSync(path.join(work, 'answer.js'), 'module.exports = 1;');
    const load = "console.log(require('./answer.js'));";
    run(load);
    const [entry] = entries();
    fs.writeFileSync(entry as string, Buffer.alloc(64, 7));
    const rejected = run(load);
    expect(rejected.output).toBe('1');
    expect(rejected.statistics).toMatchObject({ hits: 0, rejected: 1, written: 1 });
    expect(run(load).statistics).toMatchObject({ hits: 1, rejected: 0 });
  });

  onNode20('keeps data made under other V8 flags apart, including flags a module sets while the process runs', () => {
    fs.writeFileSync(path.join(work, 'before.js'), 'module.exports = "before";');
    fs.writeFileSync(path.join(work, 'after.js'), 'module.exports = "after";');
    const load = "require('./before.js'); require('node:v8').setFlagsFromString('--allow-natives-syntax'); console.log(require('./after.js'));";
    expect(run(load).statistics).toMatchObject({ misses: 2, written: 2 });
    const again = run(load);
    expect(again.output).toBe('after');
    expect(again.statistics).toMatchObject({ hits: 2, misses: 0, rejected: 0 });
  });

  onNode20('compiles a module as Node does: its require, file and directory names, this, import()', () => {
    fs.mkdirSync(path.join(work, 'lib'));
    fs.writeFileSync(path.join(work, 'lib', 'helper.js'), 'module.exports = "helper";');
    fs.writeFileSync(path.join(work, 'lib', 'esm.mjs'), 'export const answer = 42;');
    fs.writeFileSync(
      path.join(work, 'lib', 'probe.js'),
      `module.exports = {
  sameThis: this === module.exports,
  file: __filename,
  directory: __dirname,
  helper: require('./helper'),
  resolved: require.resolve('./helper'),
  paths: require.resolve.paths('anything').length > 0,
  main: require.main === process.mainModule,
  cache: require.cache === require('node:module')._cache,
  imported: require('./importer.js'),
};`,
    );
    // Left to Node: a dynamic import fails in a script made from cached data on Node 20.
    fs.writeFileSync(path.join(work, 'lib', 'importer.js'), "module.exports = import ('./esm.mjs').then((module) => module.answer);");
    const load = `const probe = require('./lib/probe.js');
probe.imported.then((answer) => console.log(JSON.stringify({ ...probe, imported: answer })));`;
    const expected = {
      sameThis: true,
      file: path.join(work, 'lib', 'probe.js'),
      directory: path.join(work, 'lib'),
      helper: 'helper',
      resolved: path.join(work, 'lib', 'helper.js'),
      paths: true,
      main: true,
      cache: true,
      imported: 42,
    };
    for (let pass = 0; pass < 2; pass++) {
      const { output, statistics } = run(load);
      expect(JSON.parse(output)).toEqual(expected);
      expect(statistics.hits).toBe(pass === 0 ? 0 : 2);
    }
  });

  onNode20('leaves a module with a dynamic import() to Node, but caches one that only says import( in a string or comment', () => {
    fs.writeFileSync(path.join(work, 'esm.mjs'), 'export const answer = 42;');
    fs.writeFileSync(path.join(work, 'importer.js'), "module.exports = import('./esm.mjs').then((module) => module.answer);");
    fs.writeFileSync(
      path.join(work, 'mentions.js'),
      ["// import('x')", "const template = `${'import('}`;", "module.exports = 'import(' + template + /import\\(/.source.length;"].join('\n'),
    );
    const load = "require('./importer.js').then((answer) => console.log(answer, require('./mentions.js')));";
    const first = run(load);
    expect(first.output).toBe('42 import(import(8');
    expect(first.statistics).toMatchObject({ leftToNode: 1, misses: 1 });
    const again = run(load);
    expect(again.output).toBe('42 import(import(8');
    expect(again.statistics).toMatchObject({ leftToNode: 1, hits: 1 });
  });

  onNode20('leaves TypeScript with its inline source map to Node, so that stack traces keep TypeScript lines', () => {
    fs.writeFileSync(
      path.join(work, 'fails.ts'),
      ['interface Shape {', '  size: number;', '}', '', 'export function fail(shape: Shape): never {', '  throw new Error(`size ${shape.size}`);', '}', 'fail({ size: 3 });', ''].join('\n'),
    );
    const body = `require(${JSON.stringify(TYPESCRIPT_HOOK)}).registerTypeScript();
try { require('./fails.ts'); } catch (error) { console.log(error.stack.split('\\n')[1].trim()); }`;
    const { output, statistics } = run(body, { env: { BULWARK_COMPILE_CACHE: path.join(work, 'swc') } });
    expect(output).toBe(`at fail (${path.join(work, 'fails.ts')}:6:9)`);
    expect(statistics.misses + statistics.hits).toBeGreaterThan(0);
  });

  onNode20('runs a module with a syntax error, a `#!` line or ES module syntax as Node does', () => {
    fs.writeFileSync(path.join(work, 'tool.js'), '#!/usr/bin/env node\nmodule.exports = "tool";');
    fs.writeFileSync(path.join(work, 'broken.js'), 'module.exports = {;');
    fs.writeFileSync(path.join(work, 'esm.js'), 'export const answer = 42;');
    expect(run("console.log(require('./tool.js'))").output).toBe('tool');
    expect(run("try { require('./broken.js') } catch (error) { console.log(error.name) }").output).toBe('SyntaxError');
    const esm = "try { console.log(require('./esm.js').answer) } catch (error) { console.log(error.name) }";
    expect(run(esm).output).toBe(run(esm, { env: { BULWARK_CODE_CACHE: 'off' } }).output);
  });

  it('is off with BULWARK_CODE_CACHE=off, and only compiles when its directory cannot be written', () => {
    fs.writeFileSync(path.join(work, 'answer.js'), 'module.exports = 1;');
    const load = "console.log(require('./answer.js'));";
    const off = run(load, { env: { BULWARK_CODE_CACHE: 'off' } });
    expect(off).toEqual({ output: '1', statistics: expect.objectContaining({ installed: 'off', hits: 0, misses: 0 }) });

    const file = path.join(work, 'not-a-directory');
    fs.writeFileSync(file, '');
    for (let pass = 0; pass < 2; pass++) {
      const unwritable = run(load, { env: { BULWARK_CODE_CACHE: file } });
      expect(unwritable.output).toBe('1');
      expect(unwritable.statistics.written).toBe(0);
    }
  });

  onNode20('is emptied by a process that adds to it beyond its limit', () => {
    fs.writeFileSync(path.join(work, 'answer.js'), 'module.exports = 1;');
    run("require('./answer.js')", { install: 'installCodeCache({ limitBytes: 1 })' });
    expect(entries()).toEqual([]);
    run("require('./answer.js')");
    expect(entries()).toHaveLength(1);
  });

  onNode20('writes the entries of a process that is killed once it has loaded nothing new for a moment', async () => {
    fs.writeFileSync(path.join(work, 'answer.js'), 'module.exports = 1;');
    const script = path.join(work, 'serve.js');
    fs.writeFileSync(
      script,
      `require(${JSON.stringify(CODE_CACHE)}).installCodeCache(); require('./answer.js'); console.log('ready'); setInterval(() => {}, 1000);`,
    );
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [script], { cwd: work, env: { ...process.env, NODE_OPTIONS: '', BULWARK_CODE_CACHE: cache } });
    await new Promise((resolve) => child.stdout.once('data', resolve));
    const deadline = Date.now() + 10_000;
    while (entries().length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    child.kill('SIGTERM');
    expect(entries()).toHaveLength(1);
  });

  it('is passed on to the processes a process with the cache starts, through NODE_OPTIONS', () => {
    // This (jest) process has no cache installed: what it starts runs as it would.
    expect(codeCacheStatistics().installed).toBe('none');
    expect(nodeOptionsWithCodeCache('--max-old-space-size=512')).toBe('--max-old-space-size=512');
    expect(nodeOptionsWithCodeCache(undefined)).toBeUndefined();

    fs.writeFileSync(path.join(work, 'child.js'), "console.log(require(process.env.CODE_CACHE).codeCacheStatistics().installed);");
    const body = `const options = codeCache.nodeOptionsWithCodeCache('--max-old-space-size=512');
console.log(options);
const child = require('node:child_process').spawnSync(process.execPath, ['child.js'], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: options, CODE_CACHE: ${JSON.stringify(CODE_CACHE)} } });
console.log(child.stdout.trim() || child.stderr);`;
    const { output, statistics } = run(body);
    expect(output.split('\n')).toEqual([`--max-old-space-size=512 --require ${JSON.stringify(PRELOAD)}`, statistics.installed]);
  });
});
