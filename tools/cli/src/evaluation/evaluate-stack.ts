/**
 * One stack, end to end: run the program offline in each mode asked for (a first-time preview, a simulated
 * update), evaluate every policy pack on what each run registered over the Analyzer protocol, and merge the
 * results into one {@link StackReport} (see report/merge-modes.ts).
 */
import * as path from 'node:path';
import {
  type AnalyzeAnswers,
  configStrings,
  isAnalyzed,
  runProgram,
  type PolicyPack,
  type ProgramDirectory,
  type ProgramResult,
  type RunMode,
} from '@bulwark/offline';
import { namespacedKey, withConfigOverrides } from '@bulwark/workspace';
import { markPhase } from '../phase-marks';
import { isOrdinary } from './overlap';
import { type StackPacks } from './pack-set';
import { mergeModeReports } from '../report/merge-modes';
import { toViolation, type ReportPolicy, type ReportViolation, type StackReport } from '../report/report-model';
import { opaqueComponentFindings } from './opaque-components';
import { withProgramOutputOnStderr } from './program-output';
import { compactMemory, pagesReturned, releaseMemory } from './release-memory';
import { KeptAnswers } from './kept-answers';
import { type RunInputs } from './run-inputs';

/** A pack with the config it evaluates this stack with (a `--policy-pack-config` document). */
export interface ConfiguredPack {
  readonly pack: PolicyPack;
  readonly config: Record<string, unknown>;
}

export interface StackEvaluationRequest {
  readonly program: ProgramDirectory;
  /** The modes to evaluate, in order (preview before update); at least one. */
  readonly modes: readonly RunMode[];
  readonly organization: string;
  /** `--config` values; bare keys belong to the project. They override the stack file. */
  readonly configOverrides?: Readonly<Record<string, string>>;
  /** Outputs of the stacks this one may reference, by stack name. */
  readonly stackReferences?: Readonly<Record<string, Record<string, unknown>>>;
  /** `--invoke-fixtures`, read. */
  readonly invokeFixtures?: RunInputs['invokeFixtures'];
  /** `--allow-opaque-components`: an unexpandable remote component is an advisory finding, not an error. */
  readonly allowOpaqueComponents?: boolean;
  /**
   * The packs: awaited once the first program run is over, asked for again in each mode, and told before every
   * run and once the stack is evaluated whether it is large (pack-set.ts).
   */
  readonly packs: StackPacks;
  /** How many resources the program registered when it last ran (run-sizes.ts), if known: whether its first run is large. */
  readonly lastRunSize?: number;
  /** This stack's config for each of the packs, by pack name, in their order: read once, when first needed. */
  readonly packConfigs: (packNames: readonly string[]) => readonly Record<string, unknown>[];
}

export interface StackEvaluation {
  /** The report, merged over the modes evaluated. */
  readonly report: StackReport;
  /** The stack outputs of each mode's run. */
  readonly outputs: Partial<Record<RunMode, Record<string, unknown>>>;
  /**
   * The last mode's run (the update run when both ran: every name and value known), for checks that look across
   * stacks once every stack has run (commands/workspace-checks.ts).
   */
  readonly lastRun: ProgramResult;
  /** Whether the stack was evaluated as large, one thing at a time (overlap.ts's `OVERLAP_RESOURCE_LIMIT`). */
  readonly large: boolean;
}

/** What a run of the stack needs: the request less its packs and modes. */
type RunRequest = Omit<StackEvaluationRequest, 'packs' | 'packConfigs' | 'modes' | 'lastRunSize'>;

/** A path for humans: relative to the working directory when inside it. */
function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : file;
}

