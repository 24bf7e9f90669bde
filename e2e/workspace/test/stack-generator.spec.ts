/**
 * `nx g @bulwark/nx-pulumi:stack sample --owner team-sample --consumes network` in a copy of this workspace, then the
 * checks that decide whether the new stack works as generated:
 * - its own `lint`, `typecheck` and `test` (`nx run-many -p sample`, which builds what it depends on), its tests
 *   including its data bucket's log delivery into the real baseline's access-logs bucket;
 * - the baseline's `test`: the generator names the new bucket in the baseline's config files (the
 *   `baseline:dataEventBucketPurposes` its Config rule evaluates), the one other project it changes;
 * - `nx sync:check` (the TypeScript project references nx would write);
 * - `bulwark preview` of every stack, as `npm start` runs it, the new one after the stacks it consumes;
 * - this project's graph checks in the copy (no undeclared dependency, the e2e project depends on the new stack,
 *   docs/architecture.md regenerated with it).
 * Not the whole `npm test` of the copy: on two shared cores it took 9 minutes here with a third of its tasks cached
 * (the copy starts with no cache), and the generator changes no project but the new stack and the baseline's config,
 * which the workspace's own `npm test` covers otherwise; the checks above are what the generator can break.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { workspaceRootOf } from '@bulwark/workspace';
import { copyWorkspace, type WorkspaceCopy } from '../testing/workspace-copy';

const WORKSPACE_ROOT = workspaceRootOf(__dirname);
const NX = commandOf('nx');
const JEST = commandOf('jest');
const STEP_TIMEOUT_MS = 600_000;

/** The command-line entry of an installed package, found through its package.json `bin` as npm finds it. */
function commandOf(packageName: string): string {
  const manifest = require.resolve(`${packageName}/package.json`, { paths: [WORKSPACE_ROOT] });
  const bin = (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { bin: string | Record<string, string> }).bin;
  return path.join(path.dirname(manifest), typeof bin === 'string' ? bin : (bin[packageName] as string));
}

/** The files every generated stack has, relative to its directory. */
const STACK_FILES = [
  'Pulumi.yaml',
  'Pulumi.dev.yaml',
  'Pulumi.prod.yaml',
  'README.md',
  'jest.config.cjs',
  'outputs.ts',
  'package.json',
  'policy-config.json',
  'src/baseline-contract.spec.ts',
  'src/config.ts',
  'src/index.ts',
  'src/outputs.ts',
  'src/program.spec.ts',
  'src/program.ts',
  'src/stack-references.ts',
  'testing/stack-run.ts',
  'tsconfig.json',
];

describe('nx g @bulwark/nx-pulumi:stack in a copy of the workspace', () => {
  let copy: WorkspaceCopy;
  const read = (file: string) => fs.readFileSync(path.join(copy.root, file), 'utf8');
  const succeeds = (result: { status: number | null; output: string }) => expect({ status: result.status, output: result.status === 0 ? '' : result.output }).toEqual({ status: 0, output: '' });

  beforeAll(() => {
    copy = copyWorkspace(WORKSPACE_ROOT);
  });
  afterAll(() => copy?.dispose());

  it('creates the stack and lists it where the workspace lists stacks', () => {
    succeeds(copy.node([NX, 'g', '@bulwark/nx-pulumi:stack', 'sample', '--owner', 'team-sample', '--consumes', 'network']));
    for (const file of STACK_FILES) expect({ file, exists: fs.existsSync(path.join(copy.root, 'stacks/sample', file)) }).toEqual({ file, exists: true });
    // The baseline always: its access-logs bucket receives the new bucket's server access logs.
    expect(JSON.parse(read('stacks/sample/package.json'))).toMatchObject({
      name: '@bulwark/stack-sample',
      exports: { '.': './src/index.ts', './outputs': './outputs.ts' },
      nx: { name: 'sample' },
      bulwark: { consumes: ['network', 'baseline'] },
    });
    // The baseline's cloudtrail-s3-dataevents-enabled rule names the new bucket.
    for (const environment of ['dev', 'prod']) expect(read(`stacks/baseline/Pulumi.${environment}.yaml`)).toMatch(/^ {2}baseline:dataEventBucketPurposes:\n( {4}- .+\n)* {4}- sample-data\n/m);
    expect(read('.github/CODEOWNERS')).toMatch(/^\/stacks\/sample\/ +@bulwark\/team-sample$/m);
    expect(read('.github/CODEOWNERS')).toMatch(/^\/stacks\/sample\/policy-config\*\.json +@bulwark\/team-sample @bulwark\/security$/m);
    expect(JSON.parse(read('tsconfig.json')).references).toContainEqual({ path: './stacks/sample' });
    expect(JSON.parse(read('package-lock.json')).packages['node_modules/@bulwark/stack-sample']).toEqual({ resolved: 'stacks/sample', link: true });
    expect(read('stacks/sample/Pulumi.prod.yaml')).toContain('aws:allowedAccountIds:\n    - "444455556666"');
    expect(read('stacks/sample/README.md')).toContain('| `aws:allowedAccountIds` |');
    expect(read('docs/architecture.md')).toContain('sample ==>|consumes| network');
    expect(read('docs/architecture.md')).toContain('sample ==>|consumes| baseline');
    // What `npm install` does with the lockfile entries the generator wrote.
    copy.linkPackage('@bulwark/stack-sample', 'stacks/sample');
  }, STEP_TIMEOUT_MS);

  it('passes lint, typecheck and test as generated', () => {
    succeeds(copy.node([NX, 'run-many', '-t', 'lint', 'typecheck', 'test', '-p', 'sample', '--outputStyle=static']));
  }, STEP_TIMEOUT_MS);

  it("keeps the baseline's tests passing with the bucket it added to the baseline's config", () => {
    succeeds(copy.node([NX, 'run', 'baseline:test', '--outputStyle=static']));
  }, STEP_TIMEOUT_MS);

  it('has the TypeScript project references nx sync would write', () => {
    succeeds(copy.node([NX, 'sync:check']));
  }, STEP_TIMEOUT_MS);

  it('previews with every stack, after the stacks it consumes, with zero mandatory violations (npm start)', () => {
    const preview = copy.node(['tools/cli/bin/bulwark.js', 'preview', '--format', 'json']);
    succeeds(preview);
    const report = JSON.parse(preview.stdout) as { stacks: { project: string }[]; summary: { mandatory: number } };
    const order = report.stacks.map((stack) => stack.project);
    expect(order).toContain('sample');
    expect(order.indexOf('network')).toBeLessThan(order.indexOf('sample'));
    expect(order.indexOf('baseline')).toBeLessThan(order.indexOf('sample'));
    expect(report.summary.mandatory).toBe(0);
  }, STEP_TIMEOUT_MS);

  it("keeps the graph honest and the architecture diagram current (this project's graph checks, in the copy)", () => {
    succeeds(copy.node([JEST, 'test/project-graph.spec.ts'], 'e2e/workspace'));
  }, STEP_TIMEOUT_MS);

  it('refuses a stack that exists, naming it (the other refusals: stack-options.spec.ts of nx-pulumi)', () => {
    const again = copy.node([NX, 'g', '@bulwark/nx-pulumi:stack', 'sample', '--owner', 'team-sample', '--dry-run']);
    expect(again.status).not.toBe(0);
    expect(again.output).toContain('stacks/sample (or a stack named "sample") already exists');
  }, STEP_TIMEOUT_MS);
});
