/**
 * createNodes for nx: every directory holding a Pulumi project file and a project file (`package.json` or
 * `project.json`) is a stack and gets the stack targets. A Pulumi project file without a project file beside it (a
 * test fixture, an example) is not a workspace project and is left alone. What a stack is made of (project, stack
 * config files, pack config per environment) is read by `@bulwark/workspace`, as the CLI and the tests read it.
 */
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { CreateNodesContext, CreateNodesResult, CreateNodesV2 } from '@nx/devkit';
import { readPulumiProject, stackNamesOf, stackPackConfigFile } from '@bulwark/workspace';
import { type NxPulumiOptions, type ResolvedNxPulumiOptions, resolveNxPulumiOptions } from './plugin-options';
import { stackMetadata, stackTargets } from './stack-targets';

const PROJECT_FILES = ['package.json', 'project.json'];

/** The nx tag every stack project gets. */
export const PULUMI_STACK_TAG = 'pulumi-stack';

/** The file pattern and function nx calls with every Pulumi project file in the workspace. */
export const createStackNodes: CreateNodesV2<NxPulumiOptions> = [
  '**/Pulumi.{yaml,yml}',
  (projectFiles, rawOptions, context) => {
    const options = resolveNxPulumiOptions(rawOptions);
    const stackFiles = projectFiles
      .map((file) => normalizePath(file))
      .filter((file) => PROJECT_FILES.some((name) => existsSync(join(context.workspaceRoot, dirname(file), name))));
    const projects = stackFiles.map((file) => {
      const pulumi = readPulumiProject(join(context.workspaceRoot, dirname(file)));
      return { file, root: dirname(file), pulumi, environments: stackNamesOf(pulumi) };
    });
    const environments = workspaceEnvironments(projects.map((project) => project.environments), options);
    return projects.map(({ file, root, pulumi }) => [file, stackNode(root, pulumi.name, environments, options, context)]);
  },
];

/**
 * Every environment any stack has configuration for: each stack gets all of them as configurations, because nx
 * silently falls back to the default configuration when one is missing, and `--configuration=prod` must never
 * run a dev stack.
 */
function workspaceEnvironments(perProject: ReadonlyArray<readonly string[]>, options: ResolvedNxPulumiOptions): string[] {
  return [...new Set([options.defaultEnvironment, ...perProject.flat()])].sort();
}

function stackNode(
  root: string,
  pulumiProject: string,
  environments: readonly string[],
  options: ResolvedNxPulumiOptions,
  context: CreateNodesContext,
): CreateNodesResult {
  const stackDirectory = join(context.workspaceRoot, root);
  const input = {
    projectRoot: root,
    pulumiProject,
    environments,
    policyPackConfig: (environment: string) => {
      const file = stackPackConfigFile(stackDirectory, environment);
      return file === undefined ? undefined : normalizePath(relative(stackDirectory, file));
    },
  };
  return {
    projects: {
      [root]: {
        // Lets a project depend on every stack without naming them (`"implicitDependencies": ["tag:pulumi-stack"]`).
        tags: [PULUMI_STACK_TAG],
        targets: stackTargets(input, options),
        metadata: { technologies: ['pulumi'], pulumi: { project: pulumiProject, stacks: stackMetadata(input, options) } },
      },
    },
  };
}

function normalizePath(file: string): string {
  return file.split('\\').join('/');
}
