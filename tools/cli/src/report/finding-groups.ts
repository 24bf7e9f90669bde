/**
 * What the human-facing reports (text, Markdown, HTML) show, in one shape: each finding's level, the stacks with
 * their findings grouped by resource, and the counts of the summary. The machine formats (JSON, SARIF, JUnit)
 * render the model as it is; these read it through here so that the three agree on words, order and counts.
 *
 * A report may carry, per finding, the modes whose runs found it (`modes`) and, per stack, the mode it ran in:
 * both are shown when present and never required.
 */
import { parseUrn } from '@bulwark/aws-model';
import { isBlocking, type ReportViolation, type StackReport } from './report-model';

/** What a finding does to the run, as people read it: blocks it, advises, could not be decided, or is waived. */
export type FindingLevel = 'mandatory' | 'advisory' | 'undecided' | 'waived';

/** The levels, most pressing first: the order findings are listed in. */
export const FINDING_LEVELS: readonly FindingLevel[] = ['mandatory', 'advisory', 'undecided', 'waived'];

/** The level of one finding. */
export function findingLevel(violation: ReportViolation): FindingLevel {
  if (violation.waived) return 'waived';
  if (isBlocking(violation)) return 'mandatory';
  if (violation.kind === 'undecided') return 'undecided';
  return 'advisory';
}

/** The modes (`preview`, `update`) whose runs found a violation, when the report says; undefined when it does not. */
export function findingModes(violation: ReportViolation): readonly string[] | undefined {
  const modes: unknown = (violation as { readonly modes?: unknown }).modes;
  if (!Array.isArray(modes)) return undefined;
  const named = modes.filter((mode): mode is string => typeof mode === 'string' && mode !== '');
  return named.length > 0 ? named : undefined;
}

/** The mode a stack report says it ran in, when it says. */
export function stackMode(stack: StackReport): string | undefined {
  const mode: unknown = (stack as { readonly mode?: unknown }).mode;
  return typeof mode === 'string' && mode !== '' ? mode : undefined;
}

/** A finding with what it is shown with. */
export interface ShownFinding {
  readonly violation: ReportViolation;
  readonly level: FindingLevel;
  /** The modes that found it: the violation's own, else its stack report's when a stack ran in several modes. */
  readonly modes?: readonly string[];
}

/** The findings on one resource (or on the stack as a whole: `urn` undefined). */
export interface ResourceFindings {
  readonly urn?: string;
  /** `aws:s3/bucket:Bucket "assets"`, or the URN of a resource the report does not list, or `the stack as a whole`. */
  readonly heading: string;
  readonly type?: string;
  readonly name?: string;
  readonly findings: readonly ShownFinding[];
}

/** One stack (`project/stack`), whatever number of stack reports (one per mode) the report has for it. */
export interface StackFindings {
  /** `project/stack`. */
  readonly name: string;
  /** The modes its reports ran in, in report order. */
  readonly modes: readonly string[];
  readonly resourceCount: number;
  readonly durationMs: number;
  readonly warnings: readonly string[];
  /** Stack-wide findings first, then resources by type and name. */
  readonly resources: readonly ResourceFindings[];
  readonly counts: LevelCounts;
}

export type LevelCounts = Readonly<Record<FindingLevel, number>>;

/** Counts of findings by level. */
export function countLevels(findings: Iterable<{ readonly level: FindingLevel }>): LevelCounts {
  const counts: Record<FindingLevel, number> = { mandatory: 0, advisory: 0, undecided: 0, waived: 0 };
  for (const finding of findings) counts[finding.level] += 1;
  return counts;
}

const byLevelThenPolicy = (a: ShownFinding, b: ShownFinding) =>
  FINDING_LEVELS.indexOf(a.level) - FINDING_LEVELS.indexOf(b.level) || a.violation.policy.localeCompare(b.violation.policy);

function resourceFindings(urn: string | undefined, findings: ShownFinding[], known: ReadonlyMap<string, { type: string; name: string }>): ResourceFindings {
  const sorted = findings.sort(byLevelThenPolicy);
  if (urn === undefined) return { heading: 'the stack as a whole', findings: sorted };
  const resource = known.get(urn) ?? parseUrn(urn);
  if (!resource) return { urn, heading: urn, findings: sorted };
  return { urn, heading: `${resource.type} "${resource.name}"`, type: resource.type, name: resource.name, findings: sorted };
}

/** A report's stacks, each once, in report order, with their findings grouped by resource. */
export function groupFindings(stacks: readonly StackReport[]): StackFindings[] {
  const byName = new Map<string, StackReport[]>();
  for (const stack of stacks) {
    const name = `${stack.project}/${stack.stack}`;
    byName.set(name, [...(byName.get(name) ?? []), stack]);
  }
  return [...byName].map(([name, reports]) => {
    const modes = [...new Set(reports.map(stackMode).filter((mode): mode is string => mode !== undefined))];
    const known = new Map(reports.flatMap((stack) => stack.resources.map((resource) => [resource.urn, resource] as const)));
    const byResource = new Map<string | undefined, ShownFinding[]>();
    for (const stack of reports) {
      for (const violation of stack.violations) {
        const own = findingModes(violation);
        const mode = stackMode(stack);
        const modesOf = own ?? (modes.length > 1 && mode ? [mode] : undefined);
        const shown: ShownFinding = { violation, level: findingLevel(violation), ...(modesOf ? { modes: modesOf } : {}) };
        byResource.set(violation.urn, [...(byResource.get(violation.urn) ?? []), shown]);
      }
    }
    const resources = [...byResource].map(([urn, findings]) => resourceFindings(urn, findings, known));
    resources.sort((a, b) => (a.urn === undefined ? -1 : b.urn === undefined ? 1 : a.heading.localeCompare(b.heading) || (a.urn ?? '').localeCompare(b.urn ?? '')));
    return {
      name,
      modes,
      resourceCount: Math.max(...reports.map((stack) => stack.resources.length)),
      durationMs: reports.reduce((total, stack) => total + stack.durationMs, 0),
      warnings: [...new Set(reports.flatMap((stack) => stack.warnings))],
      resources,
      counts: countLevels(resources.flatMap((resource) => resource.findings)),
    };
  });
}

/** Counts over the whole report: by level, all findings, and the stacks' warnings. */
export function reportCounts(stacks: readonly StackFindings[]): LevelCounts & { readonly findings: number; readonly warnings: number } {
  const counts = { mandatory: 0, advisory: 0, undecided: 0, waived: 0 };
  for (const stack of stacks) for (const level of FINDING_LEVELS) counts[level] += stack.counts[level];
  return {
    ...counts,
    findings: counts.mandatory + counts.advisory + counts.undecided + counts.waived,
    warnings: stacks.reduce((total, stack) => total + stack.warnings.length, 0),
  };
}

/** `1 finding`, `2 findings`: a count with its noun. */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}

/**
 * The counts of a summary line, as the JSON summary counts them (an undecided finding is advisory):
 * `2 mandatory, 3 advisory (1 undecided), 1 waived`, levels with none left out.
 */
export function describeCounts(counts: LevelCounts): string {
  const advisory = counts.advisory + counts.undecided;
  const parts = [
    ...(counts.mandatory > 0 ? [`${counts.mandatory} mandatory`] : []),
    ...(advisory > 0 ? [`${advisory} advisory${counts.undecided > 0 ? ` (${counts.undecided} undecided)` : ''}`] : []),
    ...(counts.waived > 0 ? [`${counts.waived} waived`] : []),
  ];
  return parts.length > 0 ? parts.join(', ') : 'no findings';
}
