/**
 * Checks that span the stacks of one environment, run by `bulwark preview` once every stack has run: for now
 * `workspace-unique-physical-names` (from `@bulwark/aws-deployability`: two stacks creating the same bucket, role,
 * log group...). A clash is reported like a mandatory finding of the pseudo-pack `bulwark-workspace`, on each
 * stack that creates the name, so it fails the run (exit 1) and shows in every report format.
 */
import { describeClash, physicalNameClashes, UNIQUE_PHYSICAL_NAMES_CHECK, type StackResources } from '@bulwark/aws-deployability';
import { type ProgramResult } from '@bulwark/offline';
import { allowedAccountIds } from '@bulwark/workspace';
import { type ReportViolation, type StackReport } from '../report/report-model';

/** The pack name workspace findings carry. */
export const WORKSPACE_CHECKS_PACK = 'bulwark-workspace';

/** A stack's config by namespaced key, and the stack config file it was read from (for errors), if any. */
export interface StackConfigSource {
  readonly config: Readonly<Record<string, unknown>>;
  readonly file?: string;
}

/**
 * What one stack's run contributes to the workspace checks. The account is the first of `aws:allowedAccountIds`
 * (none when unset); a value that is not a list of account ids throws a WorkspaceError naming the file and key,
 * rather than leaving the stack's names unplaced.
 */
export function stackResources(project: string, stack: string, result: ProgramResult, settings: StackConfigSource): StackResources {
  const { config } = settings;
  const region = config['aws:region'];
  const account = allowedAccountIds(config, settings.file ?? `the config of stack ${project}/${stack}`)?.[0];
  return {
    project,
    stack,
    resources: result.resources.map((record) => ({ urn: record.urn, type: record.type, inputs: record.inputs, ...(record.provider ? { provider: record.provider } : {}) })),
    ...(typeof region === 'string' ? { region } : {}),
    ...(account ? { account } : {}),
  };
}

/** The reports with every workspace finding added to the stacks it concerns. */
export function withWorkspaceFindings(reports: readonly StackReport[], stacks: readonly StackResources[]): StackReport[] {
  const added = new Map<string, ReportViolation[]>();
  for (const clash of physicalNameClashes(stacks)) {
    const message = describeClash(clash);
    for (const holder of clash.holders) {
      const violations = added.get(holder.project) ?? [];
      violations.push({ policy: UNIQUE_PHYSICAL_NAMES_CHECK, pack: WORKSPACE_CHECKS_PACK, packVersion: '1', enforcement: 'mandatory', severity: 'high', urn: holder.urn, message, kind: 'violation', waived: false });
      added.set(holder.project, violations);
    }
  }
  return reports.map((report) => ({ ...report, violations: [...report.violations, ...(added.get(report.project) ?? [])] }));
}