/** The config a stack runs with: its stack file, with `--config` overrides (bare keys belong to the project). */
function runSettings(request: RunRequest) {
  const { program } = request;
  const projectName = program.project.name;
  const overrides = request.configOverrides ?? {};
  const config = withConfigOverrides(program.settings.config, overrides, projectName);
  // An overridden key holds the value given on the command line, no longer the stack file's ciphertext.
  const overridden = Object.keys(overrides).map((key) => namespacedKey(key, projectName));
  const secretKeys = program.settings.secretKeys.filter((key) => !overridden.includes(key));
  const warnings = program.settings.warnings.filter((warning) => !overridden.some((key) => warning.includes(`"${key}"`)));
  const run = (mode: RunMode) =>
    withProgramOutputOnStderr(() =>
      runProgram(program.run, {
        project: projectName,
        stack: program.stack,
        organization: request.organization,
        mode,
        config,
        secretKeys,
        stackReferences: request.stackReferences ?? {},
        invokeFixtures: request.invokeFixtures ?? [],
        workingDirectory: program.project.directory,
        allowOpaqueComponents: request.allowOpaqueComponents ?? false,
      }),
    );
  return { projectName, config, secretKeys, warnings, run };
}

/**
 * The outputs a stack would have once deployed (an update run). In a real `pulumi preview` a consumer's
 * StackReferences read the producer's deployed state, whose values are all known; the producer's own preview has
 * its ids and ARNs unknown, and a consumer given those could not be judged on them.
 */
export async function deployedOutputs(request: RunRequest & { readonly packs: StackPacks; readonly large: boolean }): Promise<Record<string, unknown>> {
  await request.packs.beforeRun(request.large);
  const outputs = (await runSettings(request).run('update')).outputs;
  releaseMemory();
  return outputs;
}

/** What one pack found on one run, and the policies it evaluated there. */
async function analyzeWith(
  { pack, config: packConfig }: ConfiguredPack,
  result: ProgramResult,
  stackContext: { config: Record<string, string>; secretKeys: readonly string[] },
  answers: AnalyzeAnswers | undefined,
): Promise<{ violations: ReportViolation[]; policies: ReportPolicy[] }> {
  const evaluation = await pack.evaluate(result, packConfig, stackContext, answers);
  // A pack may say "not applicable" for most policies on every resource: group once, not once per policy.
  const notApplicable = new Map<string, string[]>();
  for (const entry of evaluation.notApplicable) {
    if (entry.urn === undefined) continue;
    const urns = notApplicable.get(entry.policy);
    if (urns) urns.push(entry.urn);
    else notApplicable.set(entry.policy, [entry.urn]);
  }
  const policies: ReportPolicy[] = [];
  for (const policy of pack.info.policies) {
    const enforcement = evaluation.enforcement.get(policy.name) ?? policy.enforcementLevel;
    if (enforcement === 'disabled') continue;
    policies.push({ pack: pack.info.name, policy: policy.name, kind: policy.kind, enforcement, notApplicable: notApplicable.get(policy.name) ?? [] });
  }
  return { violations: evaluation.findings.map(toViolation), policies };
}

/**
 * Runs a stack's program in each mode asked for and evaluates the packs on each run. Program and pack failures
 * propagate as errors. A small stack's next run overlaps the last run's analysis, and its packs analyze side by
 * side (each pack is its own process); a large one runs every mode, then analyzes each, one thing at a time
 * (overlap.ts's `OVERLAP_RESOURCE_LIMIT`).
 */
