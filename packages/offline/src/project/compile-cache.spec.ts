import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// The cache is plain JavaScript at the package root, shared with typescript-hook.js.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { cachedCompile, cacheDirectory, resetCompileCache } = require('../../compile-cache.js') as {
  cachedCompile(source: string, options: object, swcVersion: string, compile: (source: string) => string): string;
  cacheDirectory(): string | null;
  resetCompileCache(): void;
};

let directory: string;
const configured = process.env['BULWARK_COMPILE_CACHE'];

beforeEach(() => {
  directory = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-compile-cache-'));
  process.env['BULWARK_COMPILE_CACHE'] = directory;
  resetCompileCache();
});

afterEach(() => {
  fs.rmSync(directory, { recursive: true, force: true });
  if (configured === undefined) delete process.env['BULWARK_COMPILE_CACHE'];
  else process.env['BULWARK_COMPILE_CACHE'] = configured;
  resetCompileCache();
});

describe('cachedCompile', () => {
  it("leaves out the native stack trace swc appends to a syntax error when RUST_BACKTRACE is set", () => {
    const excerpt = "  x Unexpected token `:`. Expected `}`\n    ,-[/app/index.ts:3:1]\n\nCaused by:\n    Syntax Error";
    const failing = () => {
      throw new Error(`${excerpt}\n\nStack backtrace:\n   0: <unknown>\n   1: _ZN6v8impl12_GLOBAL__N_1`);
    };
    expect(() => cachedCompile('const x = {a: b: c};', { filename: '/app/index.ts' }, '1.0.0', failing)).toThrow(
      expect.objectContaining({ message: excerpt }),
    );
    // Without a cache directory too.
    process.env['BULWARK_COMPILE_CACHE'] = 'off';
    resetCompileCache();
    expect(() => cachedCompile('const x = {a: b: c};', { filename: '/app/index.ts' }, '1.0.0', failing)).toThrow(
      expect.objectContaining({ message: excerpt }),
    );
  });

  it('compiles a source once and reads it back from disk the next time', () => {
    const compile = jest.fn((source: string) => `compiled(${source})`);
    const options = { filename: '/program/index.ts' };
    expect(cachedCompile('let a: number = 1;', options, '1.16.0', compile)).toBe('compiled(let a: number = 1;)');
    expect(cachedCompile('let a: number = 1;', options, '1.16.0', compile)).toBe('compiled(let a: number = 1;)');
    expect(compile).toHaveBeenCalledTimes(1);
    expect(fs.readdirSync(directory)).toHaveLength(1);
  });

  it('compiles again when the source, the options (which name the file) or the swc version differ', () => {
    const compile = jest.fn((source: string) => `compiled(${source})`);
    cachedCompile('a', { filename: '/p/a.ts' }, '1.16.0', compile);
    cachedCompile('b', { filename: '/p/a.ts' }, '1.16.0', compile);
    cachedCompile('a', { filename: '/p/b.ts' }, '1.16.0', compile);
    cachedCompile('a', { filename: '/p/a.ts' }, '1.17.0', compile);
    expect(compile).toHaveBeenCalledTimes(4);
  });

  it('only compiles when the cache cannot be written, and not at all with BULWARK_COMPILE_CACHE=off', () => {
    const file = path.join(directory, 'not-a-directory');
    fs.writeFileSync(file, '');
    process.env['BULWARK_COMPILE_CACHE'] = file;
    resetCompileCache();
    const compile = jest.fn((source: string) => `compiled(${source})`);
    expect(cachedCompile('a', {}, '1', compile)).toBe('compiled(a)');
    expect(cachedCompile('a', {}, '1', compile)).toBe('compiled(a)');
    expect(compile).toHaveBeenCalledTimes(2);
    process.env['BULWARK_COMPILE_CACHE'] = 'off';
    resetCompileCache();
    expect(cacheDirectory()).toBeNull();
  });
});
