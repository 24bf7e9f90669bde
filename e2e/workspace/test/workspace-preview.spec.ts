/**
 * `bulwark preview` on this workspace itself, as `npm start` runs it: every stack in the order its `consumes`
 * declarations give, each producer's outputs wired into its consumers, the workspace pack with each stack's own pack
 * config, and zero mandatory violations, for every stack config and in both modes. The stacks come from the
 * workspace, not a list here: this project depends on every stack in the nx graph (`tag:pulumi-stack`), and
 * `project-graph.spec.ts` checks that it does.
 */
import * as path from 'node:path';
import { runBulwark, type BulwarkRun } from '@bulwark/cli/testing';
import { discoverStacks, workspaceRootOf } from '@bulwark/workspace';

const WORKSPACE_ROOT = workspaceRootOf(__dirname);
const STACKS = discoverStacks(WORKSPACE_ROOT);

/** Runs `bulwark ...args` from the workspace root, as `npm start` does. */
function bulwark(args: readonly string[]): Promise<BulwarkRun> {
  return runBulwark(args, { cwd: WORKSPACE_ROOT });
}

describe('bulwark preview of the workspace', () => {
  it('has stacks to preview', () => {
    expect(STACKS.map((stack) => path.relative(WORKSPACE_ROOT, stack.directory))).toContain(path.join('stacks', 'network'));
  });

  it.each([
    ['dev', []],
    ['dev', ['--update']],
    ['prod', []],
    ['prod', ['--update']],
  ])('previews every stack of %s %j producers first with zero mandatory violations', async (stack, extra) => {
    const result = await bulwark(['preview', '--workspace', WORKSPACE_ROOT, '--stack', stack, '--format', 'json', ...extra]);
    expect({ code: result.code, stderr: result.code === 0 ? '' : result.stderr }).toEqual({ code: 0, stderr: '' });
    const report = JSON.parse(result.stdout) as { stacks: { project: string; stack: string }[]; summary: Record<string, number> };
    const order = report.stacks.map((entry) => entry.project);
    expect([...order].sort()).toEqual(STACKS.map((entry) => entry.project.name).sort());
    for (const consumer of STACKS) {
      for (const producerName of consumer.consumes) {
        const producer = STACKS.find((entry) => entry.name === producerName)?.project.name as string;
        const before = order.indexOf(producer) < order.indexOf(consumer.project.name);
        expect({ consumer: consumer.name, producer: producerName, before }).toEqual({ consumer: consumer.name, producer: producerName, before: true });
      }
    }
    expect(report.stacks.every((entry) => entry.stack === stack)).toBe(true);
    expect(report.summary['mandatory']).toBe(0);
    // The workspace check across stacks ran too: no two stacks create one bucket, role or log group.
    const violations = (report as unknown as { stacks: { violations: { policy: string }[] }[] }).stacks.flatMap((entry) => entry.violations);
    expect(violations.filter((violation) => violation.policy === 'workspace-unique-physical-names')).toEqual([]);
    // The baseline stack's pack config enables account-baseline-complete: it ran, and passed.
    expect(result.stderr).toContain(`pass baseline/${stack}`);
  });
});
