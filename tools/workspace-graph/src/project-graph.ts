/**
 * The workspace's nx project graph, reduced to what Bulwark checks and documents: the workspace projects (root,
 * package name, bins, build outputs, declared dependencies) and the edges between them. npm packages are left out.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** One workspace project as the graph and its package.json describe it. */
export interface GraphProject {
  /** The nx project name. */
  readonly name: string;
  /** The root relative to the workspace root, `/`-separated (`tools/cli`). */
  readonly root: string;
  /** The npm package name, when the project has a package.json. */
  readonly packageName?: string;
  /** The commands the package installs (`bin` of package.json): `bulwark`. */
  readonly bins: readonly string[];
  /** The project's build outputs relative to the workspace root (`policies/aws-security/bin`): not sources. */
  readonly buildOutputs: readonly string[];
  /** Package names in `dependencies` and `peerDependencies`: what it needs to run. */
  readonly runtimeDependencies: readonly string[];
  /** Package names in `devDependencies`: what its tests and tooling need. */
  readonly devDependencies: readonly string[];
  /** `bulwark.consumes`: the stacks whose outputs it reads (stacks only). */
  readonly consumes: readonly string[];
}

/** One edge of the nx graph, as nx typed it. */
export interface GraphEdge {
  readonly source: string;
  readonly target: string;
  readonly type: 'static' | 'dynamic' | 'implicit';
}

/** The workspace projects and the edges between them. */
export interface WorkspaceGraph {
  /** The absolute workspace root. */
  readonly root: string;
  /** Sorted by name. */
  readonly projects: readonly GraphProject[];
  readonly edges: readonly GraphEdge[];
}

/** The subset of nx's ProjectGraph this module reads (so tests can build one by hand). */
export interface NxProjectGraph {
  readonly nodes: Record<string, { readonly name: string; readonly data: { readonly root: string; readonly targets?: Record<string, { readonly outputs?: readonly string[] }> } }>;
  readonly dependencies: Record<string, ReadonlyArray<{ readonly source: string; readonly target: string; readonly type: string }>>;
}

interface Manifest {
  readonly name?: string;
  readonly bin?: string | Record<string, string>;
  readonly dependencies?: Record<string, string>;
  readonly peerDependencies?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
  readonly bulwark?: { readonly consumes?: unknown };
}

function readManifest(file: string): Manifest {
  if (!fs.existsSync(file)) return {};
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
}

function binsOf(manifest: Manifest): string[] {
  if (typeof manifest.bin === 'string') return manifest.name ? [manifest.name.replace(/^@[^/]+\//, '')] : [];
  return Object.keys(manifest.bin ?? {});
}

/** Reduces nx's graph of the workspace at `root`, reading each project's package.json. */
export function workspaceGraphOf(root: string, graph: NxProjectGraph): WorkspaceGraph {
  const projects = Object.values(graph.nodes)
    .map((node): GraphProject => {
      const projectRoot = node.data.root.split(path.sep).join('/');
      const manifest = readManifest(path.join(root, projectRoot, 'package.json'));
      const buildOutputs = (node.data.targets?.['build']?.outputs ?? []).map((output) =>
        output.replace('{projectRoot}', projectRoot).replace('{workspaceRoot}/', ''),
      );
      const consumes = manifest.bulwark?.consumes;
      return {
        name: node.name,
        root: projectRoot,
        ...(manifest.name ? { packageName: manifest.name } : {}),
        bins: binsOf(manifest),
        buildOutputs,
        runtimeDependencies: Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies }),
        devDependencies: Object.keys(manifest.devDependencies ?? {}),
        consumes: Array.isArray(consumes) ? consumes.filter((name): name is string => typeof name === 'string') : [],
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  const names = new Set(projects.map((project) => project.name));
  const edges = Object.values(graph.dependencies)
    .flat()
    .filter((edge) => names.has(edge.source) && names.has(edge.target) && edge.source !== edge.target)
    .map((edge) => ({ source: edge.source, target: edge.target, type: edge.type as GraphEdge['type'] }));
  return { root, projects, edges };
}

/**
 * The workspace's graph as nx computes it now (plugins included, so the stacks' `consumes` edges are there).
 * nx finds the workspace from the working directory, or NX_WORKSPACE_ROOT_PATH.
 */
export async function readWorkspaceGraph(): Promise<WorkspaceGraph> {
  // Loaded on use: nx's devkit is heavy, and the readers above need none of it.
  const devkit = await import('@nx/devkit');
  const graph = await devkit.createProjectGraphAsync({ exitOnError: false });
  return workspaceGraphOf(devkit.workspaceRoot, graph as unknown as NxProjectGraph);
}

/** Every project `source` depends on, directly or not (not itself). */
export function dependenciesOf(graph: WorkspaceGraph, source: string): Set<string> {
  const reached = new Set<string>();
  const visit = (name: string) => {
    for (const edge of graph.edges) {
      if (edge.source === name && !reached.has(edge.target)) {
        reached.add(edge.target);
        visit(edge.target);
      }
    }
  };
  visit(source);
  reached.delete(source);
  return reached;
}
