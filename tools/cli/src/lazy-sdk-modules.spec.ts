import { deferredModule } from './lazy-sdk-modules';

describe('deferredModule', () => {
  it('loads the module the first time anything on it is read, once, and then behaves as the module', () => {
    const load = jest.fn(() => ({ version: '5.9', parse: (text: string) => text.length }));
    const module = deferredModule(load, false) as { version: string; parse(text: string): number };
    expect(load).not.toHaveBeenCalled();
    expect(module.parse('abc')).toBe(3);
    expect(module.version).toBe('5.9');
    expect(Object.keys(module)).toEqual(['version', 'parse']);
    expect('parse' in module).toBe(true);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('passes through TypeScript’s __importStar untouched, without loading, when the file imports it that way', () => {
    class Arborist {}
    const load = jest.fn(() => Object.assign(Arborist, { Arborist }));
    const module = deferredModule(load, true) as { __esModule?: boolean; Arborist: unknown };
    // What `__importStar(require(...))` does first.
    expect(module.__esModule).toBe(true);
    expect(load).not.toHaveBeenCalled();
    expect(module.Arborist).toBe(Arborist);
    expect(load).toHaveBeenCalledTimes(1);
  });
});

describe('deferSdkModules', () => {
  it('leaves TypeScript and arborist unloaded when @pulumi/pulumi loads, and loads them when a function is serialized', async () => {
    // A fresh process, as the bulwark command is: jest's module system is not Node's.
    const { spawnSync } = await import('node:child_process');
    const script = [
      "require('@bulwark/offline/typescript-hook').registerTypeScript();",
      "require(process.argv[1]).deferSdkModules();",
      "const pulumi = require('@pulumi/pulumi');",
      "const loaded = () => Object.keys(require.cache).filter((file) => /node_modules\\/(typescript|@npmcli\\/arborist)\\//.test(file)).length;",
      'const before = loaded();',
      'pulumi.runtime.serializeFunction(() => 42, { isFactoryFunction: false }).then(',
      '  (serialized) => { console.log(JSON.stringify({ before, after: loaded(), text: serialized.text.includes("42") })); },',
      '  (error) => { console.error(error); process.exit(1); },',
      ');',
    ].join('\n');
    const run = spawnSync(process.execPath, ['-e', script, require.resolve('./lazy-sdk-modules.ts')], { encoding: 'utf8', cwd: __dirname });
    expect({ status: run.status, stderr: run.status === 0 ? '' : run.stderr }).toEqual({ status: 0, stderr: '' });
    const loaded = JSON.parse(run.stdout) as { before: number; after: number; text: boolean };
    expect(loaded).toMatchObject({ before: 0, text: true });
    expect(loaded.after).toBeGreaterThan(0);
  });
});
