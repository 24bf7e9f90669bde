/**
 * `bulwark preview` and `bulwark rules` end to end on a temporary workspace: stacks found under stacks/, run in
 * StackReference order with the referenced stack's outputs, each with its own pack config; the catalogue from
 * the pack's metadata.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bulwark, DEMO_PACK, demoPackWorkspace, removeTemporaryDirectories, temporaryDirectory, writeProgram } from './cli-harness';

let workspace: string;

/** A stack's package.json: its nx name and the stacks it consumes. */
function stackManifest(name: string, consumes: readonly string[]): string {
  return JSON.stringify({ name: `@ws/${name}`, version: '0.0.0', nx: { name }, bulwark: { consumes } });
}

beforeAll(() => {
  workspace = demoPackWorkspace();
  // "alpha" sorts first but consumes "zeta": the preview must run zeta first and pass its outputs.
  writeProgram(path.join(workspace, 'stacks', 'alpha'), {
    'Pulumi.yaml': 'name: alpha\nruntime: nodejs\n',
    'package.json': stackManifest('alpha', ['zeta']),
    'index.ts': [
      "import * as pulumi from '@pulumi/pulumi';",
      "import * as aws from '@pulumi/aws';",
      'const zeta = new pulumi.StackReference(`${pulumi.getOrganization()}/zeta/${pulumi.getStack()}`);',
      "export const owner = zeta.requireOutput('owner');",
      "export const zetaLogGroupArn = zeta.requireOutput('logGroupArn');",
      "const bucket = new aws.s3.Bucket('data', { tags: { Owner: owner as pulumi.Output<string> } });",
      "new aws.s3.BucketVersioning('data', { bucket: bucket.id, versioningConfiguration: { status: 'Enabled' } });",
      '',
    ].join('\n'),
  });
  writeProgram(path.join(workspace, 'stacks', 'zeta'), {
    'Pulumi.yaml': 'name: zeta\nruntime: nodejs\nmain: src/index.ts\n',
    'package.json': stackManifest('zeta', []),
    'Pulumi.dev.yaml': 'config:\n  zeta:owner: network-team\n',
    'policy-config.json': JSON.stringify({ 'log-retention': { minimumDays: 7 } }),
    'src/index.ts': [
      "import * as pulumi from '@pulumi/pulumi';",
      "import * as aws from '@pulumi/aws';",
      "import * as fs from 'node:fs';",
      "const flow = new aws.cloudwatch.LogGroup('flow', { retentionInDays: 30 });",
      "export const owner = new pulumi.Config().require('owner');",
      // Each run of zeta says which mode it ran in (the program runs in its project directory).
      "fs.appendFileSync('runs.log', `${pulumi.runtime.isDryRun() ? 'preview' : 'update'}\\n`);",
      'export const logGroupArn = flow.arn;',
      '',
    ].join('\n'),
  });
});

afterAll(removeTemporaryDirectories);

/** The modes zeta ran in since the last call, in order. */
function zetaRuns(): string[] {
  const log = path.join(workspace, 'stacks', 'zeta', 'runs.log');
  if (!fs.existsSync(log)) return [];
  const runs = fs.readFileSync(log, 'utf8').split('\n').filter(Boolean);
  fs.rmSync(log);
  return runs;
}

