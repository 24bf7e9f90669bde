/**
 * The workspace's policy packs (`policies/<name>/PulumiPolicy.yaml`) and the check that a compiled pack is
 * built. A pack whose `main` is compiled JavaScript (the Pulumi CLI would otherwise type-check its TypeScript
 * on every start) is built by its nx `build` target; `npm start` runs that build first. Bulwark never runs a
 * missing or stale build: it stops and says which command builds it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isTestCode, readJsonFile } from '@bulwark/workspace';
import { projectFiles } from './project-files';
import { WorkspaceError } from './workspace-error';

/** Every policy pack directory under `<root>/policies`, sorted. */
export function workspacePackDirectories(root: string): string[] {
  const policies = path.join(root, 'policies');
  if (!fs.existsSync(policies)) return [];
  return fs
    .readdirSync(policies)
    .map((name) => path.join(policies, name))
    .filter((directory) => fs.existsSync(path.join(directory, 'PulumiPolicy.yaml')))
    .sort();
}

/**
 * The workspace's policy pack directories, for a command that needs at least one. Throws {@link WorkspaceError}
 * when there is none; `alternative` says what the user can do instead (e.g. name a pack with an option).
 */
export function requireWorkspacePacks(root: string, alternative?: string): string[] {
  const packs = workspacePackDirectories(root);
  if (packs.length === 0) {
    throw new WorkspaceError(
      `no policy pack under ${path.join(root, 'policies')} (a directory with PulumiPolicy.yaml)${alternative ? `: ${alternative}` : ''}`,
    );
  }
  return packs;
}

/**
 * The newest TypeScript source the pack's build compiles: declarations and test code excluded, as nx's `production`
 * input excludes it (a build nx keeps from its cache must not be called stale).
 */
function newestSource(directory: string): { file: string; mtimeMs: number } | undefined {
  let newest: { file: string; mtimeMs: number } | undefined;
  for (const file of projectFiles(directory)) {
    if (!file.endsWith('.ts') || file.endsWith('.d.ts') || isTestCode(path.relative(directory, file))) continue;
    const { mtimeMs } = fs.statSync(file);
    if (!newest || mtimeMs > newest.mtimeMs) newest = { file, mtimeMs };
  }
  return newest;
}

/**
 * Throws {@link WorkspaceError} when a TypeScript pack (one with a tsconfig.json) whose `main` is JavaScript
 * has no build, or a build older than its sources.
 */
export function assertPackBuilt(directory: string): void {
  const manifestFile = path.join(directory, 'package.json');
  if (!fs.existsSync(manifestFile) || !fs.existsSync(path.join(directory, 'tsconfig.json'))) return;
  const manifest = readJsonFile(manifestFile) as { main?: string; nx?: { name?: string } };
  if (!manifest.main || !manifest.main.endsWith('.js')) return;
  const project = manifest.nx?.name ?? path.basename(directory);
  const build = `npx nx run ${project}:build`;
  const main = path.join(directory, manifest.main);
  if (!fs.existsSync(main)) {
    throw new WorkspaceError(`policy pack ${directory} is not built (${manifest.main} is missing): run \`${build}\` (npm start does it for you)`);
  }
  const source = newestSource(directory);
  if (source && source.mtimeMs > fs.statSync(main).mtimeMs) {
    throw new WorkspaceError(
      `policy pack ${directory} is older than its sources (${path.relative(directory, source.file)} changed after ${manifest.main} was built): ` +
        `run \`${build}\` (npm start does it for you)`,
    );
  }
}
