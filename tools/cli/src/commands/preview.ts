/**
 * `bulwark preview`: every workspace stack (or those named, with the stacks they consume), each run offline and
 * evaluated with the workspace packs and its own pack config, producers first: the order `bulwark.consumes` gives
 * (`@bulwark/workspace`), the same the nx graph deploys in. Its StackReferences get the outputs of the referenced
 * stack's update run (what it would have deployed), as a real preview reads a producer's deployed state: in the
 * default mode (both) the run the stack's own update evaluation made, so no producer runs more than once per mode. A stack that reads a workspace stack it does not declare is an error naming its package.json:
 * the declaration orders deployments, so it must be true.
 */
import * as path from 'node:path';
import { discoverStacks, orderByConsumes, packConfigSections, readStackPackConfig, type WorkspaceStack } from '@bulwark/workspace';
import { UsageError } from '../exit-codes';
import { type PreviewOptions } from '../cli-arguments';
import { offlineEngine, reporting, stackEvaluation } from '../engine-modules';
import { isOrdinary } from '../evaluation/overlap';
import { PackSet, packOptions } from '../evaluation/pack-set';
import { lastRunSize, recordRunSizes, runSizeKey } from '../evaluation/run-sizes';
import { markPhase } from '../phase-marks';
import type { StackReport } from '../report/report-model';
import { TOOL_VERSION } from '../tool-version';
import { referenceScope, stackKey } from '../workspace/stack-references';
import { WorkspaceError } from '../workspace/workspace-error';
import { assertPackBuilt, requireWorkspacePacks } from '../workspace/workspace-packs';
import { findWorkspaceRoot } from '../workspace/workspace-root';
import { stackResources, withWorkspaceFindings } from './workspace-checks';
import { type StackResources } from '@bulwark/aws-deployability';

/** Picks the named stacks (by nx name, Pulumi project name or directory name); all when none are named. */
function selectStacks(all: readonly WorkspaceStack[], names: readonly string[]): WorkspaceStack[] {
  if (names.length === 0) return [...all];
  return names.map((name) => {
    const found = all.find((stack) => stack.name === name || stack.project.name === name || path.basename(stack.directory) === name);
    if (!found) {
      throw new UsageError(`no workspace stack named "${name}" (known: ${all.map((stack) => stack.name).join(', ') || 'none'})`);
    }
    return found;
  });
}

/** The selected stacks and every stack they consume, directly or not: those whose outputs the run needs. */
function withProducers(all: readonly WorkspaceStack[], selected: readonly WorkspaceStack[]): WorkspaceStack[] {
  const byName = new Map(all.map((stack) => [stack.name, stack]));
  const needed = new Set<WorkspaceStack>();
  const add = (stack: WorkspaceStack) => {
    if (needed.has(stack)) return;
    needed.add(stack);
    for (const producer of stack.consumes) add(byName.get(producer) as WorkspaceStack);
  };
  selected.forEach(add);
  return all.filter((stack) => needed.has(stack));
}

/**
 * The config of a stack for each pack, by the workspace rule (`policy-config.<stack>.json`, else
 * `policy-config.json`). With one workspace pack the file is that pack's config; with several it maps pack names
 * to configs.
 */
function stackPackConfigs(stack: WorkspaceStack, stackName: string, packNames: readonly string[]): Record<string, unknown>[] {
  const { file, config: document } = readStackPackConfig(stack.directory, stackName);
  return packConfigSections(document, packNames, file);
}

