/** Finds the workspace (the monorepo holding `stacks/` and `policies/`) a command works on. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { WorkspaceError } from './workspace-error';

/** The workspace this CLI is installed in (tools/cli/src → the repository root). */
export const OWN_WORKSPACE = path.resolve(__dirname, '..', '..', '..', '..');

function isWorkspace(directory: string): boolean {
  const manifest = path.join(directory, 'package.json');
  if (!fs.existsSync(manifest)) return false;
  try {
    const parsed = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { workspaces?: unknown };
    return parsed.workspaces !== undefined || fs.existsSync(path.join(directory, 'stacks'));
  } catch {
    return false;
  }
}

/**
 * The workspace root: `explicit` when given (it must exist), else the nearest ancestor of the working directory
 * that is an npm workspace root, else the workspace bulwark is installed in.
 */
export function findWorkspaceRoot(explicit?: string): string {
  if (explicit) {
    const absolute = path.resolve(explicit);
    if (!fs.existsSync(absolute) || !fs.statSync(absolute).isDirectory()) throw new WorkspaceError(`--workspace ${absolute}: no such directory`);
    return absolute;
  }
  for (let directory = process.cwd(); ; directory = path.dirname(directory)) {
    if (isWorkspace(directory)) return directory;
    if (path.dirname(directory) === directory) return OWN_WORKSPACE;
  }
}
