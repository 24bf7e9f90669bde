/**
 * The references from a project's sources to another workspace project (see `source-references.ts`) that the nx
 * graph does not know: the source project does not depend on the target, directly or not. Each is a dependency to
 * declare in the source's package.json (or as an nx implicit dependency), so that a change to the target reruns the
 * source's cached targets and `nx affected` includes it.
 */
import { dependenciesOf, type WorkspaceGraph } from './project-graph';
import { SourceScanner, type SourceReference } from './source-references';

/**
 * Every reference of every project's sources to a project it does not depend on in the graph; and every import of a
 * workspace package its package.json does not declare (nx infers an edge from an import, but the package manager
 * only links what is declared).
 */
export function undeclaredDependencies(graph: WorkspaceGraph): SourceReference[] {
  const scanner = new SourceScanner(graph.root, graph.projects);
  return graph.projects.flatMap((project) => {
    const reachable = dependenciesOf(graph, project.name);
    const declared = new Set([...project.runtimeDependencies, ...project.devDependencies]);
    return scanner
      .referencesOf(project)
      .filter((reference) => (reference.packageName ? !declared.has(reference.packageName) : !reachable.has(reference.target)));
  });
}

/** One line per reference: where, how, and what to declare. */
export function describeUndeclared(references: readonly SourceReference[]): string {
  return references
    .map(
      (reference) =>
        reference.packageName
          ? `${reference.file}:${reference.line}: ${reference.how} uses ${reference.packageName} (project ${reference.target}), which ` +
            `${reference.source}'s package.json does not declare: add it to its dependencies (devDependencies for test code)`
          : `${reference.file}:${reference.line}: ${reference.how} reaches project ${reference.target}, but ${reference.source} does not ` +
            `depend on it in the nx graph: declare it in ${reference.source}'s package.json`,
    )
    .join('\n');
}
