import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { camelCase, normalizeStackOptions, pascalCase } from './stack-options';

/** A workspace with a network and a data stack whose config files agree (or not) on the shared values. */
function workspace(prodRegionOfData = 'eu-west-1'): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'stack-options-'));
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  };
  const config = (environment: string, account: string, region = 'eu-west-1') =>
    `config:\n  aws:region: ${region}\n  aws:allowedAccountIds:\n    - "${account}"\n  bulwark:project: acme\n  bulwark:uniqueId: x1y2z3\n  bulwark:environment: ${environment}\n`;
  for (const [name, consumes] of [['network', []], ['data', ['network']]] as const) {
    write(`stacks/${name}/Pulumi.yaml`, `name: ${name}\nruntime: nodejs\n`);
    write(`stacks/${name}/package.json`, JSON.stringify({ name: `@acme/stack-${name}`, version: '1.2.3', nx: { name }, bulwark: { consumes } }));
    write(`stacks/${name}/Pulumi.dev.yaml`, config('dev', '111122223333'));
    write(`stacks/${name}/Pulumi.prod.yaml`, config('prod', '444455556666', name === 'data' ? prodRegionOfData : 'eu-west-1'));
    write(`stacks/${name}/src/outputs.ts`, `export interface ${pascalCase(name)}Outputs { readonly id: string }\n`);
    write(`stacks/${name}/outputs.ts`, "export type * from './src/outputs';\n");
  }
  return root;
}

describe('normalizeStackOptions', () => {
  const roots: string[] = [];
  const fresh = (prodRegionOfData?: string) => {
    const root = workspace(prodRegionOfData);
    roots.push(root);
    return root;
  };
  afterAll(() => roots.forEach((root) => fs.rmSync(root, { recursive: true, force: true })));

  it('takes the values every stack shares from their config files, and the producers from the workspace', () => {
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
      skipDocs: false,
    });
    expect(options.producers).toEqual([
      { name: 'network', packageName: '@acme/stack-network', version: '1.2.3', outputsType: 'NetworkOutputs', camelName: 'network', root: 'stacks/network', pulumiProject: 'network' },
      { name: 'data', packageName: '@acme/stack-data', version: '1.2.3', outputsType: 'DataOutputs', camelName: 'data', root: 'stacks/data', pulumiProject: 'data' },
    ]);
  });

  it('takes an owner given as a GitHub team, @<organization>/<team>', () => {
    expect(normalizeStackOptions(fresh(), { name: 'x', owner: '@acme/auditors' }).owner).toBe('@acme/auditors');
  });

  it('lets the options win, and asks for one when the stacks disagree', () => {
    expect(normalizeStackOptions(fresh(), { name: 'x', owner: 't', region: 'us-east-1', devAccountId: '999988887777' })).toMatchObject({
      region: 'us-east-1',
      accounts: { dev: '999988887777', prod: '444455556666' },
    });
    expect(() => normalizeStackOptions(fresh('us-east-1'), { name: 'x', owner: 't' })).toThrow(
      '--region: the existing stacks disagree on aws:region in Pulumi.prod.yaml: "us-east-1" (data), "eu-west-1" (network); give it',
    );
  });

  it.each([
    [{ name: 'My_Stack', owner: 't' }, 'stack name "My_Stack" must be lowercase letters and digits in hyphen-separated words'],
    [{ name: 'data', owner: 't' }, 'stacks/data (or a stack named "data") already exists'],
    [{ name: 'x', owner: 'a team' }, '--owner "a team" must name a team'],
    [{ name: 'x', owner: 't', consumes: 'netwrk' }, '--consumes netwrk: no such stack (stacks: data, network)'],
    [{ name: 'x', owner: 't', devAccountId: '123' }, '--devAccountId: "123" is not a 12-digit AWS account id'],
  ])('refuses %j, naming what is wrong', (options, message) => {
    expect(() => normalizeStackOptions(fresh(), options)).toThrow(message);
  });

  it('refuses a producer whose outputs contract is not where consumers import it from', () => {
    const root = fresh();
    fs.rmSync(path.join(root, 'stacks/network/outputs.ts'));
    expect(() => normalizeStackOptions(root, { name: 'x', owner: 't', consumes: 'network' })).toThrow(
      `--consumes network: ${path.join(root, 'stacks/network/outputs.ts')} is missing`,
    );
    fs.writeFileSync(path.join(root, 'stacks/data/src/outputs.ts'), 'export interface Outputs {}\n');
    expect(() => normalizeStackOptions(root, { name: 'x', owner: 't', consumes: 'data' })).toThrow('must export the stack\'s output contract as DataOutputs');
  });
});

describe('names', () => {
  it('turns a hyphenated name into Pascal and camel case', () => {
    expect([pascalCase('audit-logs-2'), camelCase('audit-logs-2'), pascalCase('edge')]).toEqual(['AuditLogs2', 'auditLogs2', 'Edge']);
  });
});
