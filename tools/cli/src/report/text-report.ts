/** The human report: violations grouped by stack and resource, with colour on a terminal. */
import { isBlocking, type Report, type ReportViolation, type StackReport } from './report-model';

interface Palette {
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const ansi = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

const COLOURS: Palette = { red: ansi(31, 39), yellow: ansi(33, 39), green: ansi(32, 39), dim: ansi(2, 22), bold: ansi(1, 22) };
const PLAIN: Palette = { red: (t) => t, yellow: (t) => t, green: (t) => t, dim: (t) => t, bold: (t) => t };

function label(violation: ReportViolation, palette: Palette): string {
  if (violation.waived) return palette.dim('waived   ');
  if (isBlocking(violation)) return palette.red('mandatory');
  if (violation.kind === 'undecided') return palette.yellow('undecided');
  return palette.yellow('advisory ');
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');
}

/** A run's duration for people: milliseconds below a second, else seconds with one decimal. */
export function formatDuration(milliseconds: number): string {
  return milliseconds < 1000 ? `${Math.round(milliseconds)} ms` : `${(milliseconds / 1000).toFixed(1)} s`;
}

function renderStack(stack: StackReport, palette: Palette): string[] {
  const lines: string[] = [];
  const blocking = stack.violations.filter(isBlocking).length;
  const duration = formatDuration(stack.durationMs);
  const verdict = blocking > 0 ? palette.red(`${blocking} mandatory`) : palette.green('passed');
  lines.push(palette.bold(`${stack.project}/${stack.stack}`) + ` (${stack.mode}, ${stack.resources.length} resources, ${duration}): ${verdict}`);
  for (const warning of stack.warnings) lines.push(palette.yellow(`  warning: ${warning}`));
  const byResource = new Map<string, ReportViolation[]>();
  for (const violation of stack.violations) {
    const key = violation.urn ?? '';
    byResource.set(key, [...(byResource.get(key) ?? []), violation]);
  }
  const types = new Map(stack.resources.map((resource) => [resource.urn, resource]));
  for (const [urn, violations] of [...byResource].sort(([a], [b]) => a.localeCompare(b))) {
    const resource = types.get(urn);
    const heading = urn === '' ? 'the stack as a whole' : resource ? `${resource.type} "${resource.name}"` : urn;
    lines.push(`  ${heading}`);
    if (urn) lines.push(palette.dim(`    ${urn}`));
    for (const violation of violations) {
      const severity = violation.severity ? ` [${violation.severity}]` : '';
      lines.push(`    ${label(violation, palette)} ${palette.bold(violation.policy)}${severity} ${palette.dim(`(${violation.pack})`)}`);
      lines.push(indent(violation.message, '        '));
      if (violation.waiver) lines.push(palette.dim(`        waived: ${violation.waiver}`));
    }
  }
  return lines;
}

/** Renders the report as text; `colour` adds ANSI colours (for a terminal). */
export function renderText(report: Report, colour: boolean): string {
  const palette = colour ? COLOURS : PLAIN;
  const lines: string[] = [];
  for (const stack of report.stacks) lines.push(...renderStack(stack, palette), '');
  const { summary } = report;
  if (summary.stacks === 0) lines.push('no stacks were checked');
  const counts = `${summary.mandatory} mandatory, ${summary.advisory} advisory, ${summary.waived} waived`;
  const line = `${summary.stacks} stack(s), ${summary.resources} resources: ${counts}`;
  lines.push(summary.mandatory > 0 ? palette.red(`FAILED: ${line}`) : palette.green(`PASSED: ${line}`));
  return lines.join('\n') + '\n';
}
