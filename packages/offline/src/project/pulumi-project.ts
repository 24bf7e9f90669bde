/**
 * The project file of a Pulumi program directory (`Pulumi.yaml` or `Pulumi.yml`). The workspace's one reader
 * (`@bulwark/workspace`) reads it; the engine adds only what running a program needs to say.
 */
export { type ProjectConfigDefault, type PulumiProject, namespacedKey, readPulumiProject } from '@bulwark/workspace';

/** A program directory the engine cannot run as it is (no entry, a runtime it cannot run): says which file and what to change. */
export class ProjectError extends Error {
  override readonly name = 'ProjectError';
}
