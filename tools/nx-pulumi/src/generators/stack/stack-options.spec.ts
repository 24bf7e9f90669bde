import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { camelCase, LOG_DESTINATION_TEST_HELPERS, normalizeStackOptions, pascalCase } from './stack-options';

const BASELINE_TESTING = `${LOG_DESTINATION_TEST_HELPERS.map((helper) => `export { ${helper} } from './${helper}';`).join('\n')}\n`;

/**
 * A workspace with a baseline, a network and a data stack whose config files agree (or not) on the shared values;
 * each exports its contract (`./outputs`), the baseline also its test helpers (`./testing`).
 */
function workspace(prodRegionOfData = 'eu-west-1'): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'stack-options-'));
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  };
  const config = (environment: string, account: string, region = 'eu-west-1') =>
    `config:\n  aws:region: ${region}\n  aws:allowedAccountIds:\n    - "${account}"\n  bulwark:project: acme\n  bulwark:uniqueId: x1y2z3\n  bulwark:environment: ${environment}\n`;
  for (const [name, consumes] of [['baseline', []], ['network', []], ['data', ['network', 'baseline']]] as const) {
    const exports = { '.': './src/index.ts', './outputs': './outputs.ts', ...(name === 'baseline' ? { './testing': './testing/index.ts' } : {}) };
    write(`stacks/${name}/Pulumi.yaml`, `name: ${name}\nruntime: nodejs\n`);
    write(`stacks/${name}/package.json`, JSON.stringify({ name: `@acme/stack-${name}`, version: '1.2.3', exports, nx: { name }, bulwark: { consumes } }));
    write(`stacks/${name}/Pulumi.dev.yaml`, config('dev', '111122223333'));
    write(`stacks/${name}/Pulumi.prod.yaml`, config('prod', '444455556666', name === 'data' ? prodRegionOfData : 'eu-west-1'));
    write(`stacks/${name}/src/outputs.ts`, `export interface ${pascalCase(name)}Outputs { readonly id: string }\n`);
    write(`stacks/${name}/outputs.ts`, "export type * from './src/outputs';\n");
  }
  write('stacks/baseline/testing/index.ts', BASELINE_TESTING);
  return root;
}

const producer = (name: string, outputsType: string) => ({
  name,
  packageName: `@acme/stack-${name}`,
  version: '1.2.3',
  outputsType,
  camelName: name,
  root: `stacks/${name}`,
  pulumiProject: name,
});

