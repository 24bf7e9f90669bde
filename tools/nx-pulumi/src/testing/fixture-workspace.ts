/**
 * Builds throwaway nx workspaces for the plugin's integration tests: a copy of the plugin registered exactly as
 * the real workspace registers it, fake stacks with Pulumi.yaml, a fake pack and core, the real node_modules
 * linked in, and a stand-in `pulumi` on PATH that records how it was called.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const WORKSPACE_ROOT = resolve(__dirname, '../../../..');
const PLUGIN_ROOT = resolve(__dirname, '../..');

/** A fake stack: nx name (= Pulumi project name) and the stacks it consumes. */
export interface FixtureStack {
  readonly name: string;
  /** `bulwark.consumes` in its package.json. @default [] */
  readonly consumes?: readonly string[];
  /** Files besides the defaults, relative to the stack directory. */
  readonly files?: Record<string, string>;
}

/** One recorded call of a stand-in command (pulumi or bulwark). */
export interface PulumiCall {
  readonly args: string[];
  readonly cwd: string;
}

/** How one nx invocation ended. */
export interface NxResult {
  readonly status: number | null;
  readonly stdout: string;
  /** Standard output then standard error. */
  readonly output: string;
}

/** A temporary workspace and helpers to run nx and git in it. */
export interface FixtureWorkspace {
  readonly root: string;
  /** Runs nx with the daemon and cloud off and returns its standard output; throws with all output when it fails. */
  nx(args: readonly string[]): string;
  /** Runs nx and returns its exit status, standard output and combined output without throwing. */
  nxStatus(args: readonly string[]): NxResult;
  git(args: readonly string[]): string;
  write(path: string, content: string): void;
  /** Calls of the stand-in pulumi, in order. */
  pulumiCalls(): PulumiCall[];
  /** Calls of the stand-in bulwark (plugin option `bulwarkCommand: 'fake-bulwark'`), in order. */
  bulwarkCalls(): PulumiCall[];
  dispose(): void;
}

