import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as pulumi from '@pulumi/pulumi';
import { stackUnderTest } from './stack-under-test';

/** A stack directory as the stacks have one: project file, two stack config files and the pack config. */
function stackDirectory(): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'stack-under-test-'));
  fs.writeFileSync(path.join(directory, 'Pulumi.yaml'), 'name: demo\nruntime: nodejs\n');
  fs.writeFileSync(
    path.join(directory, 'Pulumi.dev.yaml'),
    'config:\n  aws:region: eu-west-1\n  aws:allowedAccountIds:\n    - "111122223333"\n  bulwark:environment: dev\n  demo:color: blue\n  demo:sizes:\n    - 1\n    - 2\n',
  );
  fs.writeFileSync(path.join(directory, 'Pulumi.prod.yaml'), 'config:\n  aws:region: eu-west-1\n  bulwark:environment: prod\n');
  fs.writeFileSync(path.join(directory, 'policy-config.json'), '{ "aws-security": { "all": "advisory" }, "aws-deployability": { "all": "advisory" } }');
  fs.writeFileSync(path.join(directory, 'policy-config.prod.json'), '{ "aws-security": { "all": "mandatory" } }');
  return directory;
}

/** A bucket as the AWS provider registers one, without needing the provider package here. */
class BareBucket extends pulumi.CustomResource {
  constructor(name: string) {
    super('aws:s3/bucket:Bucket', name, {});
  }
}

/** Exports what it read, reads a producer of its environment and registers a bare bucket the pack flags. */
function program() {
  const config = new pulumi.Config('demo');
  const environment = new pulumi.Config('bulwark').require('environment');
  const network = new pulumi.StackReference('network', { name: `organization/network/${environment}` });
  new BareBucket('bare');
  return { color: config.get('color') ?? 'unset', sizes: config.getObject<number[]>('sizes') ?? [], vpcId: network.requireOutput('vpcId') };
}

describe('stackUnderTest', () => {
  const directory = stackDirectory();
  afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));
  const demo = stackUnderTest({
    directory,
    program,
    producers: { network: (environment, account) => ({ vpcId: `vpc-${environment}-${account}` }) },
  });

  it('takes the project name from Pulumi.yaml', () => {
    expect(demo.project).toBe('demo');
    expect(demo.directory).toBe(directory);
  });

  it('reads a stack config file by namespaced key, structured values as values', () => {
    expect(demo.configFile('dev')).toEqual({
      'aws:region': 'eu-west-1',
      'aws:allowedAccountIds': ['111122223333'],
      'bulwark:environment': 'dev',
      'demo:color': 'blue',
      'demo:sizes': [1, 2],
    });
  });

  it('refuses a stack that has no config file', () => {
    expect(() => demo.configFile('staging')).toThrow(`${directory}: no Pulumi.staging.yaml, so there is no "staging" stack to test`);
  });

  it('runs the program with the config file and the producer outputs of its environment', async () => {
    const result = await demo.run('dev', 'update');
    expect(result).toMatchObject({ project: 'demo', stack: 'dev', mode: 'update' });
    expect(result.outputs).toEqual({ color: 'blue', sizes: [1, 2], vpcId: 'vpc-dev-111122223333' });
  });

  it('applies overrides key by key, undefined removing a key', async () => {
    const result = await demo.run('dev', 'update', { 'demo:color': 'green', 'demo:sizes': undefined });
    expect(result.outputs).toEqual({ color: 'green', sizes: [], vpcId: 'vpc-dev-111122223333' });
  });

  it('resolves StackReferences to the outputs a run is given instead of the stack default', async () => {
    const result = await demo.run('prod', 'update', {}, { 'organization/network/prod': { vpcId: 'vpc-given' } });
    expect(result.outputs).toMatchObject({ color: 'unset', vpcId: 'vpc-given' });
  });

  it("evaluates every workspace pack with its section of the stack's policy-config.json when it has no file of its own", async () => {
    const findings = await demo.packFindings(await demo.run('dev', 'preview'));
    const bucketFindings = findings.filter((finding) => finding.urn?.endsWith('aws:s3/bucket:Bucket::bare'));
    expect(bucketFindings.map((finding) => finding.policy)).toContain('s3-bucket-versioning');
    expect(findings.every((finding) => ['aws-security', 'aws-deployability'].includes(finding.pack) && finding.enforcement === 'advisory')).toBe(true);
  });

  it("evaluates a stack's run with its policy-config.<stack>.json when it has one, as preview and the nx targets do", async () => {
    const findings = await demo.packFindings(await demo.run('prod', 'preview', {}, { 'organization/network/prod': { vpcId: 'vpc-prod' } }));
    expect(findings.filter((finding) => finding.policy === 's3-bucket-versioning').map((finding) => finding.enforcement)).toEqual(['mandatory']);
  });

  it('names the deployment account from aws:allowedAccountIds, and fails naming the file and key without one', () => {
    expect(demo.deploymentAccount('dev')).toBe('111122223333');
    expect(() => demo.deploymentAccount('prod')).toThrow(`${path.join(directory, 'Pulumi.prod.yaml')}: "aws:allowedAccountIds" is not set`);
  });
});
