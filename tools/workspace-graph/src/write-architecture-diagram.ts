/** Writes the project diagram of the workspace's docs/architecture.md from its nx project graph. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ARCHITECTURE_DOCUMENT, withDiagram } from './architecture-diagram';
import { readWorkspaceGraph } from './project-graph';

/** Rewrites the diagram block; returns whether the document changed. */
export async function writeArchitectureDiagram(): Promise<boolean> {
  const graph = await readWorkspaceGraph();
  const file = path.join(graph.root, ARCHITECTURE_DOCUMENT);
  const before = fs.readFileSync(file, 'utf8');
  const after = withDiagram(before, graph);
  if (after !== before) fs.writeFileSync(file, after);
  return after !== before;
}
