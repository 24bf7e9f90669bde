/**
 * createDependencies for nx: the edges that order deployments and decide what a change affects.
 * - consumer -> producer for each stack named in `bulwark.consumes` (static, from the consumer's package.json, read
 *   and checked by `@bulwark/workspace`: a stack without the declaration, or naming no stack, is an error);
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
import { checkConsumes, type ConsumesDeclaration, readConsumes } from '@bulwark/workspace';
import { type NxPulumiOptions, resolveNxPulumiOptions } from './plugin-options';

/** Returns the project graph edges of every Pulumi stack in the workspace. */
export const createStackDependencies: CreateDependencies<NxPulumiOptions> = (rawOptions, context) => {
  const options = resolveNxPulumiOptions(rawOptions);
  const stacks = Object.entries(context.projects).filter(([, project]) => project.metadata?.pulumi !== undefined);
  if (stacks.length === 0) return [];
  const packProjects = options.policyPacks.map((pack) => projectAtRoot(context, pack));
  for (const foundation of options.foundationProjects) {
    if (context.projects[foundation] === undefined) {
      throw new Error(
        `nx-pulumi: options.foundationProjects names '${foundation}', which is not an nx project. ` +
          `Known projects: ${Object.keys(context.projects).sort().join(', ')}.`,
      );
    }
  }

  // Messages name the package.json relative to the workspace root, as nx shows project roots.
  const declarations: ConsumesDeclaration[] = stacks.map(([name, project]) => ({
    name,
    file: `${project.root}/package.json`,
    consumes: readConsumes(join(context.workspaceRoot, project.root, 'package.json')),
  }));
  checkConsumes(declarations);

  const dependencies: RawProjectGraphDependency[] = [];
  for (const { name, file, consumes } of declarations) {
    for (const producer of consumes) {
      dependencies.push({ source: name, target: producer, type: DependencyType.static, sourceFile: file });
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
