/** The workspace root: the npm workspace (a package.json declaring `workspaces`) a directory belongs to. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { WorkspaceError } from './workspace-error';
import { isMapping } from './workspace-files';

function declaresWorkspaces(directory: string): boolean {
  const manifest = path.join(directory, 'package.json');
  if (!fs.existsSync(manifest)) return false;
  try {
    const parsed = JSON.parse(fs.readFileSync(manifest, 'utf8')) as unknown;
    return isMapping(parsed) && parsed['workspaces'] !== undefined;
  } catch {
    // A broken package.json above a project is not the workspace root; keep looking upward.
    return false;
  }
}

/** The nearest directory from `start` upward whose package.json declares `workspaces`, or undefined. */
export function findWorkspaceRoot(start: string): string | undefined {
  for (let directory = path.resolve(start); ; directory = path.dirname(directory)) {
    if (declaresWorkspaces(directory)) return directory;
    if (path.dirname(directory) === directory) return undefined;
  }
}

/** Like {@link findWorkspaceRoot}, but throws {@link WorkspaceError} naming `start` when it is in no workspace. */
export function workspaceRootOf(start: string): string {
  const root = findWorkspaceRoot(start);
  if (root === undefined) {
    throw new WorkspaceError(`${path.resolve(start)} is not inside an npm workspace (no package.json with "workspaces" above it)`);
  }
  return root;
}
