/**
 * One stack's report from its evaluations in several modes (a first-time preview, then a simulated update): what
 * `bulwark check` and `bulwark preview` report by default. Nothing either mode found is lost, except what the other
 * mode settled:
 * - a finding both modes reported (same pack, policy, resource, kind and message) is one finding whose `modes`
 *   name both;
 * - an "undecided" finding of the preview (a value unknown until apply) disappears when the update run evaluated
 *   the same policy on the same resource: its values are known there, so its verdict (a violation, or none)
 *   replaces the deferral. Unless the update run was undecided in the same way, or the finding blocks (a pack may
 *   make undecided findings mandatory): then it stays.
 * Findings keep the order of the first mode that reported them.
 */
import { type RunMode } from '@bulwark/offline';
import { isBlocking, type ReportPolicy, type ReportResource, type ReportViolation, type StackReport } from './report-model';

/** What makes two findings of different modes the same finding. */
function findingKey(violation: ReportViolation): string {
  return JSON.stringify([violation.pack, violation.policy, violation.urn ?? '', violation.kind, violation.message]);
}


/** The mode a single-mode report was evaluated in. */
function onlyMode(report: StackReport): RunMode {
  if (report.mode === 'both') throw new Error(`${report.project}/${report.stack}: a merged report cannot be merged again`);
  return report.mode;
}

/** The policies of every mode: one entry per pack and policy, not applicable where no mode that ran it applied it. */
function mergePolicies(reports: readonly StackReport[], resources: readonly ReportResource[]): ReportPolicy[] {
  const merged = new Map<string, ReportPolicy>();
  for (const report of reports) {
    for (const policy of report.policies) {
      const key = JSON.stringify([policy.pack, policy.policy]);
      if (!merged.has(key)) merged.set(key, policy);
    }
  }
  return [...merged.values()].map((first) => {
    const inModes = reports.flatMap((report) => {
      const policy = report.policies.find((candidate) => candidate.pack === first.pack && candidate.policy === first.policy);
      return policy ? [{ analyzed: new Set(report.resources.map((resource) => resource.urn)), notApplicable: new Set(policy.notApplicable) }] : [];
    });
    // Not applicable to a resource only if every mode that analyzed the resource with this policy said so.
    const notApplicable = resources
      .map((resource) => resource.urn)
      .filter((urn) => {
        const judged = inModes.filter((mode) => mode.analyzed.has(urn));
        return judged.length > 0 && judged.every((mode) => mode.notApplicable.has(urn));
      });
    return { ...first, notApplicable };
  });
}

/**
 * Merges the single-mode reports of one stack (in evaluation order: preview before update) into one report. One
 * report is returned as it is, its findings marked with its mode.
 */
export function mergeModeReports(reports: readonly StackReport[]): StackReport {
  const [first] = reports;
  if (!first) throw new Error('mergeModeReports needs at least one report');
  const modes = reports.map(onlyMode);
  if (new Set(modes).size !== modes.length) throw new Error(`${first.project}/${first.stack}: a mode was evaluated twice`);
  if (reports.length === 1) {
    return { ...first, modes, violations: first.violations.map((violation) => ({ ...violation, modes })) };
  }

  const resources: ReportResource[] = [];
  const seenResources = new Set<string>();
  for (const report of reports) {
    for (const resource of report.resources) {
      if (seenResources.has(resource.urn)) continue;
      seenResources.add(resource.urn);
      resources.push(resource);
    }
  }

  const findings = new Map<string, { violation: ReportViolation; modes: RunMode[] }>();
  reports.forEach((report, index) => {
    const mode = modes[index] as RunMode;
    for (const violation of report.violations) {
      const key = findingKey(violation);
      const found = findings.get(key);
      if (found) {
        if (!found.modes.includes(mode)) found.modes.push(mode);
      } else findings.set(key, { violation, modes: [mode] });
    }
  });

  const update = reports[modes.indexOf('update')];
  // The update evaluated its policies on these resources (and on the stack, a finding without URN): whatever a
  // policy said there (a finding, none, or "not applicable") is its verdict.
  const analyzedByUpdate = new Set(update?.resources.map((resource) => resource.urn));
  const settledByUpdate = (violation: ReportViolation, foundIn: readonly RunMode[]): boolean => {
    if (!update || violation.kind !== 'undecided' || isBlocking(violation) || foundIn.includes('update')) return false;
    const ran = update.policies.some((candidate) => candidate.pack === violation.pack && candidate.policy === violation.policy);
    return ran && (violation.urn === undefined || analyzedByUpdate.has(violation.urn));
  };
  const violations = [...findings.values()]
    .filter(({ violation, modes: foundIn }) => !settledByUpdate(violation, foundIn))
    .map(({ violation, modes: foundIn }) => ({ ...violation, modes: modes.filter((mode) => foundIn.includes(mode)) }));

  const last = reports[reports.length - 1] as StackReport;
  return {
    ...first,
    mode: 'both',
    modes,
    resources,
    violations,
    // What the stack exports once deployed: the update run's values, all known.
    outputs: (update ?? last).outputs,
    policies: mergePolicies(reports, resources),
    warnings: [...new Set(reports.flatMap((report) => report.warnings))],
    durationMs: reports.reduce((total, report) => total + report.durationMs, 0),
  };
}
