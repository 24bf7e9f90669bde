import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type WorkspaceGraph } from './project-graph';
import { describeUndeclared, undeclaredDependencies } from './undeclared-dependencies';
import { graphProject } from './testing/graph-project';


describe('undeclaredDependencies', () => {
  let root: string;
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'undeclared-'));
    const write = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text);
    };
    // testing spawns the cli by path; e2e reads every stack; both reach the cli through the graph or not.
    write('packages/testing/src/check.ts', "import * as path from 'node:path';\nexport const BIN = path.resolve(__dirname, '../../../tools/cli/bin/bulwark.js');\n");
    write('e2e/all/test/preview.spec.ts', "import * as path from 'node:path';\nconst ROOT = path.resolve(__dirname, '../../..');\nexport const of = (stack: string) => path.join(ROOT, 'stacks', stack);\n");
    write('tools/cli/bin/bulwark.js', '');
    write('stacks/network/index.ts', '');
    write('stacks/data/index.ts', '');
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  const projects = [
    graphProject('testing', 'packages/testing'),
    graphProject('e2e', 'e2e/all'),
    graphProject('cli', 'tools/cli'),
    graphProject('network', 'stacks/network'),
    graphProject('data', 'stacks/data'),
  ];

  it('reports each reference to a project the source does not depend on, and says what to declare', () => {
    const graph: WorkspaceGraph = { root, projects, edges: [{ source: 'e2e', target: 'network', type: 'implicit' }] };
    const undeclared = undeclaredDependencies(graph);
    expect(undeclared.map(({ source, target }) => `${source} -> ${target}`)).toEqual(['testing -> cli', 'e2e -> data']);
    expect(describeUndeclared(undeclared)).toContain(
      'packages/testing/src/check.ts:2: path tools/cli/bin/bulwark.js reaches project cli, but testing does not depend on it in the nx graph: declare it in testing\'s package.json',
    );
  });

  it('wants an imported workspace package declared in package.json, even when the graph has the edge', () => {
    fs.writeFileSync(path.join(root, 'packages/testing/src/uses-cli.ts'), "export { main } from '@t/cli';\n");
    try {
      const edges = [{ source: 'testing', target: 'cli', type: 'static' as const }];
      const undeclared = undeclaredDependencies({ root, projects: projects.filter((entry) => entry.name !== 'e2e'), edges });
      expect(describeUndeclared(undeclared)).toBe(
        "packages/testing/src/uses-cli.ts:1: import '@t/cli' uses @t/cli (project cli), which testing's package.json does not declare: add it to its dependencies (devDependencies for test code)",
      );
      const declaring = projects.map((entry) => (entry.name === 'testing' ? { ...entry, devDependencies: ['@t/cli'] } : entry)).filter((entry) => entry.name !== 'e2e');
      expect(undeclaredDependencies({ root, projects: declaring, edges })).toEqual([]);
    } finally {
      fs.rmSync(path.join(root, 'packages/testing/src/uses-cli.ts'));
    }
  });

  it('accepts references to projects reached directly or through another project', () => {
    const graph: WorkspaceGraph = {
      root,
      projects,
      edges: [
        { source: 'testing', target: 'cli', type: 'static' },
        { source: 'e2e', target: 'network', type: 'implicit' },
        { source: 'e2e', target: 'testing', type: 'static' },
        { source: 'testing', target: 'data', type: 'static' },
      ],
    };
    expect(undeclaredDependencies(graph)).toEqual([]);
  });
});
