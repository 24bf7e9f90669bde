/**
 * No policy pack process outlives the `bulwark` process that started it, however bulwark ends: Node kills no child
 * when it exits and a pack serves until it is killed, so a pack left behind would hold its memory for good (on a
 * developer's machine after each interrupted check, on a CI runner after each cancelled job).
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BULWARK_BIN } from '../testing';
import { DEMO_PACK, linkNodeModules, removeTemporaryDirectories, temporaryDirectory, writeProgram } from './cli-harness';

/** The live (not zombie) policy pack processes whose command line names the pack directory `pack`. */
function packProcesses(pack: string): number[] {
  const found: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const state = fs.readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.split(' ')[0];
      const commandLine = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (state !== 'Z' && commandLine.includes('run-policy-pack') && commandLine.includes(pack)) found.push(Number(entry));
    } catch {
      // The process ended while it was read.
    }
  }
  return found;
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A bulwark process checking `program` with the pack at `pack`; resolves with how it ended. */
function startBulwark(root: string, program: string, pack: string) {
  const child = spawn(process.execPath, [BULWARK_BIN, 'check', program, '--policy-pack', pack], { cwd: root, env: { ...process.env, NO_COLOR: '1' }, stdio: 'ignore' });
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, ended };
}

const onLinux = process.platform === 'linux' ? describe : describe.skip;

onLinux('policy pack processes end with bulwark', () => {
  let root: string;
  /** Each test's own link to the demo pack: the pack processes it starts are those whose command line names it. */
  let packLink: (name: string) => string;

  beforeAll(() => {
    root = temporaryDirectory();
    linkNodeModules(root);
    packLink = (name) => {
      const link = path.join(root, 'packs', name);
      fs.mkdirSync(path.dirname(link), { recursive: true });
      fs.symlinkSync(DEMO_PACK, link, 'dir');
      return link;
    };
    writeProgram(path.join(root, 'exits-once-packs-serve'), {
      'Pulumi.yaml': 'name: exits-once-packs-serve\nruntime: nodejs\n',
      // The packs start beside the run of a small program; this one waits until one of them is this process's child.
      'index.ts': [
        "import * as fs from 'node:fs';",
        "import * as aws from '@pulumi/aws';",
        "new aws.s3.Bucket('site');",
        'function packRunning(): boolean {',
        "  return fs.readdirSync('/proc').some((entry) => {",
        '    try {',
        "      const [, rest] = fs.readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ');",
        "      return Number(rest?.split(' ')[1]) === process.pid && fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('run-policy-pack');",
        '    } catch {',
        '      return false;',
        '    }',
        '  });',
        '}',
        'const poll = setInterval(() => {',
        '  if (!packRunning()) return;',
        '  clearInterval(poll);',
        '  process.exit(0);',
        '}, 100);',
      ].join('\n'),
    });
    writeProgram(path.join(root, 'never-ends'), {
      'Pulumi.yaml': 'name: never-ends\nruntime: nodejs\n',
      'index.ts': [
        "import * as aws from '@pulumi/aws';",
        "new aws.s3.Bucket('site');",
        'export const waiting = new Promise<string>((resolve) => setTimeout(() => resolve("late"), 600_000));',
      ].join('\n'),
    });
  });

  afterAll(removeTemporaryDirectories);

  it('kills them when the program calls process.exit while they serve', async () => {
    const pack = packLink('exit');
    const { ended } = startBulwark(root, 'exits-once-packs-serve', pack);
    expect((await ended).code).toBe(2);
    await waitFor(() => packProcesses(pack).length === 0, 'the pack processes to end', 5_000);
  }, 120_000);

  it('kills them when bulwark is sent SIGTERM, and still ends by that signal', async () => {
    const pack = packLink('sigterm');
    const { child, ended } = startBulwark(root, 'never-ends', pack);
    await waitFor(() => packProcesses(pack).length > 0, 'a pack process to start');
    child.kill('SIGTERM');
    expect(await ended).toEqual({ code: null, signal: 'SIGTERM' });
    await waitFor(() => packProcesses(pack).length === 0, 'the pack processes to end', 5_000);
  }, 120_000);
});
