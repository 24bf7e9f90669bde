/**
 * Checks that span the stacks of one environment, run by `bulwark preview` once every stack has run: for now
 * `workspace-unique-physical-names` (from `@bulwark/aws-deployability`: two stacks creating the same bucket, role,
 * log group...). A clash is reported like a mandatory finding of the pseudo-pack `bulwark-workspace`, on each
 * stack that creates the name, so it fails the run (exit 1) and shows in every report format.
 */
import { describeClash, physicalNameClashes, UNIQUE_PHYSICAL_NAMES_CHECK, type StackResources } from '@bulwark/aws-deployability';
import { type ProgramResult } from '@bulwark/offline';
import { type ReportViolation, type StackReport } from '../report/report-model';

/** The pack name workspace findings carry. */
export const WORKSPACE_CHECKS_PACK = 'bulwark-workspace';

/** The first account of `aws:allowedAccountIds` (a YAML list, or the JSON text the engine passes). */
function deploymentAccount(config: Readonly<Record<string, unknown>>): string | undefined {
  const value = config['aws:allowedAccountIds'];
  const list = typeof value === 'string' ? (() => { try { return JSON.parse(value) as unknown; } catch { return undefined; } })() : value;
  return Array.isArray(list) && typeof list[0] === 'string' ? list[0] : undefined;
}

/** What one stack's run contributes to the workspace checks. */
export function stackResources(project: string, stack: string, result: ProgramResult, config: Readonly<Record<string, unknown>>): StackResources {
  const region = config['aws:region'];
  const account = deploymentAccount(config);
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
