/**
 * The nx targets inferred for one Pulumi project. Each environment is a target configuration
 * (`nx run network:deploy --configuration=prod`), so the stack name, pack config and policy flags for an
 * environment are fixed in the project graph and a run cannot pick the wrong stack.
 */
import { posix } from 'node:path';
import type { TargetConfiguration } from '@nx/devkit';
import type { ResolvedNxPulumiOptions } from './plugin-options';
import { shellArgument } from './shell-argument';

/** Everything known about one Pulumi project that its targets depend on. */
export interface StackTargetInput {
  /** Project root relative to the workspace root (posix separators). */
  readonly projectRoot: string;
  /** Pulumi project name from `Pulumi.yaml`. */
  readonly pulumiProject: string;
  /** Every environment the workspace deploys, each becoming a configuration of every target. */
  readonly environments: readonly string[];
  /** The pack config file for an environment, relative to the project root, if the stack has one. */
  readonly policyPackConfig: (environment: string) => string | undefined;
}

/** One environment of a stack as recorded in project metadata, for workflows and docs to read. */
export interface StackEnvironmentMetadata {
  readonly stack: string;
  /** Pack config file relative to the workspace root, or null when the pack defaults apply. */
  readonly policyPackConfig: string | null;
}

/** Names of the inferred targets. */
export const STACK_TARGETS = ['preview', 'deploy', 'refresh', 'drift', 'check'] as const;

type CommandForEnvironment = (environment: string) => string;

/** Builds the preview, deploy, refresh, drift and check targets of one Pulumi project. */
export function stackTargets(input: StackTargetInput, options: ResolvedNxPulumiOptions): Record<string, TargetConfiguration> {
  // pulumi runs from the stack directory, so pack paths must be relative to it.
  const packs = options.policyPacks.map((directory) => ({ directory, name: posix.basename(directory) }));
  // The Pulumi CLI takes one config file per pack: a stack's policy-config.json (pack names to configs) is split
  // into dist/policy-config/<project>/<environment>/<pack>.json first. With one pack the file is its config.
  const splitDirectory = (environment: string) => posix.join('dist', 'policy-config', input.pulumiProject, environment);
  const packConfigFiles = (environment: string): string[] | undefined => {
    const config = input.policyPackConfig(environment);
    if (!config) return undefined;
    if (packs.length === 1) return [posix.join(input.projectRoot, config)];
    return packs.map((pack) => posix.join(splitDirectory(environment), `${pack.name}.json`));
  };
  /** The command that splits the stack's pack config, run first (from `cwd`, a path relative to the workspace root). */
  const splitCommand = (environment: string, cwd: string): string | undefined => {
    const config = input.policyPackConfig(environment);
    if (!config || packs.length === 1) return undefined;
    const relative = (path: string) => posix.relative(cwd, path) || '.';
    return [
      `node ${shellArgument(relative('tools/nx-pulumi/bin/split-pack-config.cjs'))}`,
      shellArgument(relative(posix.join(input.projectRoot, config))),
      shellArgument(relative(splitDirectory(environment))),
      ...packs.map((pack) => shellArgument(pack.name)),
    ].join(' ');
  };
  const packFlags = (environment: string, cwd: string): string => {
    const configs = packConfigFiles(environment);
    const relative = (path: string) => posix.relative(cwd, path) || '.';
    return packs
      .flatMap((pack, index) => [
        `--policy-pack ${shellArgument(relative(pack.directory))}`,
        ...(configs ? [`--policy-pack-config ${shellArgument(relative(configs[index] as string))}`] : []),
      ])
      .join(' ');
  };
  const policyFlags = (environment: string): string => packFlags(environment, input.projectRoot);
  const withSplit = (environment: string, cwd: string, command: string): string =>
    [splitCommand(environment, cwd), command].filter(Boolean).join(' && ');
  const stackFlag = (environment: string): string => `--stack ${shellArgument(qualifiedStackName(options, input, environment))}`;
  const inStackDirectory = { cwd: input.projectRoot };

  const pulumiTarget = (command: CommandForEnvironment, extra: Partial<TargetConfiguration>): TargetConfiguration =>
    environmentTarget(input, options, command, inStackDirectory, { cache: false, ...extra });

  return {
    preview: pulumiTarget((env) => withSplit(env, input.projectRoot, `pulumi preview ${stackFlag(env)} ${policyFlags(env)}`), {
      dependsOn: ['^build'],
      metadata: { description: 'pulumi preview of this stack with the policy pack enforcing its pack config.' },
    }),
    deploy: pulumiTarget((env) => withSplit(env, input.projectRoot, `pulumi up --yes ${stackFlag(env)} ${policyFlags(env)}`), {
      // Producers deploy before consumers: a StackReference reads outputs of the stack it depends on.
      dependsOn: ['^build', { target: 'deploy', dependencies: true }],
      metadata: { description: 'pulumi up of this stack, gated by the policy pack; producers deploy first.' },
    }),
    refresh: pulumiTarget((env) => `pulumi refresh --yes ${stackFlag(env)}`, {
      metadata: { description: 'pulumi refresh: reconcile the stack state with what exists in the account.' },
    }),
    drift: pulumiTarget((env) => `pulumi refresh --preview-only --expect-no-changes ${stackFlag(env)}`, {
      metadata: { description: 'Fails when the account has drifted from the stack state (refresh preview only).' },
    }),
    check: environmentTarget(
      input,
      options,
      (env) =>
        withSplit(
          env,
          '',
          [
            `${options.bulwarkCommand} check ${shellArgument(input.projectRoot)}`,
            `--stack ${shellArgument(env)}`,
            `--organization ${shellArgument(options.organization)}`,
            packFlags(env, ''),
          ].join(' '),
        ),
      {},
      {
        // Offline and deterministic: the same sources, pack and engine give the same findings.
        cache: true,
        inputs: [
          'default',
          '^production',
          ...(options.offlineEngineProjects.length > 0
            ? [{ input: 'production', projects: [...options.offlineEngineProjects] }]
            : []),
        ],
        // Only when a report file is asked for (`--output`), e.g. SARIF for code scanning in CI.
        outputs: ['{options.output}'],
        dependsOn: ['^build'],
        metadata: {
          description:
            'Offline policy check (bulwark check, both modes: a first-time preview and a simulated update): no Pulumi CLI, cloud account or credentials.',
        },
      },
    ),
  };
}