/** Runs the preview and returns the exit code. */
export async function runPreview(options: PreviewOptions): Promise<number> {
  const root = findWorkspaceRoot(options.workspace);
  const all = discoverStacks(root);
  const selected = selectStacks(all, options.projects);
  const packDirectories = requireWorkspacePacks(root);
  packDirectories.forEach(assertPackBuilt);
  const ordered = orderByConsumes(withProducers(all, selected));
  if (ordered.length === 0) {
    const { buildReport, emitReport, progress } = reporting();
    progress(`no stacks under ${path.join(root, 'stacks')}: nothing to preview (a stack is a directory with Pulumi.yaml and package.json)`);
    return emitReport(buildReport(TOOL_VERSION, [], []), options.format, options.output);
  }
  // The packs start now, while the engine loads and the first program runs, unless that program is known to be
  // large; before each later run they are stopped or started by its size (see evaluation/pack-set.ts). The engine
  // is loaded only after they were started.
  const lastRunSizes = new Map(ordered.map((stack) => [stack, lastRunSize(runSizeKey(stack.directory, options.stack))]));
  const packs = new PackSet(packDirectories, packOptions(options.packTimeouts), { startAtOnce: isOrdinary(lastRunSizes.get(ordered[0] as WorkspaceStack)) });
  markPhase('packs-started');
  try {
    const { loadProgramDirectory } = offlineEngine();
    const { deployedOutputs, evaluateStack, readRunInputs } = stackEvaluation();
    const { buildReport, emitReport, modesOf, progress, stackFinished, stackStarted } = reporting();
    markPhase('engine-loaded');
    const inputs = readRunInputs(options);
    progress(`bulwark preview: ${ordered.length} stack(s), stack "${options.stack}" (${options.mode}), ${packDirectories.length} policy pack(s)`);
    const byKey = new Map(all.map((stack) => [stackKey(stack.project.name, options.stack), stack]));
    const consumed = new Set(all.flatMap((stack) => stack.consumes));
    const completed = new Map<string, Record<string, unknown>>();
    const reports: StackReport[] = [];
    const ranStacks: StackResources[] = [];
    for (const stack of ordered) {
      const program = loadProgramDirectory(stack.directory, options.stack);
      const scope = referenceScope(completed, stack.project.name, options.organization, inputs.stackReferences);
      stackStarted(`${stack.project.name}/${options.stack}`);
      // A reference to a stack that has not run is an error at once: the run would read an empty stack.
      const undeclared = () => undeclaredReference(stack, [...scope.missing], byKey, all, options.stack);
      const request = {
        program,
        organization: options.organization,
        stackReferences: scope.references,
        invokeFixtures: inputs.invokeFixtures,
        allowOpaqueComponents: options.allowOpaqueComponents,
      };
      const evaluation = await Promise.race([
        evaluateStack({
          ...request,
          modes: modesOf(options.mode),
          packs,
          lastRunSize: lastRunSizes.get(stack),
          packConfigs: (packNames) => stackPackConfigs(stack, options.stack, packNames),
        }).catch((error: unknown) => {
          throw scope.missing.size > 0 ? undeclared() : error;
        }),
        scope.firstMissing.then(() => {
          throw undeclared();
        }),
      ]);
      // Consumers read what the producer would have deployed, as a real preview reads the deployed state: the
      // update run's outputs, from the stack's own update evaluation when there is one (same program, config and
      // references, so the same run), else from an update run made for them alone.
      const deployed = evaluation.outputs.update ?? (consumed.has(stack.name) ? await deployedOutputs({ ...request, packs, large: evaluation.large }) : evaluation.outputs.preview);
      const outputs = deployed ?? {};
      completed.set(stackKey(stack.project.name, options.stack), outputs);
      reports.push(evaluation.report);
      ranStacks.push(stackResources(stack.project.name, options.stack, evaluation.lastRun, program.settings));
      recordRunSizes({ [runSizeKey(stack.directory, options.stack)]: evaluation.report.resources.length });
      stackFinished(evaluation.report);
    }
    const infos = await packs.infos();
    // Checks that span stacks (two stacks creating one bucket) run once every stack has.
    return emitReport(buildReport(TOOL_VERSION, infos, withWorkspaceFindings(reports, ranStacks)), options.format, options.output);
  } finally {
    await packs.stop();
  }
}

/** The error for a run that read stacks that had not run: undeclared workspace stacks, or stacks outside the workspace. */
function undeclaredReference(
  stack: WorkspaceStack,
  missing: readonly string[],
  byKey: ReadonlyMap<string, WorkspaceStack>,
  all: readonly WorkspaceStack[],
  stackName: string,
): WorkspaceError {
  const outside = missing.filter((key) => !byKey.has(key));
  if (outside.length > 0) {
    return new WorkspaceError(
      `${stack.name}/${stackName} references ${outside.join(', ')}, which is not a workspace stack ` +
        `(preview runs stack "${stackName}" of: ${all.map((candidate) => candidate.project.name).join(', ')})`,
    );
  }
  const producers = missing.map((key) => (byKey.get(key) as WorkspaceStack).name);
  return new WorkspaceError(
    `${stack.packageFile}: "bulwark.consumes" does not list ${producers.map((name) => `'${name}'`).join(', ')}, whose outputs ` +
      `${stack.name} reads through a StackReference: add ${producers.length === 1 ? 'it' : 'them'}, so that deployments and previews run ${producers.length === 1 ? 'it' : 'them'} first`,
    { file: stack.packageFile, key: 'bulwark.consumes' },
  );
}
