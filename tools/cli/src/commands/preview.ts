/**
 * `bulwark preview`: every workspace stack (or those named), each run offline and evaluated with the workspace
 * packs and its own pack config, in StackReference order: first guessed from the sources, then settled by
 * running (a stack that references a workspace stack that has not run yet is put back until that one has).
 * Its StackReferences get the outputs of the referenced stack's run; in a preview, of its update run (what it
 * would have deployed), as a real preview reads a producer's deployed state.
 */
import * as path from 'node:path';
import { loadProgramDirectory, ProgramError, type PolicyPack, type PulumiProject } from '@bulwark/offline';
import { UsageError } from '../exit-codes';
import { type PreviewOptions } from '../cli-arguments';
import { deployedOutputs, evaluateStack, type ConfiguredPack, type StackEvaluation } from '../evaluation/evaluate-stack';
import { LazyPackSet } from '../evaluation/pack-set';
import { buildReport, type StackReport } from '../report/report-model';
import { emitReport, progress, stackProgress } from '../report-output';
import { TOOL_VERSION } from '../tool-version';
import { readPackConfigFile, stackPackConfigFile } from '../workspace/pack-config-file';
import { packConfigSections } from '../workspace/pack-config-sections';
import { referenceScope, stackKey } from '../workspace/stack-references';
import { WorkspaceError } from '../workspace/workspace-error';
import { assertPackBuilt, requireWorkspacePacks } from '../workspace/workspace-packs';
import { findWorkspaceRoot } from '../workspace/workspace-root';
import { discoverStacks } from '../workspace/workspace-stacks';
import { stackResources, withWorkspaceFindings } from './workspace-checks';
import { type StackResources } from '@bulwark/aws-deployability';
import { orderByReferenceHints, referenceHints } from '../workspace/stack-order';

/** Picks the named projects (by project name or directory name); all when none are named. */
function selectStacks(all: PulumiProject[], names: readonly string[]): PulumiProject[] {
  if (names.length === 0) return all;
  return names.map((name) => {
    const found = all.find((project) => project.name === name || path.basename(project.directory) === name);
    if (!found) {
      throw new UsageError(`no workspace stack named "${name}" (known: ${all.map((project) => project.name).join(', ') || 'none'})`);
    }
    return found;
  });
}

/**
 * The pack config of a stack for each pack: the stack's `policy-config.<stack>.json` (or `policy-config.json`).
 * With one workspace pack the file is that pack's config; with several it maps pack names to configs.
 */
function stackPackConfigs(project: PulumiProject, stack: string, packs: readonly PolicyPack[]): ConfiguredPack[] {
  const file = stackPackConfigFile(project.directory, stack);
  const sections = packConfigSections(file ? readPackConfigFile(file) : {}, packs.map((pack) => pack.info.name), file);
  return packs.map((pack, index) => ({ pack, config: sections[index] ?? {} }));
}

/** Runs the preview and returns the exit code. */
export async function runPreview(options: PreviewOptions): Promise<number> {
  const root = findWorkspaceRoot(options.workspace);
  const all = discoverStacks(root);
  const selected = selectStacks(all, options.projects);
  const packDirectories = requireWorkspacePacks(root);
  packDirectories.forEach(assertPackBuilt);
  if (selected.length === 0) {
    progress(`no stacks under ${path.join(root, 'stacks')}: nothing to preview (a stack is a directory with Pulumi.yaml)`);
    return emitReport(buildReport(TOOL_VERSION, [], []), options.format, options.output);
  }
  progress(`bulwark preview: ${selected.length} stack(s), stack "${options.stack}" (${options.mode}), ${packDirectories.length} policy pack(s)`);

  const byKey = new Map(all.map((project) => [stackKey(project.name, options.stack), project]));
  const hints = referenceHints(all);
  const isReferenced = (project: PulumiProject) => [...hints.values()].some((referenced) => referenced.has(project.name));
  const packs = new LazyPackSet(packDirectories);
  try {
    const pending = orderByReferenceHints(selected);
    const waitingFor = new Map<string, Set<string>>();
    const completed = new Map<string, Record<string, unknown>>();
    const reports: StackReport[] = [];
    const ranStacks: StackResources[] = [];
    while (pending.length > 0) {
      const index = pending.findIndex((project) =>
        [...(waitingFor.get(project.name) ?? [])].every((dependency) => completed.has(dependency)),
      );
      if (index < 0) {
        const cycle = pending.map((project) => `${project.name} -> ${[...(waitingFor.get(project.name) ?? [])].join(', ')}`);
        throw new WorkspaceError(`the stacks reference each other in a cycle, so none can run first:\n  ${cycle.join('\n  ')}`);
      }
      const project = pending.splice(index, 1)[0] as PulumiProject;
      const program = loadProgramDirectory(project.directory, options.stack);
      const scope = referenceScope(completed, project.name, options.organization);
      progress(`  ${project.name}/${options.stack}: running`);
      let evaluation: StackEvaluation | undefined;
      try {
        evaluation = await evaluateStack({
          program,
          mode: options.mode,
          organization: options.organization,
          stackReferences: scope.references,
          packs: async () => stackPackConfigs(project, options.stack, await packs.get()),
        });
      } catch (error) {
        if (!(error instanceof ProgramError) || scope.missing.size === 0) throw error;
      }
      if (evaluation && scope.missing.size === 0) {
        // Consumers read what the producer would have deployed, as a real preview reads the deployed state.
        const outputs =
          options.mode === 'preview' && isReferenced(project)
            ? await deployedOutputs({ program, organization: options.organization, stackReferences: scope.references })
            : evaluation.result.outputs;
        completed.set(stackKey(project.name, options.stack), outputs);
        reports.push(evaluation.report);
        ranStacks.push(stackResources(project.name, options.stack, evaluation.result, program.settings.config));
        progress(stackProgress(evaluation.report));
      } else {
        const outside = [...scope.missing].filter((key) => !byKey.has(key));
        if (outside.length > 0) {
          throw new WorkspaceError(
            `${project.name}/${options.stack} references ${outside.join(', ')}, which is not a workspace stack ` +
              `(preview runs stack "${options.stack}" of: ${all.map((candidate) => candidate.name).join(', ')})`,
          );
        }
        // Run what it references first (also when not selected: its outputs are needed), then this again.
        waitingFor.set(project.name, new Set([...(waitingFor.get(project.name) ?? []), ...scope.missing]));
        for (const key of scope.missing) {
          const dependency = byKey.get(key) as PulumiProject;
          if (!pending.includes(dependency) && !completed.has(key)) pending.unshift(dependency);
        }
        pending.push(project);
        progress(`  ${project.name}/${options.stack}: waits for ${[...scope.missing].join(', ')}`);
      }
    }
    const infos = (await packs.get()).map((pack) => pack.info);
    // Checks that span stacks (two stacks creating one bucket) run once every stack has.
    return emitReport(buildReport(TOOL_VERSION, infos, withWorkspaceFindings(reports, ranStacks)), options.format, options.output);
  } finally {
    await packs.stop();
  }
}
