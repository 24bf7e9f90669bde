/**
 * The report as a GitHub pull-request comment: a hidden marker (a CI job finds its earlier comment by it and edits
 * that one instead of adding another), the verdict, a table of the stacks, then for each stack with findings a
 * table (level, rule, severity, resource, message) and its full messages in a collapsed `<details>` block.
 *
 * Text from packs and programs is escaped for where it lands: in table cells `|` and line breaks cannot end the
 * cell or row, HTML is shown as text, and code spans and fences are longer than any backtick run they hold.
 * GitHub refuses a comment over 65,536 characters: a longer report first drops the full messages, then the
 * least pressing rows (waived, undecided, advisory before mandatory), and says what it left out.
 */
import {
  describeCounts,
  FINDING_LEVELS,
  groupFindings,
  plural,
  reportCounts,
  type FindingLevel,
  type ResourceFindings,
  type ShownFinding,
  type StackFindings,
} from './finding-groups';
import { type Report } from './report-model';

/** The first line of every comment this format writes: what a CI job searches its pull request's comments for. */
export const MARKDOWN_REPORT_MARKER = '<!-- bulwark-report -->';

/** The most characters GitHub accepts in an issue or pull-request comment. */
export const GITHUB_COMMENT_LIMIT = 65_536;

/** A message longer than this (or of several lines) is shortened in its table cell; the full text is in the details. */
const CELL_MESSAGE_LENGTH = 140;

export interface MarkdownOptions {
  /** The longest comment to write. @default GITHUB_COMMENT_LIMIT */
  readonly maxLength?: number;
}

const LEVEL_ICONS: Record<FindingLevel, string> = { mandatory: ':x:', advisory: ':warning:', undecided: ':grey_question:', waived: ':mute:' };

/** Text shown as text in Markdown or HTML: no tags, no entities. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Text for a table cell: escaped, its pipes unable to end the cell and its line breaks unable to end the row. */
function cell(text: string): string {
  return escapeHtml(text)
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, '<br>');
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  for (const match of text.matchAll(new RegExp(`\\${char}+`, 'g'))) longest = Math.max(longest, match[0].length);
  return longest;
}

/** An inline code span that holds any text, backticks included. */
function code(text: string): string {
  const fence = '`'.repeat(longestRun(text, '`') + 1);
  const padded = text.startsWith('`') || text.endsWith('`') ? ` ${text} ` : text;
  return `${fence}${padded.replace(/\r?\n/g, ' ')}${fence}`;
}

/** A code span inside a table cell. */
function cellCode(text: string): string {
  return code(text).replace(/\|/g, '\\|');
}

/** A fenced block that holds any text, fences included. */
function fenced(text: string): string[] {
  const fence = '`'.repeat(Math.max(3, longestRun(text, '`') + 1));
  return [fence + 'text', ...text.split(/\r?\n/), fence];
}

/** The message as its cell shows it: whole if short and on one line, else its first line, shortened at a word. */
function shortMessage(message: string): { text: string; shortened: boolean } {
  const lines = message.trim().split(/\r?\n/);
  const first = lines[0] ?? '';
  if (lines.length === 1 && first.length <= CELL_MESSAGE_LENGTH) return { text: first, shortened: false };
  if (first.length <= CELL_MESSAGE_LENGTH) return { text: `${first} …`, shortened: true };
  const cut = first.slice(0, CELL_MESSAGE_LENGTH);
  const space = cut.lastIndexOf(' ');
  return { text: `${space > CELL_MESSAGE_LENGTH / 2 ? cut.slice(0, space) : cut} …`, shortened: true };
}

function levelCell(finding: ShownFinding): string {
  return `${LEVEL_ICONS[finding.level]} ${finding.level}`;
}

interface Row {
  readonly stack: StackFindings;
  readonly resource: ResourceFindings;
  readonly finding: ShownFinding;
}

function resourceCell({ resource }: Row): string {
  if (resource.urn === undefined) return '(the stack)';
  return resource.name !== undefined ? `${cellCode(resource.name)} (${cell(resource.type ?? '')})` : cellCode(resource.urn);
}

function tableRow(row: Row, withModes: boolean): string {
  const { violation } = row.finding;
  const cells = [levelCell(row.finding), cellCode(violation.policy), cell(violation.severity ?? ''), resourceCell(row), cell(shortMessage(violation.message).text)];
  if (withModes) cells.push(cell(row.finding.modes?.join(', ') ?? ''));
  return `| ${cells.join(' | ')} |`;
}

function detailLines(row: Row): string[] {
  const { violation, level } = row.finding;
  const lines = [`**${escapeHtml(level)}** ${code(violation.policy)} on ${code(row.resource.heading)}${violation.urn ? ` (${code(violation.urn)})` : ''}`, '', ...fenced(violation.message)];
  if (violation.waived) lines.push('', `Waived: ${escapeHtml(violation.waiver ?? '(no reason given)')}`);
  if (row.finding.modes) lines.push('', `Found in: ${escapeHtml(row.finding.modes.join(', '))}`);
  return [...lines, ''];
}

