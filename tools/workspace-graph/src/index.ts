/**
 * @bulwark/workspace-graph: the workspace's nx project graph as Bulwark checks and documents it. Which projects
 * reach which, the sources that spawn or path-import a project they do not depend on, and the generated diagram
 * of docs/architecture.md.
 */
export { type GraphEdge, type GraphProject, type NxProjectGraph, type WorkspaceGraph, dependenciesOf, readWorkspaceGraph, workspaceGraphOf } from './project-graph';
export { type SourceReference, SourceScanner, projectSourceFiles } from './source-references';
export { describeUndeclared, undeclaredDependencies } from './undeclared-dependencies';
export { ARCHITECTURE_DOCUMENT, diagramBlock, renderProjectDiagram, withDiagram } from './architecture-diagram';
export { writeArchitectureDiagram } from './write-architecture-diagram';
