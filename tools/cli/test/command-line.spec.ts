/**
 * The `bulwark` command's habits, as a process: usage and exit 2 with no arguments, --version, per-command help,
 * "did you mean", an invalid project name named in Pulumi.yaml, and a program's own output kept off the report.
 */
import * as path from 'node:path';
import { bulwark, DEMO_PACK, linkNodeModules, removeTemporaryDirectories, temporaryDirectory, writeProgram } from './cli-harness';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const VERSION = (require('../package.json') as { version: string }).version;

let root: string;

beforeAll(() => {
  root = temporaryDirectory();
  linkNodeModules(root);
  writeProgram(path.join(root, 'template'), { 'Pulumi.yaml': 'name: ${PROJECT}\nruntime: nodejs\n', 'index.ts': 'export {};\n' });
  writeProgram(path.join(root, 'chatty'), {
    'Pulumi.yaml': 'name: chatty\nruntime: nodejs\n',
    'index.ts': [
      "import * as pulumi from '@pulumi/pulumi';",
      "import * as aws from '@pulumi/aws';",
      "console.log('syncing www to the bucket');",
      "pulumi.log.info('an info message');",
      "process.emitWarning('a program warning');",
      "export const topic = new aws.sns.Topic('alerts').name;",
    ].join('\n'),
  });
});

afterAll(removeTemporaryDirectories);

describe('the bulwark command line', () => {
  it('prints the usage on stderr and exits 2 when called with no arguments', async () => {
    const result = await bulwark([], root);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('error: no command given');
    expect(result.stderr).toContain('usage: bulwark <command> [options]');
  });

  it('prints its version', async () => {
    const result = await bulwark(['--version'], root);
    expect(result).toMatchObject({ code: 0, stdout: `bulwark ${VERSION}\n` });
  });

  it('explains each command’s own options with --help', async () => {
    const check = await bulwark(['check', '--help'], root);
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/^usage: bulwark check DIR \[options\]/);
    for (const option of ['--update', '--organization', '--invoke-fixtures', '--stack-reference', '--pack-timeout', '--policy-pack-config']) {
      expect(check.stdout).toContain(`  ${option}`);
    }
    expect(check.stdout).toContain('Policy packs: each --policy-pack DIR in order; with none, every pack of the bulwark workspace');
    const rules = await bulwark(['help', 'rules'], root);
    expect(rules.stdout).toMatch(/^usage: bulwark rules \[options\]/);
  });

  it('suggests the option that was meant and shows that command’s help', async () => {
    const result = await bulwark(['check', '.', '--stack-refrence', 'a=b.json'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('error: bulwark check: unknown option --stack-refrence (did you mean --stack-reference?)');
    expect(result.stderr).toContain('usage: bulwark check DIR [options]');
  });

  it('names Pulumi.yaml for a project name that is not valid (a template placeholder left in)', async () => {
    const result = await bulwark(['check', 'template', '--policy-pack', DEMO_PACK], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${path.join(root, 'template', 'Pulumi.yaml')}: "name" is "\${PROJECT}", not a valid Pulumi project name`);
    expect(result.stderr).toContain('a template placeholder such as ${PROJECT} must be replaced');
  });

  it('keeps the program’s own output and warnings on stderr, so the JSON report on stdout parses', async () => {
    const result = await bulwark(['check', 'chatty', '--policy-pack', DEMO_PACK, '--format', 'json'], root);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).stacks[0].project).toBe('chatty');
    expect(result.stderr).toContain('syncing www to the bucket');
    expect(result.stderr).toContain('an info message');
    expect(result.stderr).toContain('a program warning');
  });
});
