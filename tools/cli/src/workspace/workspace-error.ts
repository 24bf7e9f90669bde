/** The workspace cannot be used as it is (unbuilt pack, bad pack config file, unknown stack): says what to do. */
export class WorkspaceError extends Error {
  override readonly name = 'WorkspaceError';
}
