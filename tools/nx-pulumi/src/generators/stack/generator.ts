/**
 * `nx g @bulwark/nx-pulumi:stack <name> --owner <team> [--consumes a,b]`: a new stack that works as generated. The
 * files every stack has (Pulumi project and dev/prod config, a secure program from `@bulwark/core` whose bucket logs
 * into the baseline's central access-logs bucket, its outputs contract and entry, tests through the offline engine
 * and against the real baseline, README with its config tables, pack config, package.json with its `exports` and
 * `bulwark.consumes`, tsconfig, jest config), and the workspace files that list stacks or their buckets: the root
 * tsconfig references, CODEOWNERS, package-lock.json, the baseline's `dataEventBucketPurposes` and the project
 * diagram of docs/architecture.md.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateFiles, type GeneratorCallback, joinPathFragments, logger, type Tree } from '@nx/devkit';
import { readStackConfig, stackConfigFile } from '@bulwark/workspace';
import { withStackOwners } from './codeowners';
import { withConfigListItem } from './config-list-item';
import { withWorkspacePackage } from './lockfile-entries';
import { stackConfigRows, stackConfigValues, stackConfigYaml } from './stack-config-values';
import { ENVIRONMENTS, normalizeStackOptions, type NormalizedStackOptions, type StackGeneratorOptions } from './stack-options';

/**
 * The baseline setting naming the other stacks' buckets, which its cloudtrail-s3-dataevents-enabled Config rule
 * evaluates: the new stack's data bucket must be in it, or the rule reports the bucket NON_COMPLIANT.
 */
const DATA_EVENT_BUCKETS_SETTING = 'dataEventBucketPurposes';

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

/**
 * The new stack's package.json: its entries (the program, and `./outputs`, the contract consumers import; no `./testing`
 * until a consumer needs example outputs), nx name, what it consumes, and the versions the workspace uses.
 */
function manifestOf(tree: Tree, options: NormalizedStackOptions, packageName: string) {
  const core = packageManifest(tree, 'packages/core');
  const pulumiRange = (dependency: string) => {
    const range = core.dependencies[dependency];
    if (range === undefined) throw new Error(`packages/core/package.json: no ${dependency} dependency to take the stack's version from`);
    return range;
  };
  // The tests run the program offline and share the stacks' harness; the producers' contracts and the baseline's test helpers.
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
    exports: { '.': './src/index.ts', './outputs': './outputs.ts', './package.json': './package.json' },
    nx: { name: options.name },
    bulwark: { consumes: options.producers.map((producer) => producer.name) },
    dependencies: { [core.name]: core.version, '@pulumi/aws': pulumiRange('@pulumi/aws'), '@pulumi/pulumi': pulumiRange('@pulumi/pulumi') },
    devDependencies: Object.fromEntries(Object.entries(devDependencies).sort(([a], [b]) => a.localeCompare(b))),
  };
}

/** The stack's tsconfig: like the other stacks', referencing the workspace projects it imports. */
function tsconfigOf(options: NormalizedStackOptions): unknown {
  const projects = ['packages/core', 'packages/stack-testing', 'packages/offline', ...options.producers.map((producer) => producer.root).sort()];
  return {
    extends: '../../tsconfig.base.json',
    compilerOptions: { outDir: 'out-tsc', rootDir: '.', tsBuildInfoFile: 'out-tsc/tsconfig.tsbuildinfo' },
    include: ['src/**/*.ts', 'testing/**/*.ts', 'outputs.ts'],
    references: projects.map((project) => ({ path: path.posix.relative(options.directory, project) })),
  };
}

/** The keys of the outputs contract (`src/outputs.ts`), sorted. */
const OUTPUT_KEYS = ['consumedStacks', 'dataBucketArn', 'dataBucketName', 'kmsKeyArn'];

/** The README rows of the stack's own keys: where the stacks it reads are. */
function ownKeyRows(options: NormalizedStackOptions): string {
  return [
    `| \`${options.name}:organization\` | Pulumi organization of the stacks it reads | this stack's organization | Pulumi organization name |`,
    ...options.producers.map((producer) => {
      const use = producer === options.logDestination ? ' (its access-logs bucket receives this stack\'s server access logs)' : '';
      return `| \`${options.name}:${producer.camelName}Project\` | project name of the ${producer.name} stack${use} | \`${producer.pulumiProject}\` | Pulumi project name |`;
    }),
  ].join('\n');
}

/** A value the tests can use as "somewhere else": the first candidate that is not `own`. */
function otherThan(own: string, candidates: readonly string[]): string {
  return candidates.find((candidate) => candidate !== own) as string;
}

/**
 * Names the new data bucket in the baseline's `dataEventBucketPurposes` of every environment, so the baseline's
 * cloudtrail-s3-dataevents-enabled rule evaluates it; throws naming the file when a bucket of another stack has its name.
 */
function addDataEventBucket(tree: Tree, options: NormalizedStackOptions, key: string): string[] {
  const destination = options.logDestinationStack;
  return ENVIRONMENTS.map((environment) => {
    const file = path.relative(tree.root, stackConfigFile(destination.project, environment)).split(path.sep).join('/');
    const text = tree.read(file, 'utf8');
    if (text === null) throw new Error(`${file}: missing; the ${destination.name} stack needs a config file for ${environment}`);
    const current = readStackConfig(destination.project, environment).config[key];
    if (Array.isArray(current) && current.includes(options.dataBucketPurpose)) {
      throw new Error(`${file}: ${key} already lists "${options.dataBucketPurpose}": a bucket of another stack has the name the new stack's data bucket would have; choose another stack name`);
    }
    tree.write(file, withConfigListItem(text, { file, key, current, item: options.dataBucketPurpose }));
    return file;
  });
}

/** Creates the stack; the returned callback regenerates the architecture diagram (once the files are on disk). */
export async function stackGenerator(tree: Tree, schema: StackGeneratorOptions): Promise<GeneratorCallback> {
  const options = normalizeStackOptions(tree.root, schema);
  const scope = packageManifest(tree, 'packages/core').name.split('/')[0] as string;
  const packageName = `${scope}/stack-${options.name}`;
  const ownerTag = options.owner.replace(/^@[^/]+\//, '');
  const configValues = stackConfigValues(options, ownerTag);
  const dataEventBucketsKey = `${options.logDestination.pulumiProject}:${DATA_EVENT_BUCKETS_SETTING}`;
  const substitutions = {
    ...options,
    tmpl: '',
    packageName,
    ownerTag,
    constantName: options.name.toUpperCase().replace(/-/g, '_'),
    outputKeys: OUTPUT_KEYS,
    dataEventBucketsKey,
    // Where the tests pretend the baseline is, to see the program refuse it.
    elsewhere: { region: otherThan(options.region, ['ap-southeast-2', 'ca-central-1']), account: otherThan(options.accounts.dev, ['999988887777', '999988887778']) },
    stackConfig: Object.fromEntries(ENVIRONMENTS.map((environment) => [environment, stackConfigYaml(configValues, environment).trimEnd()])),
    configRows: stackConfigRows(configValues),
    ownKeyRows: ownKeyRows(options),
  };
  generateFiles(tree, joinPathFragments(__dirname, 'files'), options.directory, substitutions);
  const baselineFiles = addDataEventBucket(tree, options, dataEventBucketsKey);

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
    logger.info(
      `${baselineFiles.join(', ')}: "${options.dataBucketPurpose}" added to ${dataEventBucketsKey} (the ${options.logDestination.name}'s Config rule evaluates the new bucket); the ${options.logDestination.name} stack's owners review it.`,
    );
  };
}

export default stackGenerator;
