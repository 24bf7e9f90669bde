/**
 * A project of a test's workspace graph: named `@t/<name>` unless `extra` says otherwise, with no bins, build
 * outputs, dependencies or consumed stacks unless `extra` gives them. For this project's specs only.
 */
import { type GraphProject } from '../project-graph';

/** A graph project at `root`, with `extra` over the empty defaults. */
export function graphProject(name: string, root: string, extra: Partial<GraphProject> = {}): GraphProject {
  return { name, root, packageName: `@t/${name}`, bins: [], buildOutputs: [], runtimeDependencies: [], devDependencies: [], consumes: [], ...extra };
}
