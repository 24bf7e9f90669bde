/**
 * `bulwark check` end to end, as a process on temporary programs: exit codes, every report format and its
 * validation (SARIF against the 2.1.0 schema, JUnit well-formed with the right counts, JSON against
 * docs/report-schema.json), and failing closed on programs and packs that fail.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import {
  bucketProgram,
  bulwark,
  CRASH_PACK,
  DEMO_PACK,
  linkNodeModules,
  removeTemporaryDirectories,
  temporaryDirectory,
  WORKSPACE_ROOT,
  writeProgram,
} from './cli-harness';

const SARIF_SCHEMA = JSON.parse(fs.readFileSync(path.join(__dirname, 'schemas', 'sarif-schema-2.1.0.json'), 'utf8'));
const REPORT_SCHEMA = JSON.parse(fs.readFileSync(path.join(WORKSPACE_ROOT, 'docs', 'report-schema.json'), 'utf8'));

let violating: string;
let compliant: string;
let root: string;

beforeAll(() => {
  root = temporaryDirectory();
  linkNodeModules(root);
  violating = writeProgram(path.join(root, 'violating'), bucketProgram(true));
  compliant = writeProgram(path.join(root, 'compliant'), bucketProgram(false));
});

afterAll(removeTemporaryDirectories);

const check = (directory: string, ...extra: string[]) => bulwark(['check', directory, '--policy-pack', DEMO_PACK, ...extra], root);

describe('bulwark check', () => {
  it('exits 1 on a violating program and names the rule in the text report', async () => {
    const result = await check(violating);
    expect(result.stderr).toContain('storage/dev');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('bucket-owner-tag');
    expect(result.stdout).toContain('bucket-versioned');
    expect(result.stdout).toContain('aws:s3/bucket:Bucket "assets"');
    expect(result.stdout).toContain('FAILED: 1 stack, 3 resources: 2 mandatory');
    // The secure value is replaced, marked secret, and the user is told.
    expect(result.stdout).toContain('"storage:apiToken" is encrypted');
  });

  it('exits 0 on a compliant program', async () => {
    const result = await check(compliant);
    expect(result.stderr).not.toContain('error:');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('PASSED: 1 stack, 4 resources: no findings');
    // The stack's one progress line, on stderr.
    expect(result.stderr).toMatch(/^ {2}pass storage\/dev \(both\): 4 resources, no findings, \d/m);
  });

  it('writes a JSON report that fits docs/report-schema.json', async () => {
    const result = await check(violating, '--format', 'json');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    const validate = new Ajv({ allErrors: true, strict: false }).compile(REPORT_SCHEMA);
    expect(validate.errors ?? validate(report)).toBe(true);
    expect(report.summary).toEqual({ stacks: 1, resources: 3, mandatory: 2, advisory: 0, waived: 0 });
    const [stack] = report.stacks;
    expect(stack).toMatchObject({ project: 'storage', stack: 'dev', mode: 'both', modes: ['preview', 'update'] });
    // Each finding both modes reported is reported once, saying so.
    expect(stack.violations.map((violation: { modes: string[] }) => violation.modes)).toEqual([
      ['preview', 'update'],
      ['preview', 'update'],
    ]);
    expect(stack.violations.map((violation: { policy: string }) => violation.policy).sort()).toEqual(['bucket-owner-tag', 'bucket-versioned']);
    expect(stack.violations[0].urn).toBe('urn:pulumi:dev::storage::aws:s3/bucket:Bucket::assets');
    expect(stack.outputs.token).toBe('offline-secret-storage-apiToken');
    // The disabled policy is not evaluated; the configured default reached the pack (365 >= 90: no finding).
    expect(stack.policies.map((policy: { policy: string }) => policy.policy)).not.toContain('stack-not-empty');
  });

  it('writes SARIF 2.1.0 that validates against the schema, with rule metadata and stable fingerprints', async () => {
    const first = await check(violating, '--format', 'sarif');
    const second = await check(violating, '--format', 'sarif');
    expect(first.code).toBe(1);
    const log = JSON.parse(first.stdout);
    // The schema's `language` pattern is not valid in unicode mode: compile its patterns as plain regexps.
    const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(SARIF_SCHEMA);
    expect(validate(log) ? true : validate.errors).toBe(true);
    const [run] = log.runs;
    const rule = run.tool.driver.rules.find((candidate: { id: string }) => candidate.id === 'bucket-versioned');
    expect(rule.properties['security-severity']).toBe('8.0');
    expect(rule.help.text).toContain('Remediation: Add an aws.s3.BucketVersioning');
    const owner = run.tool.driver.rules.find((candidate: { id: string }) => candidate.id === 'bucket-owner-tag');
    expect(owner.helpUri).toBe('https://example.com/rules#bucket-owner-tag');
    // One result per rule and resource, though both modes found each.
    const ids = run.results.map((item: { ruleId: string }) => item.ruleId).sort();
    expect(ids).toEqual(['bucket-owner-tag', 'bucket-versioned']);
    expect(run.results[0].properties.modes).toEqual(['preview', 'update']);
    expect(run.results[0].locations[0].logicalLocations[0].fullyQualifiedName).toBe('urn:pulumi:dev::storage::aws:s3/bucket:Bucket::assets');
    expect(run.results[0].level).toBe('error');
    const fingerprints = (text: string) => JSON.parse(text).runs[0].results.map((item: { partialFingerprints: object }) => item.partialFingerprints);
    expect(fingerprints(second.stdout)).toEqual(fingerprints(first.stdout));
  });

  it('blocks a public bucket policy built from bucket.arn by default, which a preview alone can only call undecided', async () => {
    const program = writeProgram(path.join(root, 'public-site'), {
      'Pulumi.yaml': 'name: public-site\nruntime: nodejs\n',
      'index.ts': [
        "import * as pulumi from '@pulumi/pulumi';",
        "import * as aws from '@pulumi/aws';",
        "const bucket = new aws.s3.BucketV2('site');",
        "new aws.s3.BucketPolicy('site', {",
        '  bucket: bucket.id,',
        '  policy: pulumi.jsonStringify({',
        "    Version: '2012-10-17',",
        "    Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: pulumi.interpolate`${bucket.arn}/*` }],",
        '  }),',
        '});',
        '',
      ].join('\n'),
    });
    const policyUrn = 'urn:pulumi:dev::public-site::aws:s3/bucketPolicy:BucketPolicy::site';
    const publicPolicy = (stdout: string) =>
      JSON.parse(stdout).stacks[0].violations.filter(
        (violation: { policy: string; urn: string }) => violation.policy === 's3-bucket-no-public-policy' && violation.urn === policyUrn,
      );
    // The workspace pack (no --policy-pack), as CI runs it.
    const both = await bulwark(['check', program, '--format', 'json'], root);
    expect(both.code).toBe(1);
    expect(publicPolicy(both.stdout)).toEqual([expect.objectContaining({ enforcement: 'mandatory', kind: 'violation', modes: ['update'] })]);
    const preview = await bulwark(['check', program, '--format', 'json', '--mode', 'preview'], root);
    expect(publicPolicy(preview.stdout)).toEqual([
      expect.objectContaining({ enforcement: 'advisory', kind: 'undecided', property: 'policy', modes: ['preview'] }),
    ]);
  });

  it('writes well-formed JUnit XML with a suite per stack and a failure per mandatory violation', async () => {
    const result = await check(violating, '--format', 'junit');
    expect(result.code).toBe(1);
    expect(XMLValidator.validate(result.stdout)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(result.stdout);
    const suite = parsed.testsuites.testsuite;
    expect(suite.name).toBe('storage/dev');
    const cases = Array.isArray(suite.testcase) ? suite.testcase : [suite.testcase];
    // 3 resources (stack, bucket, log group) x 2 resource policies (owner tag, log retention) + 1 stack policy.
    expect(cases).toHaveLength(7);
    expect(Number(suite.tests)).toBe(7);
    const failed = cases.filter((testCase: { failure?: unknown }) => testCase.failure !== undefined);
    expect(failed).toHaveLength(2);
    expect(Number(suite.failures)).toBe(2);
    expect(failed.map((testCase: { name: string }) => testCase.name).sort()).toEqual([
      'bucket-owner-tag aws:s3/bucket:Bucket assets',
      'bucket-versioned (stack)',
    ]);
    // Both modes found each failure: one failure that says so, not one per mode.
    expect(failed.map((testCase: { failure: { '#text': string } }) => testCase.failure['#text'])).toEqual([
      expect.stringContaining('(found in preview, update)'),
      expect.stringContaining('(found in preview, update)'),
    ]);
  });

  it('writes a Markdown summary naming the rules', async () => {
    const result = await check(violating, '--format', 'markdown', '--output', path.join(root, 'out', 'report.md'));
    expect(result.code).toBe(1);
    const markdown = fs.readFileSync(path.join(root, 'out', 'report.md'), 'utf8');
    expect(markdown.startsWith('<!-- bulwark-report -->\n')).toBe(true);
    expect(markdown).toContain(':x: **Failed**: 1 stack, 3 resources: 2 mandatory');
    expect(markdown).toContain('`bucket-owner-tag`');
    expect(markdown).toContain('`bucket-versioned`');
  });

  it('writes one self-contained HTML page with every finding', async () => {
    const output = path.join(root, 'out', 'report.html');
    const result = await check(violating, '--format', 'html', '--output', output);
    expect(result.code).toBe(1);
    const html = fs.readFileSync(output, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html.match(/<tr class="mandatory"/g)).toHaveLength(2);
    expect(html).toContain('data-rule="bucket-owner-tag"');
  });

  it('--quiet: no progress lines on stderr, and a report of only the findings and the summary', async () => {
    const result = await check(violating, '--quiet');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('bucket-owner-tag');
    expect(result.stdout).not.toContain('is encrypted');
    expect(result.stdout).toMatch(/FAILED: 1 stack, 3 resources: 2 mandatory \(1 warning not shown: run without --quiet to see\)\n$/);
  });

  it('applies --config over the stack file and --policy-pack-config to the pack', async () => {
    const config = path.join(root, 'pack-config.json');
    fs.writeFileSync(config, JSON.stringify({ 'bucket-owner-tag': 'advisory', 'bucket-versioned': 'disabled', 'log-retention': { minimumDays: 400 } }));
    const result = await check(violating, '--format', 'json', '--policy-pack-config', config, '--config', 'apiToken=real');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.stacks[0].outputs.token).toBe('real');
    expect(report.stacks[0].warnings).toEqual([]);
    expect(report.stacks[0].violations.map((violation: { policy: string; enforcement: string }) => [violation.policy, violation.enforcement]).sort()).toEqual([
      ['bucket-owner-tag', 'advisory'],
      ['log-retention', 'advisory'],
    ]);
  });

  it('exits 2 with the program message when the program throws', async () => {
    const thrower = writeProgram(path.join(root, 'thrower'), {
      'Pulumi.yaml': 'name: thrower\nruntime: nodejs\n',
      'index.ts': "import * as aws from '@pulumi/aws';\nnew aws.s3.Bucket('b', {});\nthrow new Error('network config is missing');\n",
    });
    const result = await check(thrower);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('the program failed: network config is missing');
    expect(result.stdout).toBe('');
  });

  it('exits 2 with a clear message for a missing directory, a non-Node runtime and bad options', async () => {
    const missing = await check(path.join(root, 'does-not-exist'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('does-not-exist: no such directory');
    const python = writeProgram(path.join(root, 'python'), { 'Pulumi.yaml': 'name: py\nruntime: python\n' });
    const wrongRuntime = await check(python);
    expect(wrongRuntime.code).toBe(2);
    expect(wrongRuntime.stderr).toContain('runtime "python" is not supported');
    const badFormat = await check(compliant, '--format', 'xml');
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain('--format must be one of text, json, sarif, junit, markdown, html, got "xml"');
    const unknownOption = await bulwark(['check', compliant, '--frobnicate'], root);
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.stderr).toContain('bulwark check: unknown option --frobnicate');
    const noCommand = await bulwark(['deploy'], root);
    expect(noCommand.code).toBe(2);
    expect(noCommand.stderr).toContain('unknown command "deploy"');
  });

  it('exits 2 showing the pack stderr when a pack crashes on start, even next to a working pack', async () => {
    const result = await bulwark(['check', compliant, '--policy-pack', DEMO_PACK, '--policy-pack', CRASH_PACK], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('before it started serving');
    expect(result.stderr).toContain('crash-pack: cannot read waivers.yaml');
    expect(result.stdout).toBe('');
  });

  it('exits 2 when a directory is not a policy pack', async () => {
    const result = await bulwark(['check', compliant, '--policy-pack', root], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no PulumiPolicy.yaml');
  });
});
