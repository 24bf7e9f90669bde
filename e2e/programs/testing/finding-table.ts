/**
 * Findings as the corpus writes them down: one row per finding, `[level, rule, resource, modes]`, so a program's
 * expectations read as a table and a failing test shows which rows appeared or went missing.
 */
import { type CheckMode, type JsonReport } from './corpus-check';

/** How a finding gates: mandatory blocks, advisory informs, undecided is an advisory the mode could not decide. */
export type Level = 'mandatory' | 'advisory' | 'undecided';

/** Which of the two runs reported it. */
export type Modes = 'both' | CheckMode;

/** `[level, rule id, resource, modes]`; the resource is its URN after the project (`type::name`, parent types
 * joined by `$`), or `stack` for a finding on the stack as a whole. */
export type FindingRow = readonly [Level, string, string, Modes];

/** A finding the corpus knows to be wrong today, and why; it stays in the table until the pack is fixed. */
export interface KnownError {
  readonly row: FindingRow;
  readonly why: string;
}

type Observed = readonly [Level, string, string];

/** The findings of one run, as `[level, rule, resource]`. */
export function observedFindings(report: JsonReport): Observed[] {
  return report.stacks.flatMap((stack) =>
    stack.violations.map((violation): Observed => {
      const level: Level = violation.kind === 'undecided' ? 'undecided' : violation.enforcement === 'mandatory' ? 'mandatory' : 'advisory';
      const resource = violation.urn ? violation.urn.split('::').slice(2).join('::') : 'stack';
      return [level, violation.policy, resource];
    }),
  );
}

/** One line per row, in a stable order, for comparing tables. */
export function tableLines(rows: readonly FindingRow[]): string[] {
  return rows.map((row) => row.join('  ')).sort();
}

/**
 * The rows the two runs make: a finding reported the same number of times in both is `both` that many times, any
 * surplus belongs to the mode that reported it.
 */
export function mergeModes(preview: readonly Observed[], update: readonly Observed[]): FindingRow[] {
  const count = (findings: readonly Observed[]) => {
    const counts = new Map<string, number>();
    for (const finding of findings) counts.set(finding.join('\u0000'), (counts.get(finding.join('\u0000')) ?? 0) + 1);
    return counts;
  };
  const inPreview = count(preview);
  const inUpdate = count(update);
  const rows: FindingRow[] = [];
  for (const key of new Set([...inPreview.keys(), ...inUpdate.keys()])) {
    const [level, rule, resource] = key.split('\u0000') as [Level, string, string];
    const p = inPreview.get(key) ?? 0;
    const u = inUpdate.get(key) ?? 0;
    const both = Math.min(p, u);
    for (let index = 0; index < both; index++) rows.push([level, rule, resource, 'both']);
    for (let index = both; index < p; index++) rows.push([level, rule, resource, 'preview']);
    for (let index = both; index < u; index++) rows.push([level, rule, resource, 'update']);
  }
  return rows;
}

/** The exit code `bulwark check` owes a run with these rows: 1 when a mandatory finding is in that mode. */
export function expectedExit(rows: readonly FindingRow[], mode: CheckMode): number {
  return rows.some(([level, , , modes]) => level === 'mandatory' && (modes === 'both' || modes === mode)) ? 1 : 0;
}
