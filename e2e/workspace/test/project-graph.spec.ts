/**
 * The nx graph tells the truth: every workspace project a source spawns, resolves or builds a path into is a
 * dependency of the source's project (so cached results and `nx affected` follow it), this project depends on every
 * stack it previews, and docs/architecture.md shows the graph as it is.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { discoverStacks } from '@bulwark/workspace';
import {
  ARCHITECTURE_DOCUMENT,
  dependenciesOf,
  describeUndeclared,
  readWorkspaceGraph,
  undeclaredDependencies,
  withDiagram,
  type WorkspaceGraph,
} from '@bulwark/workspace-graph';

let graph: WorkspaceGraph;
beforeAll(async () => {
  graph = await readWorkspaceGraph();
}, 120_000);

describe('the nx project graph', () => {
  it('has every project a source spawns or path-imports as a dependency of the source', () => {
    expect(describeUndeclared(undeclaredDependencies(graph))).toBe('');
  });

  it('shows stack-testing -> cli, whose command the stacks\' end-to-end tests run', () => {
    expect(dependenciesOf(graph, 'stack-testing').has('cli')).toBe(true);
  });

  it('makes this project depend on every workspace stack it previews', () => {
    const stacks = discoverStacks(graph.root).map((stack) => stack.name);
    const dependencies = dependenciesOf(graph, 'e2e-workspace');
    expect(stacks.filter((stack) => !dependencies.has(stack))).toEqual([]);
    expect(stacks.length).toBeGreaterThan(0);
  });
});

describe(ARCHITECTURE_DOCUMENT, () => {
  it('shows the project graph as nx computes it (run `npm run docs` when this fails)', () => {
    const document = fs.readFileSync(path.join(graph.root, ARCHITECTURE_DOCUMENT), 'utf8');
    expect(document).toBe(withDiagram(document, graph));
  });
});
