import * as path from 'node:path';
import { removeTemporaryTrees, stackManifest, temporaryTree } from '../testing/temporary-tree';
import { discoverStacks, isStackDirectory, orderByConsumes, readWorkspaceStack } from './workspace-stacks';

afterAll(removeTemporaryTrees);

const project = (name: string) => `name: ${name}\nruntime: nodejs\n`;

describe('discoverStacks', () => {
  it('finds every stack under stacks/, grouped ones included, by nx name, with what each consumes', () => {
    const root = temporaryTree({
      'stacks/network/Pulumi.yaml': project('network'),
      'stacks/network/package.json': stackManifest('network', []),
      'stacks/apps/data/Pulumi.yml': project('data-pulumi'),
      'stacks/apps/data/package.json': stackManifest('data', ['network']),
      'stacks/node_modules/ignored/Pulumi.yaml': project('ignored'),
      'packages/core/test-fixtures/demo/Pulumi.yaml': project('demo'),
    });
    const stacks = discoverStacks(root);
    expect(stacks.map(({ name, directory, consumes, project: { name: pulumiName } }) => ({ name, directory, consumes, pulumiName }))).toEqual([
      { name: 'data', directory: path.join(root, 'stacks/apps/data'), consumes: ['network'], pulumiName: 'data-pulumi' },
      { name: 'network', directory: path.join(root, 'stacks/network'), consumes: [], pulumiName: 'network' },
    ]);
  });

  it('is empty for a workspace without stacks/', () => {
    expect(discoverStacks(temporaryTree({ 'package.json': '{}' }))).toEqual([]);
  });

  it('fails naming the file a stack lacks, or the declaration that names no stack', () => {
    const missing = temporaryTree({ 'stacks/edge/Pulumi.yaml': project('edge') });
    expect(() => discoverStacks(missing)).toThrow(`${path.join(missing, 'stacks/edge/package.json')}: missing`);
    const unknown = temporaryTree({ 'stacks/edge/Pulumi.yaml': project('edge'), 'stacks/edge/package.json': stackManifest('edge', ['data']) });
    expect(() => discoverStacks(unknown)).toThrow(`"bulwark.consumes" names 'data', which is not a Pulumi stack project of the workspace. Stack projects: edge.`);
  });

  it('reads this repository\'s stacks with the consumes they declare', () => {
    const stacks = discoverStacks(path.resolve(__dirname, '..', '..', '..'));
    const declared = Object.fromEntries(stacks.map((stack) => [stack.name, stack.consumes]));
    expect(declared).toMatchObject({ baseline: [], network: [], data: ['network', 'baseline'], edge: ['baseline'], compute: ['network', 'data', 'baseline'] });
  });
});

describe('isStackDirectory and readWorkspaceStack', () => {
  it('need a project file and a package.json; the nx name falls back to the package name', () => {
    const root = temporaryTree({
      'a/Pulumi.yaml': project('a'),
      'a/package.json': JSON.stringify({ name: '@x/a', bulwark: { consumes: [] } }),
      'b/Pulumi.yaml': project('b'),
    });
    expect(isStackDirectory(path.join(root, 'a'))).toBe(true);
    expect(isStackDirectory(path.join(root, 'b'))).toBe(false);
    expect(readWorkspaceStack(path.join(root, 'a')).name).toBe('@x/a');
  });
});

describe('orderByConsumes', () => {
  const stack = (name: string, consumes: string[] = []) => ({ name, consumes, packageFile: `stacks/${name}/package.json` });

  it('puts producers before consumers and keeps the given order otherwise', () => {
    const order = orderByConsumes([stack('compute', ['network', 'data']), stack('baseline'), stack('data', ['network']), stack('network')]);
    expect(order.map((entry) => entry.name)).toEqual(['network', 'data', 'compute', 'baseline']);
  });

  it('ignores names outside the given stacks (a selection of the workspace)', () => {
    expect(orderByConsumes([stack('data', ['network'])]).map((entry) => entry.name)).toEqual(['data']);
  });

  it('names the cycle and the files that declare it', () => {
    expect(() => orderByConsumes([stack('a', ['b']), stack('b', ['a'])])).toThrow(
      'the stacks consume each other in a cycle, so none can deploy first: a -> b -> a (see "bulwark.consumes" in stacks/a/package.json, stacks/b/package.json)',
    );
  });
});
