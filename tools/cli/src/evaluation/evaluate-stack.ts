/**
 * One stack, end to end: run the program offline, evaluate every policy pack on what it registered over the
 * Analyzer protocol, and turn the result into a {@link StackReport}.
 */
import * as path from 'node:path';
import {
  configStrings,
  isAnalyzed,
  runProgram,
  type PolicyPack,
  type ProgramDirectory,
  type ProgramResult,
  type RunMode,
} from '@bulwark/offline';
import { namespacedKey, withConfigOverrides } from '@bulwark/workspace';
import { toViolation, type ReportPolicy, type StackReport } from '../report/report-model';
import { opaqueComponentFindings } from './opaque-components';
import { withProgramOutputOnStderr } from './program-output';
import { releaseMemory } from './release-memory';
import { type RunInputs } from './run-inputs';

/** A pack with the config it evaluates this stack with (a `--policy-pack-config` document). */
export interface ConfiguredPack {
  readonly pack: PolicyPack;
  readonly config: Record<string, unknown>;
}

export interface StackEvaluationRequest {
  readonly program: ProgramDirectory;
  readonly mode: RunMode;
  readonly organization: string;
  /** `--config` values; bare keys belong to the project. They override the stack file. */
  readonly configOverrides?: Readonly<Record<string, string>>;
  /** Outputs of the stacks this one may reference, by stack name. */
  readonly stackReferences?: Readonly<Record<string, Record<string, unknown>>>;
  /** `--invoke-fixtures`, read. */
  readonly invokeFixtures?: RunInputs['invokeFixtures'];
  /** `--allow-opaque-components`: an unexpandable remote component is an advisory finding, not an error. */
  readonly allowOpaqueComponents?: boolean;
  /** The packs with this stack's configs, started on first use (after the program has run). */
  readonly packs: () => Promise<readonly ConfiguredPack[]>;
}

export interface StackEvaluation {
  readonly report: StackReport;
  readonly result: ProgramResult;
}

/** A path for humans: relative to the working directory when inside it. */
function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : file;
}

/** The config a stack runs with: its stack file, with `--config` overrides (bare keys belong to the project). */
function runSettings(request: Omit<StackEvaluationRequest, 'packs' | 'mode'>) {
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
export async function deployedOutputs(request: Omit<StackEvaluationRequest, 'packs' | 'mode'>): Promise<Record<string, unknown>> {
  const outputs = (await runSettings(request).run('update')).outputs;
  releaseMemory();
  return outputs;
}

/** Runs a stack's program and evaluates the packs on it. Program and pack failures propagate as errors. */
export async function evaluateStack(request: StackEvaluationRequest): Promise<StackEvaluation> {
  const { program } = request;
  const { projectName, config, secretKeys, warnings, run } = runSettings(request);

  const result = await run(request.mode);

  releaseMemory();

  const analyzed = result.resources.filter(isAnalyzed);
  const stackContext = { config: configStrings(config), secretKeys };
  const violations = [];
  const policies: ReportPolicy[] = [];
  for (const { pack, config: packConfig } of await request.packs()) {
    const evaluation = await pack.evaluate(result, packConfig, stackContext);
    violations.push(...evaluation.findings.map(toViolation));
    releaseMemory();
    // A pack may say "not applicable" for most policies on every resource: group once, not once per policy.
    const notApplicable = new Map<string, string[]>();
    for (const entry of evaluation.notApplicable) {
      if (entry.urn === undefined) continue;
      const urns = notApplicable.get(entry.policy);
      if (urns) urns.push(entry.urn);
      else notApplicable.set(entry.policy, [entry.urn]);
    }
    for (const policy of pack.info.policies) {
      const enforcement = evaluation.enforcement.get(policy.name) ?? policy.enforcementLevel;
      if (enforcement === 'disabled') continue;
      policies.push({
        pack: pack.info.name,
        policy: policy.name,
        kind: policy.kind,
        enforcement,
        notApplicable: notApplicable.get(policy.name) ?? [],
      });
    }
  }
  const opaque = opaqueComponentFindings(result.opaqueComponents, analyzed.map((record) => record.urn));
  violations.push(...opaque.violations);
  policies.push(...opaque.policies);

  return {
    result,
    report: {
      project: projectName,
      stack: program.stack,
      mode: request.mode,
      directory: displayPath(program.project.directory),
      entry: displayPath(program.entry),
      resources: analyzed.map((record) => ({ urn: record.urn, type: record.type, name: record.name })),
      violations,
      outputs: result.outputs,
      policies,
      warnings,
      durationMs: Math.round(result.durationMs),
    },
  };
}
