/**
 * Programs that never finish, run by the `bulwark` command as a process: each way a program can stop making
 * progress ends in exit 2 naming what was still pending, in every report format, and `--output` gets the failure
 * rather than nothing (or an earlier run's report).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bulwark, DEMO_PACK, linkNodeModules, removeTemporaryDirectories, temporaryDirectory, writeProgram } from './cli-harness';

let root: string;

const PROGRAMS: Record<string, { source: string; pending: string[]; cause?: string }> = {
  'never-settles': {
    source: [
      "import * as aws from '@pulumi/aws';",
      "const bucket = new aws.s3.Bucket('site');",
      'export const name = bucket.id;',
      'export const waiting = new Promise<string>(() => undefined);',
    ].join('\n'),
    pending: ['stack output never resolved: waiting'],
  },
  'apply-throws': {
    source: [
      "import * as aws from '@pulumi/aws';",
      "const bucket = new aws.s3.Bucket('site');",
      "const owner = bucket.bucket.apply((name): string => { throw new Error(`no owner for ${name}`); });",
      "const logs = new aws.s3.Bucket('logs', { tags: { Owner: owner } });",
      'export const logsArn = logs.arn;',
    ].join('\n'),
    pending: ['registration never completed: aws:s3/bucket:Bucket "logs"', 'stack output never resolved: logsArn'],
    cause: 'the first thing that went wrong: error serializing property "tags": no owner for site-',
  },
  'unanswered-lookup-in-component': {
    source: [
      "import * as pulumi from '@pulumi/pulumi';",
      "import * as aws from '@pulumi/aws';",
      'class WebServer extends pulumi.ComponentResource {',
      '  readonly ip: pulumi.Output<string>;',
      '  constructor(name: string) {',
      "    super('example:web:Server', name);",
      '    const instance = aws.ec2.getInstanceOutput({ instanceTags: { Name: name } }, { parent: this });',
      '    const address = new aws.ec2.Eip(name, { instance: instance.id.apply((id) => id.toUpperCase()) }, { parent: this });',
      '    this.ip = address.publicIp;',
      '    this.registerOutputs({ ip: this.ip });',
      '  }',
      '}',
      "export const ip = new WebServer('web').ip;",
    ].join('\n'),
    pending: ['registration never completed: aws:ec2/eip:Eip "web"', 'stack output never resolved: ip'],
    cause: 'the first thing that went wrong: invoke aws:ec2/getInstance:getInstance failed',
  },
};

beforeAll(() => {
  root = temporaryDirectory();
  linkNodeModules(root);
  for (const [name, program] of Object.entries(PROGRAMS)) {
    writeProgram(path.join(root, name), { 'Pulumi.yaml': `name: ${name}\nruntime: nodejs\n`, 'index.ts': `${program.source}\n` });
  }
  writeProgram(path.join(root, 'exits-early'), {
    'Pulumi.yaml': 'name: exits-early\nruntime: nodejs\n',
    'index.ts': "import * as aws from '@pulumi/aws';\nnew aws.s3.Bucket('site');\nprocess.exit(0);\n",
  });
});

afterAll(removeTemporaryDirectories);

describe('a program that never finishes', () => {
  it.each(Object.keys(PROGRAMS))('%s: exits 2 naming what was pending, never 0 with no report', async (name) => {
    const program = PROGRAMS[name] as (typeof PROGRAMS)[string];
    const result = await bulwark(['check', name, '--policy-pack', DEMO_PACK], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('error: the program failed: it never finished: nothing was left to run while it still waited');
    for (const line of program.pending) expect(result.stderr).toContain(`  ${line}\n`);
    if (program.cause) expect(result.stderr).toContain(program.cause);
    expect(result.stdout).toBe('');
  });

  it.each(['json', 'sarif', 'junit', 'markdown', 'html'])('names the pending resources in the %s format, on stdout and in --output', async (format) => {
    const output = path.join(root, 'reports', `apply-throws.${format}`);
    fs.mkdirSync(path.dirname(output), { recursive: true });
    fs.writeFileSync(output, 'an earlier run’s report');
    const written = await bulwark(['check', 'apply-throws', '--mode', 'update', '--policy-pack', DEMO_PACK, '--format', format, '--output', output], root);
    expect(written.code).toBe(2);
    expect(written.stderr).toContain(`the failure was written to ${output}`);
    const text = fs.readFileSync(output, 'utf8');
    expect(text).toContain('registration never completed: aws:s3/bucket:Bucket');
    expect(text).not.toContain('an earlier run’s report');
    const printed = await bulwark(['check', 'apply-throws', '--mode', 'update', '--policy-pack', DEMO_PACK, '--format', format], root);
    expect(printed.code).toBe(2);
    expect(printed.stdout).toContain('registration never completed: aws:s3/bucket:Bucket');
    if (format === 'json') expect(JSON.parse(printed.stdout).error.details).toContain('stack output never resolved: logsArn');
    if (format === 'sarif') expect(JSON.parse(printed.stdout).runs[0].invocations[0].executionSuccessful).toBe(false);
  });

  it('exits 2, never 0, when the program calls process.exit, saying where', async () => {
    const result = await bulwark(['check', 'exits-early', '--policy-pack', DEMO_PACK, '--format', 'json'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/error: bulwark stopped before it finished \(process\.exit\(0\) was called at .*exits-early[/\\]index\.ts:3/);
    expect(result.stdout).toBe('');
  });
});
