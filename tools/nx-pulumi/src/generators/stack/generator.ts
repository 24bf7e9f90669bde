/**
 * `nx g @bulwark/nx-pulumi:stack <name> --owner <team> [--consumes a,b]`: a new stack that works as generated. The
 * files every stack has (Pulumi project and dev/prod config, a secure program from `@bulwark/core`, its outputs
 * contract and entry, tests through the offline engine, README with its config table, pack config, package.json
 * with `bulwark.consumes`, tsconfig, jest config), and the workspace files that list stacks: the root tsconfig
 * references, CODEOWNERS, package-lock.json and the project diagram of docs/architecture.md.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateFiles, type GeneratorCallback, joinPathFragments, logger, type Tree } from '@nx/devkit';
import { withStackOwners } from './codeowners';
import { withWorkspacePackage } from './lockfile-entries';
import { stackConfigRows, stackConfigValues, stackConfigYaml } from './stack-config-values';
import { ENVIRONMENTS, normalizeStackOptions, type NormalizedStackOptions, type StackGeneratorOptions } from './stack-options';

const CODEOWNERS = '.github/CODEOWNERS';
const ARCHITECTURE_DOCUMENT = 'docs/architecture.md';

/**
 * Rewrites the project diagram of docs/architecture.md (`npm run docs`), in a process of its own: this one's project
 * graph was computed before the new stack existed.
 */
