/**
 * The options of the nx-pulumi plugin as written in nx.json, and their defaults. A missing or malformed option is
 * an error naming the option, because a wrong organisation or pack path would send deployments to the wrong place.
 */

/** Options accepted under `plugins[].options` for `./tools/nx-pulumi` in nx.json. */
export interface NxPulumiOptions {
  /** Pulumi organisation that owns every stack: targets use `<organization>/<project>/<environment>`. */
  readonly organization?: string;
  /**
   * Policy pack directories, relative to the workspace root, passed to every preview, deploy and check (one
   * `--policy-pack` each). A pack's name is its directory name (its package name without scope), the key of its
   * section in a stack's `policy-config.json`.
   * @default ['policies/aws-security', 'policies/aws-deployability']
   */
  readonly policyPacks?: readonly string[];
  /** One policy pack directory: the same as `policyPacks: [policyPack]`. */
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
  readonly policyPacks: readonly string[];
  readonly foundationProjects: readonly string[];
  readonly defaultEnvironment: string;
  readonly bulwarkCommand: string;
  readonly offlineEngineProjects: readonly string[];
}

/** The workspace's policy packs: the security rules and the deployability rules. */
const DEFAULT_POLICY_PACKS = ['policies/aws-security', 'policies/aws-deployability'];

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
  const requested = options?.policyPacks ?? (options?.policyPack !== undefined ? [options.policyPack] : DEFAULT_POLICY_PACKS);
  if (!Array.isArray(requested) || requested.length === 0) {
    throw new Error(`nx-pulumi: options.policyPacks must be a non-empty list of pack directories; got ${JSON.stringify(requested)}.`);
  }
  const policyPacks = requested.map((entry: unknown) => {
    const pack = typeof entry === 'string' ? trimSlashes(entry) : '';
    if (pack === '' || pack.startsWith('..') || pack.startsWith('/')) {
      throw new Error(`nx-pulumi: options.policyPacks must hold directories inside the workspace, relative to its root; got ${JSON.stringify(entry)}.`);
    }
    return pack;
  });
  const foundationProjects = projectNames('foundationProjects', options?.foundationProjects ?? ['core']);
  const offlineEngineProjects = projectNames('offlineEngineProjects', options?.offlineEngineProjects ?? ['cli', 'offline']);
  return {
    organization,
    policyPacks,
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
