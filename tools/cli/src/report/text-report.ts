/**
 * The human report on stdout: only the findings, grouped by stack and resource, then one summary line. Each stack
 * already had its line on stderr while it ran (report-output.ts), so a stack without findings or warnings is not
 * printed again; the summary counts every stack. Waived and undecided findings carry their own label (and colour),
 * so that neither reads as a plain advisory or a violation.
 */
import { describeCounts, groupFindings, plural, reportCounts, type FindingLevel, type LevelCounts, type ShownFinding, type StackFindings } from './finding-groups';
import { type Report } from './report-model';

export interface TextReportOptions {
  /** ANSI colours (for a terminal). */
  readonly colour: boolean;
  /** `--quiet`: the findings and the summary only; the stacks' warnings are counted in the summary, not listed. */
  readonly quiet?: boolean;
}

/** The colours the text report and the progress lines use; identity functions when colour is off. */
export interface Palette {
  red(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
  green(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const ansi = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

const COLOURS: Palette = { red: ansi(31, 39), yellow: ansi(33, 39), cyan: ansi(36, 39), green: ansi(32, 39), dim: ansi(2, 22), bold: ansi(1, 22) };
const PLAIN: Palette = { red: (t) => t, yellow: (t) => t, cyan: (t) => t, green: (t) => t, dim: (t) => t, bold: (t) => t };

/** The palette for a stream that does (or does not) take colours. */
export function paletteFor(colour: boolean): Palette {
  return colour ? COLOURS : PLAIN;
}

const LABEL_WIDTH = Math.max(...(['mandatory', 'advisory', 'undecided', 'waived'] as const).map((level) => level.length));

function levelLabel(level: FindingLevel, palette: Palette): string {
  const text = level.padEnd(LABEL_WIDTH);
  switch (level) {
    case 'mandatory':
      return palette.red(palette.bold(text));
    case 'advisory':
      return palette.yellow(text);
    case 'undecided':
      return palette.cyan(text);
    case 'waived':
      return palette.dim(text);
  }
}

/** A run's duration for people: milliseconds below a second, else seconds with one decimal. */
export function formatDuration(milliseconds: number): string {
  return milliseconds < 1000 ? `${Math.round(milliseconds)} ms` : `${(milliseconds / 1000).toFixed(1)} s`;
}

/**
 * Text from a pack or a program, safe to print on a terminal: control characters (an ANSI escape in a message
 * could recolour, move the cursor or retitle the window) are shown as `\u001b` escapes instead of acted on.
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function indent(text: string, prefix: string): string[] {
  return printable(text.replace(/\r\n/g, '\n'))
    .split('\n')
    .map((line) => prefix + line);
}

/** `found in preview`, `found in preview and update`: which runs found a finding, when the report says. */
export function describeModes(modes: readonly string[]): string {
  return `found in ${modes.length === 1 ? modes[0] : `${modes.slice(0, -1).join(', ')} and ${modes[modes.length - 1]}`}`;
}

function renderFinding(finding: ShownFinding, palette: Palette): string[] {
  const { violation, level } = finding;
  const severity = violation.severity ? ` [${violation.severity}]` : '';
  const modes = finding.modes ? palette.dim(`, ${describeModes(finding.modes)}`) : '';
  const heading = `${palette.bold(printable(violation.policy))}${printable(severity)} ${palette.dim(`(${printable(violation.pack)})`)}${modes}`;
  const lines = [`    ${levelLabel(level, palette)} ${heading}`];
  lines.push(...indent(violation.message, '      '));
  if (level === 'undecided' && violation.property && !violation.message.includes(violation.property)) {
    lines.push(palette.cyan(`      undecided: \`${printable(violation.property)}\` is unknown in this mode`));
  }
  if (violation.waived) lines.push(palette.dim(`      waived: ${printable(violation.waiver ?? '(no reason given)')}`));
  return lines;
}

function renderStack(stack: StackFindings, palette: Palette, quiet: boolean): string[] {
  const findings = stack.resources.reduce((total, resource) => total + resource.findings.length, 0);
  const warnings = quiet ? [] : stack.warnings;
  if (findings === 0 && warnings.length === 0) return [];
  const modes = stack.modes.length > 0 ? ` (${stack.modes.join(', ')})` : '';
  const verdict = stack.counts.mandatory > 0 ? palette.red : (text: string) => text;
  const lines = [`${palette.bold(printable(stack.name))}${modes}: ${verdict(findings > 0 ? describeCounts(stack.counts) : plural(warnings.length, 'warning'))}`];
  for (const warning of warnings) lines.push(palette.yellow(`  warning: ${printable(warning)}`));
  for (const resource of stack.resources) {
    lines.push(`  ${printable(resource.heading)}`);
    if (resource.urn && resource.urn !== resource.heading) lines.push(palette.dim(`    ${printable(resource.urn)}`));
    for (const finding of resource.findings) lines.push(...renderFinding(finding, palette));
  }
  return [...lines, ''];
}

/** The summary line: the verdict, what was checked and the counts. */
function summaryLine(report: Report, counts: LevelCounts, palette: Palette, hiddenWarnings: number): string {
  const checked = `${plural(report.summary.stacks, 'stack')}, ${plural(report.summary.resources, 'resource')}`;
  const hidden = hiddenWarnings > 0 ? palette.dim(` (${plural(hiddenWarnings, 'warning')} not shown: run without --quiet to see)`) : '';
  const line = `${checked}: ${describeCounts(counts)}`;
  return (report.summary.mandatory > 0 ? palette.red(palette.bold(`FAILED: ${line}`)) : palette.green(`PASSED: ${line}`)) + hidden;
}

/** Renders the report as text. */
export function renderText(report: Report, options: TextReportOptions): string {
  const palette = paletteFor(options.colour);
  const quiet = options.quiet ?? false;
  const stacks = groupFindings(report.stacks);
  const lines = stacks.flatMap((stack) => renderStack(stack, palette, quiet));
  if (report.summary.stacks === 0) lines.push('no stacks were checked');
  const counts = reportCounts(stacks);
  lines.push(summaryLine(report, counts, palette, quiet ? counts.warnings : 0));
  return lines.join('\n') + '\n';
}
