/**
 * A temporary copy of this workspace to change freely (run a generator in it, then its checks): every file but
 * dependencies, VCS and nx state, timestamps kept (so compiled output and the built pack stay up to date), with the
 * installed packages linked in. Workspace packages are linked to the copy's own projects, as npm links them, so the
 * copy runs its own code; the other packages, and the projects' nested node_modules, are links to this workspace's.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// Recreated in the copy: VCS and nx state (the copy computes its own graph and cache).
const NOT_COPIED = new Set(['.git', '.nx', 'coverage']);

/** A copy of the workspace and how to run commands in it. */
export interface WorkspaceCopy {
  readonly root: string;
  /** Runs `node <args>` in `cwd` (relative to the copy), with nx's daemon, cloud and TUI off. */
  node(args: readonly string[], cwd?: string, timeoutMs?: number): { status: number | null; output: string; stdout: string };
  /** Links `node_modules/<packageName>` to a directory of the copy, as `npm install` links a new workspace package. */
  linkPackage(packageName: string, directory: string): void;
  dispose(): void;
}

function copyTree(source: string, target: string, isRoot: boolean): void {
  fs.mkdirSync(target, { recursive: true });
  for (const entry of fs.readdirSync(source, { withFileTypes: true })) {
    if (isRoot && NOT_COPIED.has(entry.name)) continue;
    const from = path.join(source, entry.name);
    const to = path.join(target, entry.name);
    if (entry.name === 'node_modules') {
      if (!isRoot) fs.symlinkSync(fs.realpathSync(from), to, 'dir');
    } else if (entry.isSymbolicLink()) {
      fs.symlinkSync(fs.readlinkSync(from), to);
    } else if (entry.isDirectory()) {
      copyTree(from, to, false);
    } else {
      fs.copyFileSync(from, to);
      const { atime, mtime } = fs.statSync(from);
      fs.utimesSync(to, atime, mtime);
    }
  }
  if (!isRoot) {
    const { atime, mtime } = fs.statSync(source);
    fs.utimesSync(target, atime, mtime);
  }
}

/** True for a scope of node_modules holding workspace packages: npm links them relatively (`../../packages/core`). */
function holdsWorkspacePackages(scope: string): boolean {
  return fs.readdirSync(scope, { withFileTypes: true }).some((entry) => entry.isSymbolicLink() && fs.readlinkSync(path.join(scope, entry.name)).startsWith('../../'));
}

/** The workspace's node_modules for the copy: links to the installed packages, workspace packages linked into the copy. */
function linkNodeModules(workspace: string, copy: string): void {
  const installed = path.join(workspace, 'node_modules');
  const modules = path.join(copy, 'node_modules');
  fs.mkdirSync(modules);
  for (const entry of fs.readdirSync(installed, { withFileTypes: true })) {
    const from = path.join(installed, entry.name);
    if (!entry.name.startsWith('@') || !holdsWorkspacePackages(from)) {
      fs.symlinkSync(from, path.join(modules, entry.name));
      continue;
    }
    // The same relative links as npm made them, so they point at the copy's projects.
    fs.mkdirSync(path.join(modules, entry.name));
    for (const scoped of fs.readdirSync(from, { withFileTypes: true })) {
      const link = path.join(from, scoped.name);
      fs.symlinkSync(scoped.isSymbolicLink() ? fs.readlinkSync(link) : fs.realpathSync(link), path.join(modules, entry.name, scoped.name));
    }
  }
}

/** Copies the workspace at `workspace` into a temporary directory. */
export function copyWorkspace(workspace: string): WorkspaceCopy {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-workspace-copy-'));
  copyTree(workspace, root, true);
  linkNodeModules(workspace, root);
  const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', NX_INTERACTIVE: 'false', NO_COLOR: '1', NX_WORKSPACE_ROOT_PATH: root };
  return {
    root,
    node: (args, cwd = '.', timeoutMs = 600_000) => {
      const run = spawnSync(process.execPath, [...args], { cwd: path.join(root, cwd), env, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
      return { status: run.status, stdout: run.stdout, output: `${run.stdout}${run.stderr}${run.error ? `\n${run.error.message}` : ''}` };
    },
    linkPackage: (packageName, directory) => {
      const link = path.join(root, 'node_modules', packageName);
      fs.mkdirSync(path.dirname(link), { recursive: true });
      fs.symlinkSync(path.relative(path.dirname(link), path.join(root, directory)), link, 'dir');
    },
    dispose: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}
