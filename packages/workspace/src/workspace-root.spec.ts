import * as path from 'node:path';
import { removeTemporaryTrees, temporaryTree } from '../testing/temporary-tree';
import { findWorkspaceRoot, workspaceRootOf } from './workspace-root';

afterAll(removeTemporaryTrees);

describe('the workspace root', () => {
  it('is the nearest directory upward whose package.json declares workspaces', () => {
    const root = temporaryTree({
      'package.json': JSON.stringify({ name: 'ws', workspaces: ['stacks/*'] }),
      'stacks/app/package.json': JSON.stringify({ name: 'app' }),
      'stacks/app/src/index.ts': '',
    });
    expect(findWorkspaceRoot(path.join(root, 'stacks/app/src'))).toBe(root);
    expect(workspaceRootOf(root)).toBe(root);
  });

  it('is this repository for its own packages', () => {
    expect(workspaceRootOf(__dirname)).toBe(path.resolve(__dirname, '..', '..', '..'));
  });

  it('is undefined, or an error naming the directory, outside any workspace', () => {
    const outside = temporaryTree({ 'package.json': '{ "name": "lonely" }', 'broken/package.json': '{' });
    expect(findWorkspaceRoot(path.join(outside, 'broken'))).toBeUndefined();
    expect(() => workspaceRootOf(outside)).toThrow(`${outside} is not inside an npm workspace`);
  });
});