/** Project metadata describing each environment's stack, so tooling never rebuilds stack names itself. */
export function stackMetadata(input: StackTargetInput, options: ResolvedNxPulumiOptions): Record<string, StackEnvironmentMetadata> {
  return Object.fromEntries(
    input.environments.map((environment) => {
      const config = input.policyPackConfig(environment);
      return [
        environment,
        {
          stack: qualifiedStackName(options, input, environment),
          policyPackConfig: config === undefined ? null : posix.join(input.projectRoot, config),
        },
      ];
    }),
  );
}

// The one place a stack's fully qualified name is built: the deploy targets and the metadata must agree on it.
function qualifiedStackName(options: ResolvedNxPulumiOptions, input: StackTargetInput, environment: string): string {
  return `${options.organization}/${input.pulumiProject}/${environment}`;
}

function environmentTarget(
  input: StackTargetInput,
  options: ResolvedNxPulumiOptions,
  command: CommandForEnvironment,
  baseOptions: Record<string, unknown>,
  extra: Partial<TargetConfiguration>,
): TargetConfiguration {
  const defaultConfiguration = input.environments.includes(options.defaultEnvironment)
    ? options.defaultEnvironment
    : input.environments[0];
  return {
    executor: 'nx:run-commands',
    options: { ...baseOptions, command: command(defaultConfiguration) },
    configurations: Object.fromEntries(input.environments.map((environment) => [environment, { command: command(environment) }])),
    defaultConfiguration,
    ...extra,
  };
}