function regenerateArchitectureDiagram(root: string): void {
  const script = require.resolve('@bulwark/workspace-graph/scripts/write-architecture-diagram.ts');
  const run = spawnSync(process.execPath, ['-r', require.resolve('@swc-node/register'), script], { cwd: root, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`${ARCHITECTURE_DOCUMENT}: regenerating the project diagram failed (run \`npm run docs\`):\n${run.stdout}${run.stderr}`);
  logger.info(run.stdout.trim());
}

function readJson<T>(tree: Tree, file: string): T {
  const text = tree.read(file, 'utf8');
  if (text === null) throw new Error(`${file}: missing`);
  return JSON.parse(text) as T;
}

function writeJson(tree: Tree, file: string, value: unknown): void {
  tree.write(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** The package.json of a workspace package: its name, version and dependencies. */
function packageManifest(tree: Tree, directory: string): { name: string; version: string; dependencies: Record<string, string> } {
  return readJson(tree, `${directory}/package.json`);
}

/** The new stack's package.json: its entry, nx name, what it consumes, and the versions the workspace uses. */
function manifestOf(tree: Tree, options: NormalizedStackOptions, packageName: string) {
  const core = packageManifest(tree, 'packages/core');
  const pulumiRange = (dependency: string) => {
    const range = core.dependencies[dependency];
    if (range === undefined) throw new Error(`packages/core/package.json: no ${dependency} dependency to take the stack's version from`);
    return range;
  };
  // The tests run the program offline and share the stacks' harness.
  const devDependencies: Record<string, string> = {};
  for (const directory of ['packages/offline', 'packages/stack-testing']) {
    const { name, version } = packageManifest(tree, directory);
    devDependencies[name] = version;
  }
  for (const producer of options.producers) devDependencies[producer.packageName] = producer.version;
  return {
    name: packageName,
    version: '0.1.0',
    private: true,
    description: options.description,
    license: readJson<{ license?: string }>(tree, 'package.json').license ?? 'Apache-2.0',
    main: 'src/index.ts',
    types: 'src/index.ts',
    nx: { name: options.name },
    bulwark: { consumes: options.producers.map((producer) => producer.name) },
    dependencies: { [core.name]: core.version, '@pulumi/aws': pulumiRange('@pulumi/aws'), '@pulumi/pulumi': pulumiRange('@pulumi/pulumi') },
    devDependencies: Object.fromEntries(Object.entries(devDependencies).sort(([a], [b]) => a.localeCompare(b))),
  };
}

/** The stack's tsconfig: like the other stacks', referencing the workspace projects it imports. */
function tsconfigOf(options: NormalizedStackOptions): unknown {
  const projects = ['packages/core', 'packages/stack-testing', 'packages/offline', ...options.producers.map((producer) => producer.root)];
  return {
    extends: '../../tsconfig.base.json',
    compilerOptions: { outDir: 'out-tsc', rootDir: '.', tsBuildInfoFile: 'out-tsc/tsconfig.tsbuildinfo' },
    include: ['src/**/*.ts', 'testing/**/*.ts', 'outputs.ts'],
    references: projects.map((project) => ({ path: path.posix.relative(options.directory, project) })),
  };
}

function outputKeysOf(options: NormalizedStackOptions): string[] {
  return ['kmsKeyArn', 'dataBucketName', 'dataBucketArn', 'logsBucketName', ...(options.producers.length > 0 ? ['consumedStacks'] : [])].sort();
}

function ownKeyRows(options: NormalizedStackOptions): string {
  if (options.producers.length === 0) return `| (none yet) | add keys to \`src/config.ts\` and a row here | | |`;
  return [
    `| \`${options.name}:organization\` | Pulumi organization of the stacks it reads | this stack's own organization | Pulumi organization name |`,
    ...options.producers.map(
      (producer) => `| \`${options.name}:${producer.camelName}Project\` | Pulumi project of the ${producer.name} stack it reads | \`${producer.pulumiProject}\` | Pulumi project name |`,
    ),
  ].join('\n');
}

/** Creates the stack; the returned callback regenerates the architecture diagram (once the files are on disk). */
export async function stackGenerator(tree: Tree, schema: StackGeneratorOptions): Promise<GeneratorCallback> {
  const options = normalizeStackOptions(tree.root, schema);
  const scope = packageManifest(tree, 'packages/core').name.split('/')[0] as string;
  const packageName = `${scope}/stack-${options.name}`;
  const ownerTag = options.owner.replace(/^@[^/]+\//, '');
  const configValues = stackConfigValues(options, ownerTag);
  const substitutions = {
    ...options,
    tmpl: '',
    packageName,
    ownerTag,
    constantName: options.name.toUpperCase().replace(/-/g, '_'),
    outputKeys: outputKeysOf(options),
    stackConfig: Object.fromEntries(ENVIRONMENTS.map((environment) => [environment, stackConfigYaml(configValues, environment).trimEnd()])),
    configRows: stackConfigRows(configValues),
    ownKeyRows: ownKeyRows(options),
  };
  generateFiles(tree, joinPathFragments(__dirname, 'files'), options.directory, substitutions);
  if (options.producers.length === 0) tree.delete(`${options.directory}/src/stack-references.ts`);

  const manifest = manifestOf(tree, options, packageName);
  writeJson(tree, `${options.directory}/package.json`, manifest);
  writeJson(tree, `${options.directory}/tsconfig.json`, tsconfigOf(options));

  const rootTsconfig = readJson<{ references?: { path: string }[] }>(tree, 'tsconfig.json');
  const reference = `./${options.directory}`;
  if (!(rootTsconfig.references ?? []).some((entry) => entry.path === reference)) {
    writeJson(tree, 'tsconfig.json', { ...rootTsconfig, references: [...(rootTsconfig.references ?? []), { path: reference }] });
  }
  const codeowners = tree.read(CODEOWNERS, 'utf8');
  if (codeowners === null) throw new Error(`${CODEOWNERS}: missing; every stack has an owning team there`);
  tree.write(CODEOWNERS, withStackOwners(codeowners, options.name, options.owner));
  if (tree.exists('package-lock.json')) {
    writeJson(tree, 'package-lock.json', withWorkspacePackage(readJson(tree, 'package-lock.json'), options.directory, manifest));
  }

  return () => {
    if (!options.skipDocs && fs.existsSync(path.join(tree.root, ARCHITECTURE_DOCUMENT))) regenerateArchitectureDiagram(tree.root);
    logger.info(
      `${options.directory}: run \`npm install\` to link ${packageName}, then \`npx nx run-many -t lint typecheck test -p ${options.name}\` and \`npm start\`.`,
    );
  };
}

export default stackGenerator;