describe('bulwark preview', () => {
  const deployedArn = expect.stringMatching(/^arn:aws:logs:us-east-1:\d{12}:log-group:flow-[0-9a-f]{7}$/);

  it('runs every stack in reference order with the referenced outputs and each stack pack config, in both modes', async () => {
    zetaRuns();
    const result = await bulwark(['preview', '--workspace', workspace, '--format', 'json']);
    expect(result.stderr).not.toContain('error:');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.stacks.map((stack: { project: string }) => stack.project)).toEqual(['zeta', 'alpha']);
    expect(report.stacks.map((stack: { mode: string; modes: string[] }) => [stack.mode, stack.modes])).toEqual([
      ['both', ['preview', 'update']],
      ['both', ['preview', 'update']],
    ]);
    // Both modes report the update run's outputs, which alpha read: what zeta would have deployed, as a real
    // preview reads a producer's deployed state. Its update run served both, so zeta ran once per mode.
    expect(report.stacks[0].outputs.logGroupArn).toEqual(deployedArn);
    expect(report.stacks[1].outputs).toEqual({ owner: 'network-team', zetaLogGroupArn: report.stacks[0].outputs.logGroupArn });
    expect(zetaRuns()).toEqual(['preview', 'update']);
    // zeta's policy-config.json lowers the retention minimum to 7: its 30-day log group passes.
    expect(report.summary).toMatchObject({ stacks: 2, mandatory: 0, advisory: 0 });
  });

  it('in --mode preview reports the preview outputs, while consumers still read the deployed ones', async () => {
    zetaRuns();
    const result = await bulwark(['preview', '--workspace', workspace, '--format', 'json', '--mode', 'preview']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.stacks.map((stack: { mode: string }) => stack.mode)).toEqual(['preview', 'preview']);
    // In a first-time preview zeta's own ARN is unknown; alpha reads the ARN of an update run made for it.
    expect(report.stacks[0].outputs.logGroupArn).toBe('04da6b54-80e4-46f7-96ec-b56ff0331ba9');
    expect(report.stacks[1].outputs.zetaLogGroupArn).toEqual(deployedArn);
    expect(zetaRuns()).toEqual(['preview', 'update']);
  });

  it('in --mode update runs each stack once', async () => {
    zetaRuns();
    const result = await bulwark(['preview', '--workspace', workspace, '--format', 'json', '--mode', 'update']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).stacks[1].outputs.zetaLogGroupArn).toEqual(deployedArn);
    expect(zetaRuns()).toEqual(['update']);
  });

  it('previews only the named stacks (and what they reference)', async () => {
    const result = await bulwark(['preview', 'zeta', '--workspace', workspace, '--mode', 'update']);
    expect(result.code).toBe(0);
    // Each stack that ran has its one line on stderr; the report on stdout counts them.
    expect(result.stderr).toMatch(/^ {2}pass zeta\/dev \(update\): /m);
    expect(result.stderr).not.toContain('alpha/dev');
    expect(result.stdout).toContain('PASSED: 1 stack,');
    const unknown = await bulwark(['preview', 'gamma', '--workspace', workspace]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no workspace stack named "gamma" (known: alpha, zeta)');
  });

  it('runs a named stack after the stacks it consumes, and reports both', async () => {
    const result = await bulwark(['preview', 'alpha', '--workspace', workspace, '--format', 'json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).stacks.map((stack: { project: string }) => stack.project)).toEqual(['zeta', 'alpha']);
  });

  it('exits 2 naming the package.json of a stack that reads a workspace stack it does not declare', async () => {
    const manifest = path.join(workspace, 'stacks', 'alpha', 'package.json');
    const declared = fs.readFileSync(manifest, 'utf8');
    fs.writeFileSync(manifest, stackManifest('alpha', []));
    try {
      const result = await bulwark(['preview', '--workspace', workspace]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`${manifest}: "bulwark.consumes" does not list 'zeta', whose outputs alpha reads through a StackReference`);
    } finally {
      fs.writeFileSync(manifest, declared);
    }
  });

  it('exits 2 naming the file when a stack declares nothing: the order is never guessed', async () => {
    const manifest = path.join(workspace, 'stacks', 'zeta', 'package.json');
    const declared = fs.readFileSync(manifest, 'utf8');
    fs.writeFileSync(manifest, JSON.stringify({ name: '@ws/zeta', nx: { name: 'zeta' } }));
    try {
      const result = await bulwark(['preview', '--workspace', workspace]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`${manifest}: "bulwark.consumes" is missing`);
    } finally {
      fs.writeFileSync(manifest, declared);
    }
  });

  it('passes with a clear message when the workspace has no stacks yet', async () => {
    const empty = temporaryDirectory();
    fs.mkdirSync(path.join(empty, 'policies'));
    fs.symlinkSync(DEMO_PACK, path.join(empty, 'policies', 'demo'), 'dir');
    const result = await bulwark(['preview', '--workspace', empty]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('nothing to preview');
  });
});

describe('bulwark rules', () => {
  it('lists the catalogue from the pack metadata, filtered by framework', async () => {
    const all = await bulwark(['rules', '--workspace', workspace, '--format', 'json']);
    expect(all.code).toBe(0);
    const catalogue = JSON.parse(all.stdout);
    expect(catalogue.rules.map((rule: { id: string }) => rule.id)).toEqual(['bucket-owner-tag', 'bucket-versioned', 'log-retention', 'stack-not-empty']);
    const cis = await bulwark(['rules', '--policy-pack', DEMO_PACK, '--framework', 'cis']);
    expect(cis.code).toBe(0);
    expect(cis.stdout).toContain('bucket-versioned');
    expect(cis.stdout).toContain('CIS 2.1.3');
    expect(cis.stdout).not.toContain('bucket-owner-tag');
    const bad = await bulwark(['rules', '--framework', 'nist']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--framework must be fsbp or cis');
  });
});