describe('normalizeStackOptions', () => {
  const roots: string[] = [];
  const fresh = (prodRegionOfData?: string) => {
    const root = workspace(prodRegionOfData);
    roots.push(root);
    return root;
  };
  afterAll(() => roots.forEach((root) => fs.rmSync(root, { recursive: true, force: true })));

  it('takes the values every stack shares from their config files, and the producers from the workspace, the baseline last', () => {
    const options = normalizeStackOptions(fresh(), { name: 'audit-logs', owner: 'team-audit', consumes: 'network, data' });
    expect(options).toMatchObject({
      name: 'audit-logs',
      pascalName: 'AuditLogs',
      camelName: 'auditLogs',
      directory: 'stacks/audit-logs',
      region: 'eu-west-1',
      accounts: { dev: '111122223333', prod: '444455556666' },
      project: 'acme',
      uniqueId: 'x1y2z3',
      dataBucketPurpose: 'audit-logs-data',
      skipDocs: false,
    });
    expect(options.producers).toEqual([producer('network', 'NetworkOutputs'), producer('data', 'DataOutputs'), producer('baseline', 'BaselineOutputs')]);
    expect(options.logDestination).toBe(options.producers[2]);
  });

  it('always consumes the baseline, whose bucket receives the access logs, once', () => {
    for (const consumes of [undefined, 'baseline', 'baseline,network']) {
      const options = normalizeStackOptions(fresh(), { name: 'x', owner: 't', ...(consumes === undefined ? {} : { consumes }) });
      expect({ consumes, producers: options.producers.map((entry) => entry.name) }).toEqual({
        consumes,
        producers: consumes?.includes('network') ? ['network', 'baseline'] : ['baseline'],
      });
    }
  });

  it('takes an owner given as a GitHub team, @<organization>/<team>', () => {
    expect(normalizeStackOptions(fresh(), { name: 'x', owner: '@acme/auditors' }).owner).toBe('@acme/auditors');
  });

  it("asks for a value when the stacks disagree, and takes it when it is the baseline's", () => {
    expect(() => normalizeStackOptions(fresh('us-east-1'), { name: 'x', owner: 't' })).toThrow(
      '--region: the existing stacks disagree on aws:region in Pulumi.prod.yaml: "eu-west-1" (baseline, network), "us-east-1" (data); give it',
    );
    expect(normalizeStackOptions(fresh('us-east-1'), { name: 'x', owner: 't', region: 'eu-west-1', devAccountId: '111122223333' })).toMatchObject({
      region: 'eu-west-1',
      accounts: { dev: '111122223333', prod: '444455556666' },
    });
  });

  // S3 delivers server access logs only between buckets of one account and region.
  it("refuses a region or account other than the baseline's, whose bucket receives the access logs", () => {
    const root = fresh();
    expect(() => normalizeStackOptions(root, { name: 'x', owner: 't', region: 'us-east-1' })).toThrow(
      `--region us-east-1: ${path.join('stacks', 'baseline', 'Pulumi.dev.yaml')} puts the baseline stack in "eu-west-1"; S3 delivers server access logs only between buckets of one account and region`,
    );
    expect(() => normalizeStackOptions(root, { name: 'x', owner: 't', prodAccountId: '999988887777' })).toThrow(
      `--prodAccountId 999988887777: ${path.join('stacks', 'baseline', 'Pulumi.prod.yaml')} puts the baseline stack in account 444455556666`,
    );
  });

  it.each([
    [{ name: 'My_Stack', owner: 't' }, 'stack name "My_Stack" must be lowercase letters and digits in hyphen-separated words'],
    [{ name: 'data', owner: 't' }, 'stacks/data (or a stack named "data") already exists'],
    [{ name: 'x', owner: 'a team' }, '--owner "a team" must name a team'],
    [{ name: 'x', owner: 't', consumes: 'netwrk' }, '--consumes netwrk: no such stack (stacks: baseline, data, network)'],
    [{ name: 'x', owner: 't', devAccountId: '123' }, '--devAccountId: "123" is not a 12-digit AWS account id'],
  ])('refuses %j, naming what is wrong', (options, message) => {
    expect(() => normalizeStackOptions(fresh(), options)).toThrow(message);
  });

  it('refuses a producer whose outputs contract is not where consumers import it from', () => {
    const root = fresh();
    const manifestFile = path.join(root, 'stacks/network/package.json');
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { exports: Record<string, string> };
    delete manifest.exports['./outputs'];
    fs.writeFileSync(manifestFile, JSON.stringify(manifest));
    expect(() => normalizeStackOptions(root, { name: 'x', owner: 't', consumes: 'network' })).toThrow(
      `--consumes network: ${manifestFile} must export "./outputs" (a file of the package) in its "exports" map: the @acme/stack-network/outputs entry`,
    );
    fs.writeFileSync(path.join(root, 'stacks/data/src/outputs.ts'), 'export interface Outputs {}\n');
    expect(() => normalizeStackOptions(root, { name: 'x', owner: 't', consumes: 'data' })).toThrow('must export the stack\'s output contract as DataOutputs');
  });

  it('refuses a workspace without a baseline, or a baseline without the test helpers the new tests import', () => {
    const withoutTesting = fresh();
    fs.writeFileSync(path.join(withoutTesting, 'stacks/baseline/testing/index.ts'), "export { runBaseline } from './stack-run';\n");
    expect(() => normalizeStackOptions(withoutTesting, { name: 'x', owner: 't' })).toThrow(
      `${path.join(withoutTesting, 'stacks/baseline/testing/index.ts')}: the new stack's tests import exampleBaselineOutputs, accessLogDeliveryProblems, configRuleProblems from it; export them there`,
    );
    const withoutBaseline = fresh();
    fs.rmSync(path.join(withoutBaseline, 'stacks/baseline'), { recursive: true });
    fs.writeFileSync(path.join(withoutBaseline, 'stacks/data/package.json'), JSON.stringify({ name: '@acme/stack-data', version: '1.2.3', nx: { name: 'data' }, bulwark: { consumes: [] } }));
    expect(() => normalizeStackOptions(withoutBaseline, { name: 'x', owner: 't' })).toThrow(
      'the new stack sends its S3 server access logs to the baseline stack\'s access-logs bucket, and the workspace has no stack named "baseline" (stacks: data, network)',
    );
  });
});

describe('names', () => {
  it('turns a hyphenated name into Pascal and camel case', () => {
    expect([pascalCase('audit-logs-2'), camelCase('audit-logs-2'), pascalCase('edge')]).toEqual(['AuditLogs2', 'auditLogs2', 'Edge']);
  });
});