export async function evaluateStack(request: StackEvaluationRequest): Promise<StackEvaluation> {
  const { program } = request;
  if (request.modes.length === 0) throw new Error('evaluateStack needs at least one mode');
  const { projectName, config, secretKeys, warnings, run } = runSettings(request);
  const stackContext = { config: configStrings(config), secretKeys };

  // With several modes, each pack is sent only the resources whose Analyze requests the last mode did not
  // already send it (@bulwark/offline, analyzer/analyze-answers.ts): most of an update run is the preview's.
  const answers = new KeptAnswers(request.modes.length);

  let configs: readonly Record<string, unknown>[] | undefined;
  const configuredPacks = async (): Promise<ConfiguredPack[]> => {
    const packs = await request.packs.get();
    configs ??= request.packConfigs(packs.map((pack) => pack.info.name));
    const read = configs;
    return packs.map((pack, index) => ({ pack, config: read[index] ?? {} }));
  };

  const analyze = async (result: ProgramResult, small: boolean): Promise<StackReport> => {
    const analyzed = result.resources.filter(isAnalyzed);
    const ready = configuredPacks();
    if (!small) {
      // While the packs (re)start: once the last plain collection's empty pages are returned, a compacting one
      // costs no more room than the run's peak had, and leaves the analysis a process of its live size.
      await pagesReturned();
      compactMemory();
    }
    const packs = await ready;
    markPhase(`analysis-start:${projectName}/${result.mode}`);
    const perPack: Awaited<ReturnType<typeof analyzeWith>>[] = [];
    if (small) perPack.push(...(await Promise.all(packs.map((configured, place) => analyzeWith(configured, result, stackContext, answers.of(place, configured.pack))))));
    else {
      // One pack at a time, with a full collection after each: a large analysis's garbage must not pile up.
      for (const [place, configured] of packs.entries()) {
        perPack.push(await analyzeWith(configured, result, stackContext, answers.of(place, configured.pack)));
        releaseMemory();
      }
    }
    const violations = perPack.flatMap((found) => found.violations);
    const policies = perPack.flatMap((found) => found.policies);
    const opaque = opaqueComponentFindings(result.opaqueComponents, analyzed.map((record) => record.urn));
    violations.push(...opaque.violations);
    policies.push(...opaque.policies);
    markPhase(`analysis-end:${projectName}/${result.mode}`);
    return {
      project: projectName,
      stack: program.stack,
      mode: result.mode,
      directory: displayPath(program.project.directory),
      entry: displayPath(program.entry),
      resources: analyzed.map((record) => ({ urn: record.urn, type: record.type, name: record.name })),
      violations,
      outputs: result.outputs,
      policies,
      warnings,
      durationMs: Math.round(result.durationMs),
    };
  };

  const reports: StackReport[] = [];
  const outputs: Partial<Record<RunMode, Record<string, unknown>>> = {};
  const runMode = async (mode: RunMode): Promise<ProgramResult> => {
    markPhase(`run-start:${projectName}/${mode}`);
    const result = await run(mode);
    markPhase(`run-end:${projectName}/${mode}`);
    outputs[mode] = result.outputs;
    return result;
  };
  const [firstMode, ...laterModes] = request.modes as [RunMode, ...RunMode[]];
  // Its size as last recorded decides the first run; the first run's decides the others, and the packs' end.
  await request.packs.beforeRun(!isOrdinary(request.lastRunSize));
  const first = await runMode(firstMode);
  if (!isOrdinary(first.resources.length)) {
    // Large: one thing at a time, with a full collection between phases (release-memory.ts), and the packs
    // stopped before each run and at the end: a pack process that has analyzed thousands of resources keeps
    // hundreds of megabytes, and a run of as many holds more than a gigabyte; together they would pass 1.5 GB.
    let result: ProgramResult = first;
    for (const mode of laterModes) {
      releaseMemory();
      reports.push(await analyze(result, false));
      await request.packs.beforeRun(true);
      // The analysis's garbage collected, its pages returned while the packs stopped: the next run starts from a
      // compact heap, not from the last run's scattered one.
      releaseMemory();
      compactMemory();
      result = await runMode(mode);
    }
    releaseMemory();
    reports.push(await analyze(result, false));
    await request.packs.afterStack(true);
    return { report: mergeModeReports(reports), outputs, lastRun: result, large: true };
  }
  // Small: the next run overlaps the last run's analysis. A full collection costs a small stack more than it saves.
  let analysis = analyze(first, true);
  let last = first;
  for (const mode of laterModes) {
    // Observed now, awaited later: a pack failure while the next program runs must not pass for that program's
    // own unhandled rejection (runProgram collects those as the program's errors).
    analysis.catch(() => undefined);
    await request.packs.beforeRun(false);
    const result = await runMode(mode);
    reports.push(await analysis);
    analysis = analyze(result, true);
    last = result;
  }
  reports.push(await analysis);
  await request.packs.afterStack(false);
  return { report: mergeModeReports(reports), outputs, lastRun: last, large: false };
}