function verdict(report: Report, stacks: readonly StackFindings[]): string[] {
  const counts = reportCounts(stacks);
  const checked = `${plural(report.summary.stacks, 'stack')}, ${plural(report.summary.resources, 'resource')}`;
  const outcome = report.summary.mandatory > 0 ? ':x: **Failed**' : ':white_check_mark: **Passed**';
  return [MARKDOWN_REPORT_MARKER, '## Bulwark policy check', '', `${outcome}: ${checked}: ${describeCounts(counts)}`, ''];
}

function header(report: Report, stacks: readonly StackFindings[]): string[] {
  const lines = verdict(report, stacks);
  if (stacks.length === 0) return [...lines, 'No stacks were checked.', ''];
  lines.push('| Stack | Mode | Resources | Mandatory | Advisory | Undecided | Waived | Warnings |', '|---|---|---:|---:|---:|---:|---:|---:|');
  for (const stack of stacks) {
    const { mandatory, advisory, undecided, waived } = stack.counts;
    lines.push(`| ${cellCode(stack.name)} | ${cell(stack.modes.join(', '))} | ${stack.resourceCount} | ${mandatory} | ${advisory} | ${undecided} | ${waived} | ${stack.warnings.length} |`);
  }
  return [...lines, ''];
}

function stackSection(stack: StackFindings, rows: readonly Row[], total: number, withDetails: boolean): string[] {
  const shown = rows.length < total ? ` (${rows.length} of ${total} shown)` : '';
  const lines = [`### ${code(stack.name)}: ${describeCounts(stack.counts)}${shown}`, ''];
  for (const warning of stack.warnings) lines.push(`> :warning: ${cell(warning)}`, '');
  if (rows.length === 0) return lines;
  const withModes = rows.some((row) => row.finding.modes !== undefined);
  lines.push(
    `| Level | Rule | Severity | Resource | Message |${withModes ? ' Found in |' : ''}`,
    `|---|---|---|---|---|${withModes ? '---|' : ''}`,
    ...rows.map((row) => tableRow(row, withModes)),
    '',
  );
  if (withDetails) {
    lines.push(`<details><summary>Full messages (${rows.length})</summary>`, '', ...rows.flatMap(detailLines), '</details>', '');
  }
  return lines;
}

const byLevel = (a: Row, b: Row) => FINDING_LEVELS.indexOf(a.finding.level) - FINDING_LEVELS.indexOf(b.finding.level);

/** Every finding as a row: stack by stack, the most pressing first, then in the order of their resources. */
function allRows(stacks: readonly StackFindings[]): Row[] {
  return stacks.flatMap((stack) => stack.resources.flatMap((resource) => resource.findings.map((finding) => ({ stack, resource, finding }))).sort(byLevel));
}

function render(report: Report, stacks: readonly StackFindings[], kept: ReadonlySet<Row>, rows: readonly Row[], withDetails: boolean, note: string): string {
  const lines = header(report, stacks);
  for (const stack of stacks) {
    const own = rows.filter((row) => row.stack === stack);
    if (own.length === 0 && stack.warnings.length === 0) continue;
    lines.push(...stackSection(stack, own.filter((row) => kept.has(row)), own.length, withDetails));
  }
  if (note) lines.push(note, '');
  return lines.join('\n');
}

/** Renders the report as GitHub-flavoured Markdown, at most `maxLength` characters long. */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const maxLength = options.maxLength ?? GITHUB_COMMENT_LIMIT;
  const stacks = groupFindings(report.stacks);
  const rows = allRows(stacks);
  const all = new Set(rows);
  const full = render(report, stacks, all, rows, true, '');
  if (full.length <= maxLength) return full;

  const limit = `GitHub comments hold at most ${maxLength.toLocaleString('en-US')} characters`;
  const elsewhere = 'the full report is in `--format json`, `html` or `sarif`';
  const withoutDetails = render(report, stacks, all, rows, false, `_The full messages are left out: ${limit}; ${elsewhere}._`);
  if (withoutDetails.length <= maxLength) return withoutDetails;

  // The most pressing rows first; keep as many as fit (the longest prefix of that order whose comment fits).
  const byPressure = [...rows].sort(byLevel);
  const attempt = (count: number) => {
    const left = rows.length - count;
    const note = `_${plural(left, 'finding')} not shown (${limit}): ${elsewhere}._`;
    return render(report, stacks, new Set(byPressure.slice(0, count)), rows, false, note);
  };
  let low = 0;
  let high = rows.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (attempt(middle).length <= maxLength) low = middle;
    else high = middle - 1;
  }
  const truncated = attempt(low);
  if (truncated.length <= maxLength) return truncated;
  // Not even the verdict and the stack table fit: the verdict alone, cut to the limit.
  const verdictOnly = [...verdict(report, stacks), `_The stack table and the findings are left out: ${limit}; ${elsewhere}._`, ''].join('\n');
  return verdictOnly.slice(0, maxLength);
}
