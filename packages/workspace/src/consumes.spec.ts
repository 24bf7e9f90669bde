import * as path from 'node:path';
import { removeTemporaryTrees, stackManifest, temporaryTree } from '../testing/temporary-tree';
import { checkConsumes, readConsumes } from './consumes';

afterAll(removeTemporaryTrees);

describe('readConsumes', () => {
  it('reads the declared stacks, an empty list included', () => {
    const root = temporaryTree({ 'data/package.json': stackManifest('data', ['network']), 'network/package.json': stackManifest('network', []) });
    expect(readConsumes(path.join(root, 'data/package.json'))).toEqual(['network']);
    expect(readConsumes(path.join(root, 'network/package.json'))).toEqual([]);
  });

  it('is an error naming the file when the package.json or the declaration is missing: no guessing', () => {
    const root = temporaryTree({ 'edge/package.json': stackManifest('edge') });
    expect(() => readConsumes(path.join(root, 'none/package.json'))).toThrow(`${path.join(root, 'none/package.json')}: missing; a workspace stack needs a package.json with "bulwark.consumes"`);
    expect(() => readConsumes(path.join(root, 'edge/package.json'))).toThrow(`${path.join(root, 'edge/package.json')}: "bulwark.consumes" is missing: list the nx project names`);
  });

  it.each([
    ['a string', 'network'],
    ['an empty name', ['']],
    ['a number', [1]],
    ['a duplicate', ['network', 'network']],
  ])('rejects %s, naming the file and the key', (_case, consumes) => {
    const root = temporaryTree({ 'package.json': JSON.stringify({ name: 'x', bulwark: { consumes } }) });
    expect(() => readConsumes(path.join(root, 'package.json'))).toThrow(`${path.join(root, 'package.json')}: "bulwark.consumes" must be a list of distinct stack names`);
  });
});

describe('checkConsumes', () => {
  const stacks = [
    { name: 'network', file: 'stacks/network/package.json', consumes: [] },
    { name: 'data', file: 'stacks/data/package.json', consumes: ['network'] },
  ];

  it('accepts declarations naming other stacks of the workspace', () => {
    expect(() => checkConsumes(stacks)).not.toThrow();
  });

  it('rejects a name that is no stack, saying where and which stacks exist', () => {
    expect(() => checkConsumes([...stacks, { name: 'edge', file: 'stacks/edge/package.json', consumes: ['dta'] }])).toThrow(
      `stacks/edge/package.json: "bulwark.consumes" names 'dta', which is not a Pulumi stack project of the workspace. Stack projects: data, edge, network.`,
    );
  });

  it('rejects a stack consuming itself', () => {
    expect(() => checkConsumes([{ name: 'edge', file: 'stacks/edge/package.json', consumes: ['edge'] }])).toThrow(
      `stacks/edge/package.json: "bulwark.consumes" lists the stack itself ('edge')`,
    );
  });
});
