/**
 * A workspace file that cannot be used as it is. The message names the file, the key when one is at fault, and
 * what to change; `file` and `key` carry the same for callers that report them separately.
 */
export class WorkspaceError extends Error {
  override readonly name = 'WorkspaceError';
  /** The file at fault (absolute, or as the caller named it), when there is one. */
  readonly file?: string;
  /** The key at fault (`name`, `bulwark.consumes`, `aws:allowedAccountIds`), when there is one. */
  readonly key?: string;

  constructor(message: string, where: { readonly file?: string; readonly key?: string } = {}) {
    super(message);
    if (where.file !== undefined) this.file = where.file;
    if (where.key !== undefined) this.key = where.key;
  }
}

/** An error about `key` in `file`: `<file>: "<key>" <problem>`. */
export function keyError(file: string, key: string, problem: string): WorkspaceError {
  return new WorkspaceError(`${file}: "${key}" ${problem}`, { file, key });
}
