/**
 * createDependencies for nx: the edges that order deployments and decide what a change affects.
 * - consumer -> producer for each stack named in `bulwark.consumes` (static, from the consumer's package.json);
 * - every stack -> each policy pack project, because every preview and deploy runs the packs;
 * - every stack -> each foundation project (`core`), so a change there re-validates every stack.
 */
import { join } from 'node:path';
import {
  type CreateDependencies,
  type CreateDependenciesContext,
  DependencyType,
  type RawProjectGraphDependency,
} from '@nx/devkit';
import { consumedStacks } from './consumed-stacks';
import { type NxPulumiOptions, resolveNxPulumiOptions } from './plugin-options';

/** Returns the project graph edges of every Pulumi stack in the workspace. */
export const createStackDependencies: CreateDependencies<NxPulumiOptions> = (rawOptions, context) => {
  const options = resolveNxPulumiOptions(rawOptions);
  const stacks = Object.entries(context.projects).filter(([, project]) => project.metadata?.pulumi !== undefined);
  if (stacks.length === 0) return [];
  const stackNames = new Set(stacks.map(([name]) => name));
  const packProjects = options.policyPacks.map((pack) => projectAtRoot(context, pack));
  for (const foundation of options.foundationProjects) {
    if (context.projects[foundation] === undefined) {
      throw new Error(
        `nx-pulumi: options.foundationProjects names '${foundation}', which is not an nx project. ` +
          `Known projects: ${Object.keys(context.projects).sort().join(', ')}.`,
      );
    }
  }

  const dependencies: RawProjectGraphDependency[] = [];
  for (const [name, project] of stacks) {
    for (const producer of consumedStacks(join(context.workspaceRoot, project.root))) {
      if (!stackNames.has(producer)) {
        throw new Error(
          `nx-pulumi: ${project.root}/package.json "bulwark.consumes" names '${producer}', which is not a Pulumi ` +
            `stack project. Stack projects: ${[...stackNames].sort().join(', ')}.`,
        );
      }
      if (producer === name) {
        throw new Error(`nx-pulumi: ${project.root}/package.json "bulwark.consumes" lists the stack itself ('${name}').`);
      }
      dependencies.push({
        source: name,
        target: producer,
        type: DependencyType.static,
        sourceFile: `${project.root}/package.json`,
      });
    }
    for (const target of [...packProjects, ...options.foundationProjects]) {
      if (target !== name) dependencies.push({ source: name, target, type: DependencyType.implicit });
    }
  }
  return dependencies;
};

function projectAtRoot(context: CreateDependenciesContext, root: string): string {
  const match = Object.entries(context.projects).find(([, project]) => project.root === root);
  if (match === undefined) {
    throw new Error(
      `nx-pulumi: options.policyPacks names '${root}', but no nx project has that root. Point it at a policy pack ` +
        `directory (it needs a package.json).`,
    );
  }
  return match[0];
}
