/** `bulwark check DIR`: any Pulumi program directory, offline, against the given packs (default: the workspace's). */
import * as path from 'node:path';
import { loadProgramDirectory } from '@bulwark/offline';
import { readPackConfig } from '@bulwark/workspace';
import { type CheckOptions } from '../cli-arguments';
import { evaluateStack } from '../evaluation/evaluate-stack';
import { LazyPackSet, packOptions } from '../evaluation/pack-set';
import { readRunInputs } from '../evaluation/run-inputs';
import { buildReport, modesOf } from '../report/report-model';
import { emitReport, progress, stackProgress } from '../report-output';
import { TOOL_VERSION } from '../tool-version';
import { assertPackBuilt, requireWorkspacePacks } from '../workspace/workspace-packs';
import { OWN_WORKSPACE } from '../workspace/workspace-root';

/** Runs the check and returns the exit code. */
export async function runCheck(options: CheckOptions): Promise<number> {
  const program = loadProgramDirectory(options.directory, options.stack);
  const inputs = readRunInputs(options);
  const packDirectories =
    options.policyPacks.length > 0
      ? options.policyPacks.map((pack) => path.resolve(pack))
      : requireWorkspacePacks(OWN_WORKSPACE, 'give one with --policy-pack DIR');
  if (options.policyPacks.length === 0) packDirectories.forEach(assertPackBuilt);
  const packConfigs = packDirectories.map((_, index) => {
    const file = options.policyPackConfigs[index];
    return file ? readPackConfig(file) : {};
  });
  progress(`bulwark check ${options.directory}: ${program.project.name}/${options.stack} (${options.mode}), ${packDirectories.length} policy pack(s)`);
  const packs = new LazyPackSet(packDirectories, packOptions(options.packTimeouts));
  try {
    const { report: stack } = await evaluateStack({
      program,
      modes: modesOf(options.mode),
      organization: options.organization,
      configOverrides: options.config,
      stackReferences: inputs.stackReferences,
      invokeFixtures: inputs.invokeFixtures,
      allowOpaqueComponents: options.allowOpaqueComponents,
      packs: async () => (await packs.get()).map((pack, index) => ({ pack, config: packConfigs[index] ?? {} })),
    });
    progress(stackProgress(stack));
    const infos = (await packs.get()).map((pack) => pack.info);
    return emitReport(buildReport(TOOL_VERSION, infos, [stack]), options.format, options.output);
  } finally {
    await packs.stop();
  }
}
