/** Where a command's report goes (stdout or `--output FILE`) and its progress lines (stderr). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderReport } from './report/render-report';
import { type ReportFormat } from './report/report-format';
import { isBlocking, type Report, type StackReport } from './report/report-model';
import { ExitCode } from './exit-codes';
import { formatDuration } from './report/text-report';

/** Colour only for a terminal, and never when NO_COLOR is set (https://no-color.org). */
function wantsColour(stream: NodeJS.WriteStream): boolean {
  return !!stream.isTTY && !process.env['NO_COLOR'];
}

/** Writes one progress line to stderr. */
export function progress(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** The progress line for a stack that finished. */
export function stackProgress(stack: StackReport): string {
  const blocking = stack.violations.filter(isBlocking).length;
  const advisory = stack.violations.length - blocking;
  return `  ${blocking > 0 ? 'x' : 'ok'} ${stack.project}/${stack.stack}: ${stack.resources.length} resources, ${blocking} mandatory, ${advisory} other finding(s) (${formatDuration(stack.durationMs)})`;
}

/** Writes the report and returns the exit code it implies. */
export function emitReport(report: Report, format: ReportFormat, output: string | undefined): number {
  const colour = !output && format === 'text' && wantsColour(process.stdout);
  const text = renderReport(report, format, { colour, sourceRoot: process.cwd() });
  if (output) {
    const file = path.resolve(output);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    progress(`report written to ${output}`);
  } else {
    process.stdout.write(text);
  }
  return report.summary.mandatory > 0 ? ExitCode.Violations : ExitCode.Passed;
}
