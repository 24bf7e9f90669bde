/**
 * Every program of the corpus through `bulwark check`, in a first-time preview and in an update, with every pack
 * of the workspace: it runs (exit 0 or 1, never 2), registers the resources it should, reports exactly the findings
 * its table lists (no more: a new false positive fails; no fewer: a lost true positive fails), and exits 1 exactly
 * when one of them is mandatory in that mode.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkProgram, inPool, type CheckMode, type CheckRun } from '../testing/corpus-check';
import { expectedExit, mergeModes, observedFindings, tableLines } from '../testing/finding-table';
import { EXPECTED } from './expected-findings';

const CORPUS = path.join(__dirname, '..', 'corpus');
const PROGRAMS = fs
  .readdirSync(CORPUS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const MODES: readonly CheckMode[] = ['preview', 'update'];

const runs = new Map<string, CheckRun>();
const runOf = (program: string, mode: CheckMode) => runs.get(`${program}:${mode}`) as CheckRun;

beforeAll(async () => {
  const jobs = PROGRAMS.flatMap((program) => MODES.map((mode) => ({ program, mode })));
  const results = await inPool(jobs, 2, ({ program, mode }) => checkProgram(path.join(CORPUS, program), mode));
  jobs.forEach(({ program, mode }, index) => runs.set(`${program}:${mode}`, results[index] as CheckRun));
}, 900_000);

it('has an expectation for every program and a program for every expectation', () => {
  expect(PROGRAMS).toEqual(Object.keys(EXPECTED).sort());
  expect(PROGRAMS.length).toBeGreaterThanOrEqual(10);
});

describe.each(PROGRAMS)('%s', (program) => {
  const expected = EXPECTED[program];

  it.each(MODES)('runs to a report in %s mode, with its resources', (mode) => {
    const { status, stderr, report } = runOf(program, mode);
    expect({ status: status === 0 || status === 1 ? 'a report' : status, stderr: report ? '' : stderr }).toEqual({ status: 'a report', stderr: '' });
    expect(report?.stacks.map((stack) => [stack.project, stack.mode])).toEqual([[program, mode]]);
    expect(report?.summary.resources).toBe(expected?.resources[mode]);
  });

  it('reports exactly its findings', () => {
    const preview = runOf(program, 'preview').report;
    const update = runOf(program, 'update').report;
    if (!preview || !update || !expected) throw new Error(`${program}: no report to compare (see the test above)`);
    const reported = mergeModes(observedFindings(preview), observedFindings(update));
    const owed = [...expected.findings, ...(expected.knownFalsePositives ?? []).map((known) => known.row)];
    expect(tableLines(reported)).toEqual(tableLines(owed));
  });

  it.each(MODES)('exits 1 exactly when a finding is mandatory in %s mode', (mode) => {
    const owed = [...(expected?.findings ?? []), ...(expected?.knownFalsePositives ?? []).map((known) => known.row)];
    expect(runOf(program, mode).status).toBe(expectedExit(owed, mode));
  });
});
