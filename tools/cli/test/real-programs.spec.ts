/**
 * Programs shaped like real public ones (test-fixtures/programs), run by the `bulwark` command as Pulumi runs
 * them: in their project directory, TypeScript imports resolved as their TypeScript setup says, ES module programs
 * as ES modules, common lookups answered offline, and what only the account knows given with --invoke-fixtures
 * and --stack-reference, or else an error whose advice is a command that works.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bulwark, DEMO_PACK, removeTemporaryDirectories, temporaryDirectory, WORKSPACE_ROOT } from './cli-harness';

const PROGRAMS = path.resolve(__dirname, '..', 'test-fixtures', 'programs');

interface Report {
  stacks: { resources: { type: string; name: string }[]; outputs: Record<string, unknown>; violations: { policy: string }[] }[];
  error?: { message: string; details: string[] };
}

async function checkJson(program: string, ...extra: string[]): Promise<{ code: number | null; report: Report; stderr: string }> {
  const result = await bulwark(['check', path.join(PROGRAMS, program), '--policy-pack', DEMO_PACK, '--format', 'json', ...extra], WORKSPACE_ROOT);
  return { code: result.code, report: JSON.parse(result.stdout) as Report, stderr: result.stderr };
}

function types(report: Report): string[] {
  return (report.stacks[0]?.resources ?? []).map((resource) => resource.type);
}

afterAll(removeTemporaryDirectories);

describe('real programs', () => {
  it('runs an S3 folder website in its project directory: one object per file of www, the website endpoint known in an update', async () => {
    const { code, report } = await checkJson('s3-folder', '--mode', 'update');
    expect(code).toBe(1);
    expect(types(report).filter((type) => type === 'aws:s3/bucketObject:BucketObject')).toHaveLength(3);
    expect(report.stacks[0]?.resources.map((resource) => resource.name)).toEqual(expect.arrayContaining(['index.html', 'site.css', 'app.js']));
    expect(report.stacks[0]?.outputs['websiteUrl']).toMatch(/^s3-website-bucket-[0-9a-f]{7}\.s3-website-us-east-1\.amazonaws\.com$/);
  });

  it('restores the working directory after the run: a relative --output lands where bulwark was started', async () => {
    const started = temporaryDirectory();
    const result = await bulwark(['check', path.join(PROGRAMS, 's3-folder'), '--policy-pack', DEMO_PACK, '--format', 'json', '--output', 'report.json'], started);
    expect(result.code).toBe(1);
    expect(fs.existsSync(path.join(started, 'report.json'))).toBe(true);
    expect(fs.existsSync(path.join(PROGRAMS, 's3-folder', 'report.json'))).toBe(false);
  });

  it('runs an EC2 web server whose AMI comes from aws.ec2.getAmi, answered with a labelled placeholder', async () => {
    const { code, report } = await checkJson('ec2-webserver', '--mode', 'update');
    expect(code).toBe(0);
    expect(types(report)).toEqual(['pulumi:pulumi:Stack', 'aws:ec2/securityGroup:SecurityGroup', 'aws:ec2/instance:Instance']);
    expect(report.stacks[0]?.outputs).toMatchObject({ image: expect.stringMatching(/^ami-[0-9a-f]{17}$/), publicIp: expect.stringMatching(/^203\.0\.113\./) });
  });

  it('pins the AMI to the real one with an invoke fixture', async () => {
    const fixtures = path.join(temporaryDirectory(), 'fixtures.json');
    fs.writeFileSync(fixtures, JSON.stringify([{ token: 'aws:ec2/getAmi:getAmi', args: { owners: ['amazon'] }, result: { id: 'ami-0123456789abcdef0' } }]));
    const { code, report } = await checkJson('ec2-webserver', '--invoke-fixtures', fixtures);
    expect(code).toBe(0);
    expect(report.stacks[0]?.outputs['image']).toBe('ami-0123456789abcdef0');
  });

  it('runs an ES module program: ./acl.js for acl.ts, top-level await on a hosted zone lookup, www read from the project', async () => {
    const { code, report } = await checkJson('static-website-esm');
    expect(code).toBe(1);
    expect(types(report).sort()).toEqual([
      'aws:route53/record:Record',
      'aws:s3/bucket:Bucket',
      'aws:s3/bucketObject:BucketObject',
      'aws:s3/bucketObject:BucketObject',
      'pulumi:pulumi:Stack',
    ]);
    expect(report.stacks[0]?.outputs['zoneId']).toMatch(/^Z[0-9A-F]{20}$/);
  });

  it('resolves ./acl.js to acl.ts in a CommonJS program, and tsconfig paths and baseUrl', async () => {
    const specifiers = await checkJson('cjs-js-specifiers');
    expect(specifiers.code).toBe(1);
    expect(types(specifiers.report)).toContain('aws:s3/bucketAcl:BucketAcl');
    const paths = await checkJson('tsconfig-paths');
    expect(paths.code).toBe(0);
    expect(paths.report.stacks[0]?.outputs['topicName']).toMatch(/^acme-alerts-[0-9a-f]{7}$/);
  });

  it('names every answer it lacks with the flag that gives it, then runs with them', async () => {
    const failed = await checkJson('shared-network');
    expect(failed.code).toBe(2);
    const advice = [failed.report.error?.message, ...(failed.report.error?.details ?? [])].join('\n');
    expect(advice).toContain(
      'answer it with --invoke-fixtures FILE, a JSON list holding {"token":"aws:ssm/getParameter:getParameter","args":{"name":"/network/office-cidr"},"result":{"value":',
    );
    expect(advice).toContain('{"token":"aws:ec2/getVpc:getVpc","args":{"tags":{"Name":"shared"}}');
    expect(advice).toContain('give them with --stack-reference acme/data/prod=FILE.json');
    expect(advice).not.toMatch(/through config|ssmParameters\b(?! )|run options'/);

    const directory = temporaryDirectory();
    const fixtures = path.join(directory, 'fixtures.json');
    fs.writeFileSync(
      fixtures,
      JSON.stringify([
        { token: 'aws:ec2/getVpc:getVpc', args: { tags: { Name: 'shared' } }, result: { id: 'vpc-0shared', cidrBlock: '10.8.0.0/16' } },
        { token: 'aws:ssm/getParameter:getParameter', args: { name: '/network/office-cidr' }, result: { value: '198.51.100.0/24' } },
      ]),
    );
    const outputs = path.join(directory, 'data-prod.json');
    fs.writeFileSync(outputs, JSON.stringify({ bucketName: 'acme-data-prod' }));
    const answered = await checkJson('shared-network', '--invoke-fixtures', fixtures, '--stack-reference', `acme/data/prod=${outputs}`, '--mode', 'update');
    expect(answered.code).toBe(0);
    expect(answered.report.stacks[0]?.outputs['groupVpc']).toBe('vpc-0shared');
  });

  it('fails on a remote component it cannot expand, and reports it as advisory with --allow-opaque-components', async () => {
    const failed = await checkJson('remote-component');
    expect(failed.code).toBe(2);
    expect(failed.report.error?.message).toContain('acme-web:index:StaticSite component urn:pulumi:dev::remote-component::acme-web:index:StaticSite::docs is opaque');
    expect(failed.report.error?.message).toContain('--allow-opaque-components');
    const allowed = await checkJson('remote-component', '--allow-opaque-components');
    expect(allowed.code).toBe(0);
    expect(allowed.report.stacks[0]?.violations).toEqual([
      expect.objectContaining({
        policy: 'opaque-component',
        enforcement: 'advisory',
        urn: 'urn:pulumi:dev::remote-component::acme-web:index:StaticSite::docs',
        message: expect.stringMatching(/^not verified offline: acme-web:index:StaticSite is a remote component/),
      }),
    ]);
  });

  it('refuses a fixtures file it cannot use, naming the file and entry', async () => {
    const fixtures = path.join(temporaryDirectory(), 'fixtures.json');
    fs.writeFileSync(fixtures, JSON.stringify([{ token: 'getVpc', result: {} }]));
    const result = await bulwark(['check', path.join(PROGRAMS, 'tsconfig-paths'), '--policy-pack', DEMO_PACK, '--invoke-fixtures', fixtures], WORKSPACE_ROOT);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`error: invoke fixtures ${fixtures}, entry 0: "token" must be a provider function token`);
  });
});
