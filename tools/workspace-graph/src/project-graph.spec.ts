import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { dependenciesOf, type NxProjectGraph, workspaceGraphOf } from './project-graph';

describe('workspaceGraphOf', () => {
  let root: string;
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'project-graph-'));
    const write = (file: string, manifest: object) => {
      fs.mkdirSync(path.join(root, path.dirname(file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), JSON.stringify(manifest));
    };
    write('tools/cli/package.json', { name: '@t/cli', bin: { bulwark: 'bin/bulwark.js' }, dependencies: { '@t/core': '1' }, devDependencies: { jest: '1' } });
    write('stacks/data/package.json', { name: '@t/stack-data', bulwark: { consumes: ['network'] }, peerDependencies: { '@t/core': '1' } });
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  const nxGraph: NxProjectGraph = {
    nodes: {
      data: { name: 'data', data: { root: 'stacks/data' } },
      cli: { name: 'cli', data: { root: 'tools/cli', targets: { build: { outputs: ['{projectRoot}/dist', '{workspaceRoot}/out/cli'] } } } },
      bare: { name: 'bare', data: { root: 'tools/bare' } },
    },
    dependencies: {
      cli: [
        { source: 'cli', target: 'data', type: 'static' },
        { source: 'cli', target: 'npm:jest', type: 'static' },
        { source: 'cli', target: 'cli', type: 'implicit' },
      ],
      data: [{ source: 'data', target: 'bare', type: 'implicit' }],
      bare: [],
    },
  };

  it('keeps workspace projects with what their package.json declares, and the edges between them only', () => {
    const graph = workspaceGraphOf(root, nxGraph);
    expect(graph.projects).toEqual([
      { name: 'bare', root: 'tools/bare', bins: [], buildOutputs: [], runtimeDependencies: [], devDependencies: [], consumes: [] },
      {
        name: 'cli',
        root: 'tools/cli',
        packageName: '@t/cli',
        bins: ['bulwark'],
        buildOutputs: ['tools/cli/dist', 'out/cli'],
        runtimeDependencies: ['@t/core'],
        devDependencies: ['jest'],
        consumes: [],
      },
      { name: 'data', root: 'stacks/data', packageName: '@t/stack-data', bins: [], buildOutputs: [], runtimeDependencies: ['@t/core'], devDependencies: [], consumes: ['network'] },
    ]);
    expect(graph.edges).toEqual([
      { source: 'cli', target: 'data', type: 'static' },
      { source: 'data', target: 'bare', type: 'implicit' },
    ]);
  });

  it('answers which projects a project depends on, directly or not', () => {
    const graph = workspaceGraphOf(root, nxGraph);
    expect([...dependenciesOf(graph, 'cli')].sort()).toEqual(['bare', 'data']);
    expect([...dependenciesOf(graph, 'bare')]).toEqual([]);
  });
});
