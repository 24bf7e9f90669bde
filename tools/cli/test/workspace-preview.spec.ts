/**
 * `bulwark preview` on this workspace itself, as `npm start` runs it: all five stacks in StackReference order,
 * each producer's outputs wired into its consumers, every workspace pack with each stack's own pack config, the
 * workspace checks across stacks, and zero mandatory violations, for every stack config and in both modes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bulwark, WORKSPACE_ROOT } from './cli-harness';

const STACKS = ['baseline', 'network', 'data', 'edge', 'compute'];

/** What each stack declares it consumes (package.json `bulwark.consumes`). */
function consumes(stack: string): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(WORKSPACE_ROOT, 'stacks', stack, 'package.json'), 'utf8')) as { bulwark?: { consumes?: string[] } };
  return manifest.bulwark?.consumes ?? [];
}

describe('bulwark preview of the workspace', () => {
  it.each([
    ['dev', []],
    ['dev', ['--update']],
    ['prod', []],
    ['prod', ['--update']],
  ])('previews every stack of %s %j in dependency order with zero mandatory violations', async (stack, extra) => {
    const result = await bulwark(['preview', '--workspace', WORKSPACE_ROOT, '--stack', stack, '--format', 'json', ...extra]);
    expect({ code: result.code, stderr: result.code === 0 ? '' : result.stderr }).toEqual({ code: 0, stderr: '' });
    const report = JSON.parse(result.stdout) as { stacks: { project: string; stack: string; violations: { enforcement: string }[] }[]; summary: Record<string, number> };
    const order = report.stacks.map((entry) => entry.project);
    expect([...order].sort()).toEqual([...STACKS].sort());
    for (const consumer of STACKS) {
      for (const producer of consumes(consumer)) {
        expect({ consumer, producer, before: order.indexOf(producer) < order.indexOf(consumer) }).toEqual({ consumer, producer, before: true });
      }
    }
    expect(report.stacks.every((entry) => entry.stack === stack)).toBe(true);
    expect(report.summary['mandatory']).toBe(0);
    // The workspace check across stacks ran too: no two stacks create one bucket, role or log group.
    expect(report.stacks.flatMap((entry) => entry.violations).filter((violation) => (violation as { policy?: string }).policy === 'workspace-unique-physical-names')).toEqual([]);
    // The baseline stack's pack config enables account-baseline-complete: it ran, and passed.
    expect(result.stderr).toContain(`ok baseline/${stack}`);
  });
});
