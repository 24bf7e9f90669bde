/**
 * The workspace's stacks. A workspace stack is a directory under `<root>/stacks/` holding a Pulumi project file
 * and a package.json (its nx project, with its `bulwark.consumes` declaration); its name is its nx project name
 * (`nx.name` in package.json, else the package name), the name `consumes` entries and nx targets use.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkConsumes, readConsumes } from './consumes';
import { projectFileIn, readPulumiProject, type PulumiProject } from './pulumi-project';
import { WorkspaceError } from './workspace-error';
import { isMapping, readJsonFile } from './workspace-files';

/** Where a workspace's stacks live, relative to its root. */
export const STACKS_DIRECTORY = 'stacks';

// Stacks may be grouped (`stacks/team/app`); deeper than this is not a stack layout but a mistake.
const MAX_DEPTH = 3;

/** One stack of the workspace. */
export interface WorkspaceStack {
  /** The nx project name: what `bulwark.consumes` entries and nx targets (`network:deploy`) name. */
  readonly name: string;
  /** The absolute stack directory. */
  readonly directory: string;
  /** Its package.json. */
  readonly packageFile: string;
  /** Its Pulumi project (`Pulumi.yaml`). */
  readonly project: PulumiProject;
  /** The stacks whose outputs it reads (`bulwark.consumes`), by name. */
  readonly consumes: readonly string[];
}

/** True when `directory` holds a Pulumi project file and a package.json. */
export function isStackDirectory(directory: string): boolean {
  return projectFileIn(directory) !== undefined && fs.existsSync(path.join(directory, 'package.json'));
}

/** The nx project name a package.json gives its directory: `nx.name`, else the package name. */
export function nxProjectName(packageFile: string): string {
  const manifest = readJsonFile(packageFile);
  const nx = isMapping(manifest) ? manifest['nx'] : undefined;
  const name = (isMapping(nx) ? nx['name'] : undefined) ?? (isMapping(manifest) ? manifest['name'] : undefined);
  if (typeof name !== 'string' || name === '') {
    throw new WorkspaceError(`${packageFile}: "name" is required (the package name; "nx.name" gives the nx project name)`, {
      file: packageFile,
      key: 'name',
    });
  }
  return name;
}

/** Reads the stack in `directory`: its Pulumi project, its nx name and what it consumes (errors name the file). */
export function readWorkspaceStack(directory: string): WorkspaceStack {
  const project = readPulumiProject(directory);
  const packageFile = path.join(project.directory, 'package.json');
  const consumes = readConsumes(packageFile);
  return { name: nxProjectName(packageFile), directory: project.directory, packageFile, project, consumes };
}

/**
 * Every stack under `<root>/stacks` (node_modules and hidden directories skipped), sorted by name, their
 * `consumes` declarations checked against each other. A directory with a project file is a stack: one without a
 * package.json is an error naming the file it needs.
 */
export function discoverStacks(root: string): WorkspaceStack[] {
  const found: WorkspaceStack[] = [];
  const visit = (directory: string, depth: number) => {
    if (projectFileIn(directory) !== undefined) {
      found.push(readWorkspaceStack(directory));
      return;
    }
    if (depth >= MAX_DEPTH) return;
    for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
      if (entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.')) visit(path.join(directory, entry.name), depth + 1);
    }
  };
  const stacks = path.join(path.resolve(root), STACKS_DIRECTORY);
  if (fs.existsSync(stacks)) visit(stacks, 0);
  found.sort((a, b) => a.name.localeCompare(b.name));
  checkConsumes(found.map((stack) => ({ name: stack.name, file: stack.packageFile, consumes: stack.consumes })));
  return found;
}

/**
 * The stacks in deploy order: each after the stacks it consumes, otherwise in the given order. Throws
 * {@link WorkspaceError} naming the package.json files of a cycle, where no stack can be deployed first.
 */
export function orderByConsumes<T extends Pick<WorkspaceStack, 'name' | 'consumes' | 'packageFile'>>(stacks: readonly T[]): T[] {
  const byName = new Map(stacks.map((stack) => [stack.name, stack]));
  const state = new Map<string, 'visiting' | 'done'>();
  const ordered: T[] = [];
  const visit = (stack: T, trail: readonly T[]) => {
    const current = state.get(stack.name);
    if (current === 'done') return;
    if (current === 'visiting') {
      const cycle = [...trail.slice(trail.indexOf(stack)), stack];
      throw new WorkspaceError(
        `the stacks consume each other in a cycle, so none can deploy first: ${cycle.map((entry) => entry.name).join(' -> ')} ` +
          `(see "bulwark.consumes" in ${cycle.slice(0, -1).map((entry) => entry.packageFile).join(', ')})`,
      );
    }
    state.set(stack.name, 'visiting');
    for (const producer of stack.consumes) {
      const dependency = byName.get(producer);
      if (dependency) visit(dependency, [...trail, stack]);
    }
    state.set(stack.name, 'done');
    ordered.push(stack);
  };
  for (const stack of stacks) visit(stack, []);
  return ordered;
}
