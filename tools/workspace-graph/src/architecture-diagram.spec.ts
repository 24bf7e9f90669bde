import { renderProjectDiagram, withDiagram } from './architecture-diagram';
import { type WorkspaceGraph } from './project-graph';
import { graphProject } from './testing/graph-project';


const graph: WorkspaceGraph = {
  root: '/workspace',
  projects: [
    graphProject('core', 'packages/core', { devDependencies: ['@t/offline'] }),
    graphProject('data', 'stacks/data', { consumes: ['network'], runtimeDependencies: ['@t/core'] }),
    graphProject('network', 'stacks/network', { runtimeDependencies: ['@t/core'] }),
    graphProject('offline', 'packages/offline'),
    graphProject('pack', 'policies/pack'),
  ],
  edges: [
    { source: 'data', target: 'network', type: 'static' },
    { source: 'data', target: 'core', type: 'static' },
    { source: 'data', target: 'core', type: 'implicit' },
    { source: 'data', target: 'pack', type: 'implicit' },
    { source: 'core', target: 'offline', type: 'static' },
    { source: 'network', target: 'core', type: 'static' },
  ],
};

describe('renderProjectDiagram', () => {
  it('draws every project in its folder and each pair of projects once, by what the edge is for', () => {
    expect(renderProjectDiagram(graph)).toBe(
      [
        'flowchart LR',
        '  subgraph folder_packages["packages/"]',
        '    core["core<br/><small>@t/core</small>"]',
        '    offline["offline<br/><small>@t/offline</small>"]',
        '  end',
        '  subgraph folder_policies["policies/"]',
        '    pack["pack<br/><small>@t/pack</small>"]',
        '  end',
        '  subgraph folder_stacks["stacks/"]',
        '    data["data<br/><small>@t/data</small>"]',
        '    network["network<br/><small>@t/network</small>"]',
        '  end',
        '  core -.-> offline',
        '  data --> core',
        '  data ==>|consumes| network',
        '  data -.->|implicit| pack',
        '  network --> core',
      ].join('\n'),
    );
  });
});

describe('withDiagram', () => {
  const START = '<!-- project-graph:start (generated from the nx project graph by `npm run docs`; do not edit) -->';
  const END = '<!-- project-graph:end -->';

  it('replaces the block between the markers and keeps the rest of the document', () => {
    const document = `# Architecture\n\n${START}\nold\n${END}\n\nText.\n`;
    const updated = withDiagram(document, graph);
    expect(updated).toBe(`# Architecture\n\n${START}\n\`\`\`mermaid\n${renderProjectDiagram(graph)}\n\`\`\`\n${END}\n\nText.\n`);
    expect(withDiagram(updated, graph)).toBe(updated);
  });

  it('fails naming the document when it has no block', () => {
    expect(() => withDiagram('# Architecture\n', graph)).toThrow('docs/architecture.md: no diagram block');
  });
});
