/**
 * The diagram of docs/architecture.md: every workspace project and every edge between them, rendered as a
 * mermaid flowchart from the nx project graph (never drawn by hand), grouped by the folder the projects live in.
 * An edge is drawn by what it is for:
 * - `==>|consumes|`: a stack reads the producer's outputs through a StackReference (`bulwark.consumes`);
 * - `-->`: the source needs the target to run (package.json `dependencies`);
 * - `-.->`: only its tests or tooling need it (`devDependencies`);
 * - `-.->|implicit|`: an edge nx adds without a package dependency (every stack is judged by the pack and built on
 *   the foundation projects; the e2e project runs every stack).
 */
import { type GraphProject, type WorkspaceGraph } from './project-graph';

/** Where the diagram goes, relative to the workspace root. */
export const ARCHITECTURE_DOCUMENT = 'docs/architecture.md';
const START = '<!-- project-graph:start (generated from the nx project graph by `npm run docs`; do not edit) -->';
const END = '<!-- project-graph:end -->';

type EdgeKind = 'consumes' | 'runtime' | 'dev' | 'implicit';
const ARROWS: Record<EdgeKind, string> = { consumes: '==>|consumes|', runtime: '-->', dev: '-.->', implicit: '-.->|implicit|' };
// When several reasons join two projects, the diagram shows the one that matters most.
const PRECEDENCE: readonly EdgeKind[] = ['consumes', 'runtime', 'dev', 'implicit'];

function kindOf(source: GraphProject, target: GraphProject, type: string): EdgeKind {
  if (source.consumes.includes(target.name)) return 'consumes';
  if (target.packageName && source.runtimeDependencies.includes(target.packageName)) return 'runtime';
  if (target.packageName && source.devDependencies.includes(target.packageName)) return 'dev';
  // A static edge from an import that no package.json declares would be drawn as runtime: a real dependency.
  return type === 'implicit' ? 'implicit' : 'runtime';
}

function nodeId(name: string): string {
  return name.replace(/[^A-Za-z0-9_]/g, '_');
}

/** The mermaid flowchart (without the fence) of the graph. */
export function renderProjectDiagram(graph: WorkspaceGraph): string {
  const byName = new Map(graph.projects.map((project) => [project.name, project]));
  const folders = new Map<string, GraphProject[]>();
  for (const project of graph.projects) {
    const folder = project.root.includes('/') ? project.root.slice(0, project.root.lastIndexOf('/')) : '.';
    folders.set(folder, [...(folders.get(folder) ?? []), project]);
  }
  const lines = ['flowchart LR'];
  for (const [folder, projects] of [...folders].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`  subgraph ${nodeId(`folder_${folder}`)}["${folder}/"]`);
    for (const project of projects) lines.push(`    ${nodeId(project.name)}["${project.name}<br/><small>${project.packageName ?? project.root}</small>"]`);
    lines.push('  end');
  }
  const edges = new Map<string, { source: string; target: string; kind: EdgeKind }>();
  for (const edge of graph.edges) {
    const source = byName.get(edge.source) as GraphProject;
    const target = byName.get(edge.target) as GraphProject;
    const kind = kindOf(source, target, edge.type);
    const key = `${edge.source} ${edge.target}`;
    const existing = edges.get(key);
    if (!existing || PRECEDENCE.indexOf(kind) < PRECEDENCE.indexOf(existing.kind)) edges.set(key, { source: edge.source, target: edge.target, kind });
  }
  for (const edge of [...edges.values()].sort((a, b) => a.source.localeCompare(b.source) || a.target.localeCompare(b.target))) {
    lines.push(`  ${nodeId(edge.source)} ${ARROWS[edge.kind]} ${nodeId(edge.target)}`);
  }
  return lines.join('\n');
}

/** The markdown block holding the diagram, markers included. */
export function diagramBlock(graph: WorkspaceGraph): string {
  return `${START}\n\`\`\`mermaid\n${renderProjectDiagram(graph)}\n\`\`\`\n${END}`;
}

/**
 * `document` with its diagram block replaced by the graph's. Throws naming the document when it has no block
 * (the two marker comments), so the diagram is never silently left out.
 */
export function withDiagram(document: string, graph: WorkspaceGraph): string {
  const start = document.indexOf(START);
  const end = document.indexOf(END);
  if (start < 0 || end < start) {
    throw new Error(`${ARCHITECTURE_DOCUMENT}: no diagram block; put the lines\n${START}\n${END}\nwhere the diagram goes`);
  }
  return `${document.slice(0, start)}${diagramBlock(graph)}${document.slice(end + END.length)}`;
}
