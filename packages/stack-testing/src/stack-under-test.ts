import { type Finding, type ProgramResult, runProgram, type RunMode } from '@bulwark/offline';
import { deploymentAccount, readPulumiProject, withConfigOverrides } from '@bulwark/workspace';
import { changeableProgram } from './resource-change';
import { readStackConfigFile } from './stack-config-file';
import { evaluateWorkspacePack } from './workspace-pack';

/** The outputs each StackReference returns, by the referenced stack's name (`organization/network/dev`). */
export type StackReferenceOutputs = Record<string, Record<string, unknown>>;

/** A producer stack's example outputs in an environment, given the account the stack under test deploys into there. */
export type ProducerOutputs = (environment: string, account: string) => object;

/** What a stack's tests need to know about it. */
export interface StackUnderTestOptions {
  /** The stack's directory: `Pulumi.yaml` (the project name), the `Pulumi.<stack>.yaml` files and the pack configs. */
  readonly directory: string;
  /** The stack's program (its `program` export), run in this process so tests see what it registers. */
  readonly program: () => unknown;
  /**
   * The producer stacks the program reads, by project name, with their example outputs. A run's StackReferences
   * `organization/<project>/<environment>` resolve to them, for the run's `bulwark:environment` and the account of
   * the config file of that name (`Pulumi.<environment>.yaml`).
   * @default none: the stack reads no other stack
   */
  readonly producers?: Readonly<Record<string, ProducerOutputs>>;
}

/** A stack as its tests run it; every function works on its own (they can be destructured). */
export interface StackUnderTest {
  /** The stack's directory. */
  readonly directory: string;
  /** The Pulumi project name, from `Pulumi.yaml`. */
  readonly project: string;
  /** The config of `Pulumi.<stack>.yaml` by namespaced key, as the Pulumi CLI passes it to the program. */
  configFile(stack: string): Record<string, unknown>;
  /**
   * Runs the program with a stack's config file and `overrides` applied key by key (a bare key belongs to the
   * project, `undefined` removes a key).
   * StackReferences resolve to `stackReferences` when given, else to the stack's own producer outputs.
   */
  run(stack: string, mode: RunMode, overrides?: Readonly<Record<string, unknown>>, stackReferences?: StackReferenceOutputs): Promise<ProgramResult>;
  /**
   * Every finding of every workspace pack on a run, with the pack config the workspace chooses for the run's stack
   * (`policy-config.<stack>.json`, else `policy-config.json`: pack names to each pack's config).
   */
  packFindings(result: ProgramResult): Promise<Finding[]>;
  /** The account the stack deploys into: the first of `aws:allowedAccountIds` in `Pulumi.<stack>.yaml`. */
  deploymentAccount(stack: string): string;
}

/** The test harness of one stack: its real config files, its program, its pack config. */
export function stackUnderTest(options: StackUnderTestOptions): StackUnderTest {
  const { directory, program } = options;
  const project = readPulumiProject(directory).name;
  const configFile = (stack: string) => readStackConfigFile(directory, stack).config;
  const accountOf = (stack: string) => {
    const { file, config } = readStackConfigFile(directory, stack);
    return deploymentAccount(config, file);
  };
  const producerReferences = (config: Readonly<Record<string, unknown>>): StackReferenceOutputs | undefined => {
    if (!options.producers) return undefined;
    const environment = String(config['bulwark:environment']);
    const account = accountOf(environment);
    const producers = Object.entries(options.producers);
    return Object.fromEntries(producers.map(([name, outputs]) => [`organization/${name}/${environment}`, { ...outputs(environment, account) }]));
  };
  return {
    directory,
    project,
    configFile,
    run: (stack, mode, overrides = {}, stackReferences) => {
      const config = withConfigOverrides(configFile(stack), overrides, project);
      const references = stackReferences ?? producerReferences(config);
      return runProgram(changeableProgram(program), { project, stack, mode, config, ...(references ? { stackReferences: references } : {}) });
    },
    packFindings: (result) => evaluateWorkspacePack(result, directory),
    deploymentAccount: accountOf,
  };
}
