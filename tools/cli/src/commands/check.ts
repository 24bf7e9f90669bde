/** `bulwark check DIR`: any Pulumi program directory, offline, against the given packs (default: the workspace's). */
import * as path from 'node:path';
import { packConfigSections, readPackConfig } from '@bulwark/workspace';
import { type CheckOptions } from '../cli-arguments';
import { isOrdinary } from '../evaluation/overlap';
import { offlineEngine, reporting, stackEvaluation } from '../engine-modules';
import { PackSet, packOptions } from '../evaluation/pack-set';
import { lastRunSize, recordRunSizes, runSizeKey } from '../evaluation/run-sizes';
import { markPhase } from '../phase-marks';
import { TOOL_VERSION } from '../tool-version';
import { assertPackBuilt, requireWorkspacePacks } from '../workspace/workspace-packs';
import { OWN_WORKSPACE } from '../workspace/workspace-root';

/** Runs the check and returns the exit code. */
export async function runCheck(options: CheckOptions): Promise<number> {
  const packDirectories =
    options.policyPacks.length > 0
      ? options.policyPacks.map((pack) => path.resolve(pack))
      : requireWorkspacePacks(OWN_WORKSPACE, 'give one with --policy-pack DIR');
  if (options.policyPacks.length === 0) packDirectories.forEach(assertPackBuilt);
  // Workspace packs with one config file: the file maps pack names to configs, as a stack's policy-config.json does.
  const sectioned = options.policyPacks.length === 0 && packDirectories.length > 1 && options.policyPackConfigs.length === 1;
  const packConfigs = sectioned
    ? undefined
    : packDirectories.map((_, index) => {
        const file = options.policyPackConfigs[index];
        return file ? readPackConfig(file) : {};
      });
  // The packs start now, while the engine loads and the program runs, unless the program is known to be large
  // (see evaluation/pack-set.ts): the engine is loaded only after they were started.
  const sizeKey = runSizeKey(options.directory, options.stack);
  const lastSize = lastRunSize(sizeKey);
  const packs = new PackSet(packDirectories, packOptions(options.packTimeouts), { startAtOnce: isOrdinary(lastSize) });
  markPhase('packs-started');
  try {
    const { loadProgramDirectory } = offlineEngine();
    const { evaluateStack, readRunInputs } = stackEvaluation();
    const { buildReport, emitReport, modesOf, progress, stackFinished, stackStarted } = reporting();
    markPhase('engine-loaded');
    const program = loadProgramDirectory(options.directory, options.stack);
    const inputs = readRunInputs(options);
    progress(`bulwark check ${options.directory}: ${program.project.name}/${options.stack} (${options.mode}), ${packDirectories.length} policy pack(s)`);
    stackStarted(`${program.project.name}/${options.stack}`);
    const { report: stack } = await evaluateStack({
      program,
      modes: modesOf(options.mode),
      organization: options.organization,
      configOverrides: options.config,
      stackReferences: inputs.stackReferences,
      invokeFixtures: inputs.invokeFixtures,
      allowOpaqueComponents: options.allowOpaqueComponents,
      packs,
      lastRunSize: lastSize,
      packConfigs: (packNames) => packConfigs ?? packConfigSections(readPackConfig(options.policyPackConfigs[0] as string), packNames, options.policyPackConfigs[0]),
    });
    recordRunSizes({ [sizeKey]: stack.resources.length });
    stackFinished(stack);
    const infos = await packs.infos();
    return emitReport(buildReport(TOOL_VERSION, infos, [stack]), options.format, options.output);
  } finally {
    await packs.stop();
  }
}
