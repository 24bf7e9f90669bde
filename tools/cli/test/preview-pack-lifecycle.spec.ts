/**
 * `bulwark preview` keeps a large stack's program runs clear of pack processes, and a small stack's runs beside them
 * (evaluation/pack-set.ts). Each stack's program counts, as it starts, the pack processes alive beside it (children
 * of the bulwark process running run-policy-pack, read from /proc) and writes the count to a file in its directory.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { OVERLAP_RESOURCE_LIMIT } from '../src/evaluation/overlap';
import { runSizeKey } from '../src/evaluation/run-sizes';
import { demoPackWorkspace, removeTemporaryDirectories, writeProgram } from './cli-harness';
import { runBulwark } from '../testing';

/** A stack program that logs `<mode> <pack processes alive>` as it starts, then registers `resources` log groups. */
function countingProgram(resources: number): string {
  return [
    "import * as fs from 'node:fs';",
    "import * as pulumi from '@pulumi/pulumi';",
    "import * as aws from '@pulumi/aws';",
    'let packs = 0;',
    "for (const entry of fs.readdirSync('/proc')) {",
    '  if (!/^\\d+$/.test(entry)) continue;',
    '  try {',
    "    const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');",
    "    const [state, parent] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');",
    "    if (Number(parent) === process.pid && state !== 'Z' && fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('run-policy-pack')) packs++;",
    '  } catch {',
    '    // The process ended while we looked.',
    '  }',
    '}',
    "fs.appendFileSync('packs-beside-runs.log', `${pulumi.runtime.isDryRun() ? 'preview' : 'update'} ${packs}\\n`);",
    `for (let index = 0; index < ${resources}; index++) new aws.cloudwatch.LogGroup(\`logs-\${index}\`, { retentionInDays: 365, tags: { Owner: 'team' } });`,
    '',
  ].join('\n');
}

const LARGE = OVERLAP_RESOURCE_LIMIT + 100;
let workspace: string;
let sizes: string;

beforeAll(() => {
  workspace = demoPackWorkspace();
  // Consuming nothing, they run in directory order: a small stack, a large one, a small one.
  const stacks = { alpha: 1, bulk: LARGE, zeta: 1 };
  for (const [name, resources] of Object.entries(stacks)) {
    writeProgram(path.join(workspace, 'stacks', name), {
      'Pulumi.yaml': `name: ${name}\nruntime: nodejs\n`,
      'package.json': JSON.stringify({ name: `@ws/${name}`, version: '0.0.0', nx: { name }, bulwark: { consumes: [] } }),
      'index.ts': countingProgram(resources),
    });
  }
  // Their sizes as an earlier preview recorded them: bulk is known to be large before it runs.
  sizes = path.join(workspace, 'run-sizes.json');
  const recorded = Object.entries(stacks).map(([name, resources]) => [runSizeKey(path.join(workspace, 'stacks', name), 'dev'), resources + 1]);
  fs.writeFileSync(sizes, JSON.stringify(Object.fromEntries(recorded)));
});

afterAll(removeTemporaryDirectories);

/** What each run of a stack logged: `<mode> <pack processes alive as it started>`. */
function packsBesideRuns(stack: string): string[] {
  return fs.readFileSync(path.join(workspace, 'stacks', stack, 'packs-beside-runs.log'), 'utf8').split('\n').filter(Boolean);
}

describe('bulwark preview: pack processes beside program runs', () => {
  it('runs a large stack with no pack process alive, and each small stack beside its started packs, before and after it', async () => {
    const result = await runBulwark(['preview', '--workspace', workspace, '--format', 'json'], { cwd: workspace, env: { BULWARK_RUN_SIZES: sizes } });
    expect(result.stderr).not.toContain('error:');
    expect(JSON.parse(result.stdout).stacks.map((stack: { project: string }) => stack.project)).toEqual(['alpha', 'bulk', 'zeta']);
    expect({ alpha: packsBesideRuns('alpha'), bulk: packsBesideRuns('bulk'), zeta: packsBesideRuns('zeta') }).toEqual({
      alpha: ['preview 1', 'update 1'],
      bulk: ['preview 0', 'update 0'],
      zeta: ['preview 1', 'update 1'],
    });
  }, 600_000);
});
