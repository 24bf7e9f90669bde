/** Finds the workspace (the monorepo holding `stacks/` and `policies/`) a command works on. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findWorkspaceRoot as workspaceAbove } from '@bulwark/workspace';
import { WorkspaceError } from './workspace-error';

/** The workspace this CLI is installed in (tools/cli/src → the repository root). */
export const OWN_WORKSPACE = path.resolve(__dirname, '..', '..', '..', '..');

/**
 * The workspace root: `explicit` when given (it must exist), else the npm workspace the working directory is in,
 * else the workspace bulwark is installed in.
 */
export function findWorkspaceRoot(explicit?: string): string {
  if (explicit) {
    const absolute = path.resolve(explicit);
    if (!fs.existsSync(absolute) || !fs.statSync(absolute).isDirectory()) throw new WorkspaceError(`--workspace ${absolute}: no such directory`);
    return absolute;
  }
  return workspaceAbove(process.cwd()) ?? OWN_WORKSPACE;
}
