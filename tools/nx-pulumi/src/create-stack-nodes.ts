/**
 * createNodes for nx: every directory holding both a `Pulumi.yaml` and a project file (`package.json` or
 * `project.json`) gets the stack targets. A `Pulumi.yaml` without a project file (a test fixture, an example)
 * is not a workspace project and is left alone.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CreateNodesContext, CreateNodesResult, CreateNodesV2 } from '@nx/devkit';
import { type NxPulumiOptions, type ResolvedNxPulumiOptions, resolveNxPulumiOptions } from './plugin-options';
import { policyPackConfigFile } from './policy-pack-config';
import { readPulumiProject } from './pulumi-project';
import { stackMetadata, stackTargets } from './stack-targets';

const PROJECT_FILES = ['package.json', 'project.json'];

/** The file pattern and function nx calls with every `Pulumi.yaml` in the workspace. */
export const createStackNodes: CreateNodesV2<NxPulumiOptions> = [
  '**/Pulumi.yaml',
  (projectFiles, rawOptions, context) => {
    const options = resolveNxPulumiOptions(rawOptions);
    const stackRoots = projectFiles
      .map((file) => normalizeRoot(dirname(file)))
      .filter((root) => PROJECT_FILES.some((file) => existsSync(join(context.workspaceRoot, root, file))));
    const projects = stackRoots.map((root) => ({ root, pulumi: readPulumiProject(join(context.workspaceRoot, root)) }));
    const environments = workspaceEnvironments(projects.map((project) => project.pulumi.environments), options);
    return projects.map(({ root, pulumi }) => [
      join(root, 'Pulumi.yaml'),
      stackNode(root, pulumi.name, environments, options, context),
    ]);
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
  const input = {
    projectRoot: root,
    pulumiProject,
    environments,
    policyPackConfig: (environment: string) => policyPackConfigFile(join(context.workspaceRoot, root), environment),
  };
  return {
    projects: {
      [root]: {
        targets: stackTargets(input, options),
        metadata: { technologies: ['pulumi'], pulumi: { project: pulumiProject, stacks: stackMetadata(input, options) } },
      },
    },
  };
}

function normalizeRoot(root: string): string {
  return root.split('\\').join('/');
}
