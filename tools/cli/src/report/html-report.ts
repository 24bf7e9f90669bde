/**
 * The report as one self-contained HTML page (html-page.ts): the verdict, a table of the stacks, the stacks'
 * warnings, and every finding in one table that can be filtered by stack, rule, severity and level (and by mode
 * when the report says which runs found each finding). Every value from a program or pack is escaped; the
 * table has a caption and column headers, and each filter a label.
 */
import { describeCounts, FINDING_LEVELS, groupFindings, plural, reportCounts, type ShownFinding, type StackFindings } from './finding-groups';
import { escapeHtml, htmlPage } from './html-page';
import { FILTER_SCRIPT } from './html-filter-script';
import { type RunFailure } from './failure-report';
import { type Report } from './report-model';
import { formatDuration } from './text-report';

const SEVERITY_ORDER = ['critical', 'high', 'medium', 'low'];

/** The severity value of a finding without one, in its row and its filter. */
const NO_SEVERITY = 'unspecified';

/** Message text as HTML: escaped, with `code` spans shown as code (rules write property paths that way). */
function messageHtml(text: string): string {
  return escapeHtml(text).replace(/`([^`\n]+)`/g, '<code>$1</code>');
}

interface FindingRow {
  readonly stack: StackFindings;
  readonly heading: string;
  readonly urn?: string;
  readonly finding: ShownFinding;
}

function rowHtml(row: FindingRow, withModes: boolean): string {
  const { violation, level, modes } = row.finding;
  const severity = violation.severity ?? NO_SEVERITY;
  const attributes = [
    `data-stack="${escapeHtml(row.stack.name)}"`,
    `data-rule="${escapeHtml(violation.policy)}"`,
    `data-severity="${escapeHtml(severity)}"`,
    `data-level="${level}"`,
    ...(modes ? [`data-modes="${escapeHtml(modes.join(' '))}"`] : []),
  ];
  const notes = [
    ...(violation.waived ? [`<p class="note">Waived: ${escapeHtml(violation.waiver ?? '(no reason given)')}</p>`] : []),
    ...(level === 'undecided' && violation.property ? [`<p class="note">Unknown in this mode: <code>${escapeHtml(violation.property)}</code></p>`] : []),
  ];
  const cells = [
    `<td><span class="level level-${level}">${level}</span></td>`,
    `<td>${escapeHtml(row.stack.name)}</td>`,
    `<td>${escapeHtml(row.heading)}${row.urn && row.urn !== row.heading ? `<br><span class="urn">${escapeHtml(row.urn)}</span>` : ''}</td>`,
    `<td><code>${escapeHtml(violation.policy)}</code><br><span class="pack">${escapeHtml(violation.pack)}</span></td>`,
    `<td>${escapeHtml(severity)}</td>`,
    `<td><p class="message">${messageHtml(violation.message)}</p>${notes.join('')}</td>`,
    ...(withModes ? [`<td>${escapeHtml(modes?.join(', ') ?? '')}</td>`] : []),
  ];
  return `<tr class="${level}" ${attributes.join(' ')}>${cells.join('')}</tr>`;
}

function select(field: string, label: string, all: string, values: readonly string[]): string {
  const id = `filter-${field}`;
  const options = [`<option value="">${escapeHtml(all)}</option>`, ...values.map((value) => `<option value="${escapeHtml(value)}">${escapeHtml(value)}</option>`)];
  return `<div><label for="${id}">${escapeHtml(label)}</label><select id="${id}" data-filter="${field}">${options.join('')}</select></div>`;
}

function bySeverity(a: string, b: string): number {
  const rank = (severity: string) => (SEVERITY_ORDER.includes(severity) ? SEVERITY_ORDER.indexOf(severity) : severity === NO_SEVERITY ? SEVERITY_ORDER.length + 1 : SEVERITY_ORDER.length);
  return rank(a) - rank(b) || a.localeCompare(b);
}

function stacksTable(stacks: readonly StackFindings[]): string {
  const number = (value: number) => `<td class="number">${value}</td>`;
  const rows = stacks.map(
    (stack) =>
      `<tr><th scope="row">${escapeHtml(stack.name)}</th><td>${escapeHtml(stack.modes.join(', '))}</td>${number(stack.resourceCount)}` +
      `${number(stack.counts.mandatory)}${number(stack.counts.advisory)}${number(stack.counts.undecided)}${number(stack.counts.waived)}` +
      `${number(stack.warnings.length)}<td class="number">${escapeHtml(formatDuration(stack.durationMs))}</td></tr>`,
  );
  const headings = ['Mode', 'Resources', 'Mandatory', 'Advisory', 'Undecided', 'Waived', 'Warnings', 'Duration'].map(
    (heading, index) => `<th scope="col"${index > 0 ? ' class="number"' : ''}>${heading}</th>`,
  );
  return [
    '<table id="stacks">',
    '<caption>Every stack checked, with its findings by level</caption>',
    `<thead><tr><th scope="col">Stack</th>${headings.join('')}</tr></thead>`,
    `<tbody>${rows.join('\n')}</tbody>`,
    '</table>',
  ].join('\n');
}

function warningsSection(stacks: readonly StackFindings[]): string[] {
  const items = stacks.flatMap((stack) => stack.warnings.map((warning) => `<li><strong>${escapeHtml(stack.name)}</strong>: ${messageHtml(warning)}</li>`));
  if (items.length === 0) return [];
  return ['<section aria-labelledby="warnings-heading">', '<h2 id="warnings-heading">Warnings</h2>', `<ul class="warnings">${items.join('\n')}</ul>`, '</section>'];
}

function findingsSection(stacks: readonly StackFindings[]): string[] {
  const rows: FindingRow[] = stacks.flatMap((stack) =>
    stack.resources.flatMap((resource) => resource.findings.map((finding) => ({ stack, heading: resource.heading, ...(resource.urn ? { urn: resource.urn } : {}), finding }))),
  );
  const heading = ['<section aria-labelledby="findings-heading">', '<h2 id="findings-heading">Findings</h2>'];
  if (rows.length === 0) return [...heading, '<p id="shown-count">No findings.</p>', '</section>'];
  const distinct = (values: Iterable<string>) => [...new Set(values)];
  const modes = distinct(rows.flatMap((row) => row.finding.modes ?? [])).sort();
  const withModes = modes.length > 0;
  const filters = [
    select('stack', 'Stack', 'All stacks', distinct(rows.map((row) => row.stack.name))),
    select('rule', 'Rule', 'All rules', distinct(rows.map((row) => row.finding.violation.policy)).sort()),
    select('severity', 'Severity', 'All severities', distinct(rows.map((row) => row.finding.violation.severity ?? NO_SEVERITY)).sort(bySeverity)),
    select('level', 'Level', 'All levels', FINDING_LEVELS.filter((level) => rows.some((row) => row.finding.level === level))),
    ...(withModes ? [select('modes', 'Found in', 'Any mode', modes)] : []),
  ];
  const columns = ['Level', 'Stack', 'Resource', 'Rule', 'Severity', 'Message', ...(withModes ? ['Found in'] : [])];
  return [
    ...heading,
    `<form id="filters" class="filters" aria-label="Filter the findings" hidden>${filters.join('')}<div><button type="reset">Show all</button></div></form>`,
    `<p id="shown-count" role="status" aria-live="polite">${plural(rows.length, 'finding')}</p>`,
    '<table id="findings">',
    '<caption>Findings, most pressing first within each resource</caption>',
    `<thead><tr>${columns.map((column) => `<th scope="col">${column}</th>`).join('')}</tr></thead>`,
    `<tbody>\n${rows.map((row) => rowHtml(row, withModes)).join('\n')}\n</tbody>`,
    '</table>',
    '<p id="no-match" hidden>No finding matches these filters.</p>',
    '</section>',
  ];
}

/** Renders the report as a self-contained HTML page. */
export function renderHtml(report: Report): string {
  const stacks = groupFindings(report.stacks);
  const counts = reportCounts(stacks);
  const failed = report.summary.mandatory > 0;
  const checked = `${plural(report.summary.stacks, 'stack')}, ${plural(report.summary.resources, 'resource')}`;
  const outcome = failed ? 'Failed' : 'Passed';
  const packs = report.packs.map((pack) => `${pack.name} ${pack.version}`).join(', ');
  const body = [
    '<header>',
    '<h1>Bulwark policy check</h1>',
    `<p class="verdict ${failed ? 'failed' : 'passed'}">${outcome}: ${escapeHtml(checked)}: ${escapeHtml(describeCounts(counts))}</p>`,
    `<p class="meta">${escapeHtml(`${report.tool.name} ${report.tool.version}`)}${packs ? ` · policy packs: ${escapeHtml(packs)}` : ''}</p>`,
    '</header>',
    '<main>',
    '<section aria-labelledby="stacks-heading">',
    '<h2 id="stacks-heading">Stacks</h2>',
    stacks.length > 0 ? stacksTable(stacks) : '<p>No stacks were checked.</p>',
    '</section>',
    ...warningsSection(stacks),
    ...findingsSection(stacks),
    '</main>',
  ].join('\n');
  return htmlPage({ title: `Bulwark policy check: ${outcome.toLowerCase()}, ${describeCounts(counts)}`, body, script: FILTER_SCRIPT });
}

/** The page of a run that could not finish: nothing was judged, and why. */
export function renderHtmlFailure(failure: RunFailure, toolVersion: string): string {
  const body = [
    '<header>',
    '<h1>Bulwark policy check</h1>',
    '<p class="verdict error">The check did not finish: nothing was judged</p>',
    `<p class="meta">bulwark ${escapeHtml(toolVersion)}</p>`,
    '</header>',
    '<main>',
    `<pre>${escapeHtml([failure.message, ...failure.details].join('\n'))}</pre>`,
    '</main>',
  ].join('\n');
  return htmlPage({ title: 'Bulwark policy check: did not finish', body });
}
