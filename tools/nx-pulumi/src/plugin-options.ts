/**
 * The options of the nx-pulumi plugin as written in nx.json, and their defaults. A missing or malformed option is
 * an error naming the option, because a wrong organisation or pack path would send deployments to the wrong place.
 */

/** Options accepted under `plugins[].options` for `./tools/nx-pulumi` in nx.json. */
export interface NxPulumiOptions {
  /** Pulumi organisation that owns every stack: targets use `<organization>/<project>/<environment>`. */
  readonly organization?: string;
  /**
   * Policy pack directory, relative to the workspace root, passed to every preview and deploy.
   * @default 'policies/aws-security'
   */
  readonly policyPack?: string;
  /**
   * Projects every Pulumi project depends on, so that changing them marks every stack affected.
   * @default ['core']
   */
  readonly foundationProjects?: readonly string[];
  /**
   * Environment used when a target runs without `--configuration`.
   * @default 'dev'
   */
  readonly defaultEnvironment?: string;
  /**
   * Command that runs the offline policy check; it receives `check <projectRoot> --stack <env>` and pack flags.
   * @default 'npx bulwark'
   */
  readonly bulwarkCommand?: string;
  /**
   * Projects whose sources decide the offline check's result (the engine and the command), as cache inputs of
   * `check`.
   * @default ['cli', 'offline']
   */
  readonly offlineEngineProjects?: readonly string[];
}

/** The options with every default applied. */
export interface ResolvedNxPulumiOptions {
  readonly organization: string;
  readonly policyPack: string;
  readonly foundationProjects: readonly string[];
  readonly defaultEnvironment: string;
  readonly bulwarkCommand: string;
  readonly offlineEngineProjects: readonly string[];
}

const PULUMI_ORGANIZATION = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** Applies defaults and validates the plugin options, throwing an error that names the faulty option. */
export function resolveNxPulumiOptions(options: NxPulumiOptions | undefined): ResolvedNxPulumiOptions {
  const organization = options?.organization;
  if (organization === undefined || !PULUMI_ORGANIZATION.test(organization)) {
    throw new Error(
      `nx-pulumi: options.organization in nx.json must name the Pulumi organisation that owns the stacks ` +
        `(letters, digits, '-', '_', '.'); got ${JSON.stringify(organization)}.`,
    );
  }
  const policyPack = trimSlashes(options?.policyPack ?? 'policies/aws-security');
  if (policyPack === '' || policyPack.startsWith('..') || policyPack.startsWith('/')) {
    throw new Error(
      `nx-pulumi: options.policyPack must be a directory inside the workspace, relative to its root; got ${JSON.stringify(options?.policyPack)}.`,
    );
  }
  const foundationProjects = projectNames('foundationProjects', options?.foundationProjects ?? ['core']);
  const offlineEngineProjects = projectNames('offlineEngineProjects', options?.offlineEngineProjects ?? ['cli', 'offline']);
  return {
    organization,
    policyPack,
    foundationProjects,
    defaultEnvironment: options?.defaultEnvironment ?? 'dev',
    bulwarkCommand: options?.bulwarkCommand ?? 'npx bulwark',
    offlineEngineProjects,
  };
}

function projectNames(option: string, value: unknown): readonly string[] {
  if (!Array.isArray(value) || value.some((name) => typeof name !== 'string' || name === '')) {
    throw new Error(`nx-pulumi: options.${option} must be a list of nx project names; got ${JSON.stringify(value)}.`);
  }
  return value as string[];
}

function trimSlashes(path: string): string {
  return path.replace(/^\.\//, '').replace(/\/+$/, '');
}
