/** Where a command's report goes (stdout or `--output FILE`) and its progress lines (stderr). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderFailure, type RunFailure } from './report/failure-report';
import { renderReport } from './report/render-report';
import { type ReportFormat } from './report/report-format';
import { isBlocking, type Report, type StackReport } from './report/report-model';
import { ExitCode } from './exit-codes';
import { formatDuration } from './report/text-report';
import { TOOL_VERSION } from './tool-version';

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

/**
 * Leaves the failure of a run where its report would have gone: the `--output` file (never an earlier run's
 * report left there) or, for the machine-read formats, stdout. The text format has said it on stderr already.
 */
export function emitFailure(failure: RunFailure, format: ReportFormat, output: string | undefined): void {
  const text = renderFailure(failure, format, TOOL_VERSION);
  if (!output) {
    if (format !== 'text') process.stdout.write(text);
    return;
  }
  const file = path.resolve(output);
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    progress(`the failure was written to ${output} (no report: nothing was judged)`);
  } catch (error) {
    progress(`error: could not write the failure to ${output}: ${(error as Error).message}`);
  }
}