/** Creates a workspace with `stacks/<name>` for each stack, `packages/core` and the two packs under `policies/`. */
export function createFixtureWorkspace(stacks: readonly FixtureStack[], pluginOptions: Record<string, unknown> = {}): FixtureWorkspace {
  const root = mkdtempSync(join(tmpdir(), 'nx-pulumi-'));
  const write = (path: string, content: string): void => {
    mkdirSync(resolve(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  };
  const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

  symlinkSync(join(WORKSPACE_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  cpSync(join(PLUGIN_ROOT, 'src'), join(root, 'tools/nx-pulumi/src'), {
    recursive: true,
    filter: (source) => !source.endsWith('.spec.ts') && !source.includes('/testing'),
  });
  // nx transpiles the TypeScript plugin with the workspace's compiler settings, as in the real workspace.
  write('tsconfig.base.json', readFileSync(join(WORKSPACE_ROOT, 'tsconfig.base.json'), 'utf8'));
  write('tools/nx-pulumi/package.json', readFileSync(join(PLUGIN_ROOT, 'package.json'), 'utf8'));
  write('package.json', json({ name: 'fixture', private: true, workspaces: ['packages/*', 'stacks/*', 'policies/*', 'tools/*'] }));
  write(
    'nx.json',
    json({
      defaultBase: 'main',
      // The real workspace's named inputs (`production`...), which the inferred targets' inputs refer to.
      namedInputs: (JSON.parse(readFileSync(join(WORKSPACE_ROOT, 'nx.json'), 'utf8')) as { namedInputs: unknown }).namedInputs,
      plugins: [
        {
          plugin: './tools/nx-pulumi',
          options: { organization: 'acme', offlineEngineProjects: [], ...pluginOptions },
        },
      ],
    }),
  );
  write('packages/core/package.json', json({ name: '@fixture/core', version: '0.0.0', nx: { name: 'core' } }));
  write('packages/core/src/index.ts', 'export const core = 1;\n');
  write(
    'policies/aws-security/package.json',
    json({ name: '@fixture/aws-security', version: '0.0.0', nx: { name: 'aws-security' }, main: 'bin/index.js' }),
  );
  write('policies/aws-security/PulumiPolicy.yaml', 'runtime: nodejs\n');
  write('policies/aws-security/index.ts', 'export {};\n');
  write(
    'policies/aws-deployability/package.json',
    json({ name: '@fixture/aws-deployability', version: '0.0.0', nx: { name: 'aws-deployability' }, main: 'bin/index.js' }),
  );
  write('policies/aws-deployability/PulumiPolicy.yaml', 'runtime: nodejs\n');
  write('policies/aws-deployability/index.ts', 'export {};\n');
  // The targets split a stack's pack config per pack with the plugin's own script.
  cpSync(join(PLUGIN_ROOT, 'bin'), join(root, 'tools/nx-pulumi/bin'), { recursive: true });
  for (const stack of stacks) {
    const directory = `stacks/${stack.name}`;
    write(
      `${directory}/package.json`,
      json({
        name: `@fixture/${stack.name}`,
        version: '0.0.0',
        nx: { name: stack.name },
        bulwark: { consumes: stack.consumes ?? [] },
      }),
    );
    write(`${directory}/Pulumi.yaml`, `name: ${stack.name}\nruntime: nodejs\n`);
    write(`${directory}/Pulumi.dev.yaml`, 'config: {}\n');
    write(`${directory}/Pulumi.prod.yaml`, 'config: {}\n');
    write(`${directory}/src/index.ts`, 'export {};\n');
    for (const [path, content] of Object.entries(stack.files ?? {})) write(`${directory}/${path}`, content);
  }

  // The stand-ins append one JSON line per call: program, arguments and working directory. The bulwark stand-in
  // has its own name because nx puts node_modules/.bin (holding the real bulwark) first on PATH.
  const recording = join(root, 'recorded-pulumi-calls');
  const binDirectory = join(root, '.fake-bin');
  mkdirSync(binDirectory);
  for (const program of ['pulumi', 'fake-bulwark']) {
    writeFileSync(
      join(binDirectory, program),
      `#!/usr/bin/env node\nrequire('node:fs').appendFileSync(${JSON.stringify(recording)}, JSON.stringify({ program: ${JSON.stringify(program)}, args: process.argv.slice(2), cwd: process.cwd() }) + '\\n');\n`,
      { mode: 0o755 },
    );
  }
  write('.gitignore', 'node_modules\n.nx\nrecorded-pulumi-calls\n.fake-bin\n');

  const env = {
    ...process.env,
    PATH: `${binDirectory}:${process.env.PATH ?? ''}`,
    NX_DAEMON: 'false',
    NX_NO_CLOUD: 'true',
    NX_SKIP_NX_CACHE: 'true',
    NX_TUI: 'false',
    NX_INTERACTIVE: 'false',
    CI: 'true',
    NX_WORKSPACE_ROOT_PATH: root,
  };
  const nxBin = nxExecutable();
  const nxStatus = (args: readonly string[]): NxResult => {
    const result = spawnSync(process.execPath, [nxBin, ...args], { cwd: root, env, encoding: 'utf8', timeout: 120_000 });
    return { status: result.status, stdout: result.stdout, output: `${result.stdout}${result.stderr}` };
  };
  return {
    root,
    nx: (args) => {
      const { status, stdout, output } = nxStatus(args);
      if (status !== 0) throw new Error(`nx ${args.join(' ')} exited ${status}:\n${output}`);
      return stdout;
    },
    nxStatus,
    git: (args) => execFileSync('git', [...args], { cwd: root, encoding: 'utf8', env: { ...env, GIT_AUTHOR_NAME: 'test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'test', GIT_COMMITTER_EMAIL: 'test@example.com' } }),
    write,
    pulumiCalls: () => recordedCalls(recording, 'pulumi'),
    bulwarkCalls: () => recordedCalls(recording, 'fake-bulwark'),
    dispose: () => rmSync(root, { recursive: true, force: true }),
  };
}

function recordedCalls(recording: string, program: string): PulumiCall[] {
  if (!existsSync(recording)) return [];
  return readFileSync(recording, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as PulumiCall & { program: string })
    .filter((call) => call.program === program)
    .map(({ args, cwd }) => ({ args, cwd }));
}

/** The nx command-line entry of the installed nx, found through its package.json like npm finds it. */
function nxExecutable(): string {
  const packageDirectory = join(WORKSPACE_ROOT, 'node_modules/nx');
  const manifest = JSON.parse(readFileSync(join(packageDirectory, 'package.json'), 'utf8')) as { bin: Record<string, string> };
  return join(packageDirectory, manifest.bin.nx);
}
