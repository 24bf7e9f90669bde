/**
 * Where a command's report goes (stdout or `--output FILE`) and its progress (stderr, see progress-display.ts).
 * The run's output settings (`--quiet`) are set once, by output-settings.ts's `configureOutput`, before the command runs.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderFailure, type RunFailure } from './report/failure-report';
import { renderReport } from './report/render-report';
import { type ReportFormat } from './report/report-format';
import { type Report, type StackReport } from './report/report-model';
import { ExitCode } from './exit-codes';
import { outputSettings, type OutputSettings } from './output-settings';
import { ProgressDisplay } from './progress-display';
import { colourEnabled, liveLineEnabled } from './terminal';
import { TOOL_VERSION } from './tool-version';

/** The progress display and the settings it was made with. */
let display: { readonly settings: OutputSettings; readonly view: ProgressDisplay } | undefined;

/** The progress display on stderr, made on first use, and again when the settings were configured anew. */
function progressDisplay(): ProgressDisplay {
  const settings = outputSettings();
  if (display?.settings !== settings) {
    const view = new ProgressDisplay(process.stderr, { live: liveLineEnabled(process.stderr), colour: colourEnabled(process.stderr), quiet: settings.quiet });
    display = { settings, view };
  }
  return display.view;
}

/** Writes a status line to stderr (what runs, where the report went); `--quiet` leaves it out. */
export function progress(message: string): void {
  progressDisplay().status(message);
}

/** Writes a line to stderr that `--quiet` keeps: something that may need the user's attention. */
export function notice(message: string): void {
  progressDisplay().notice(message);
}

/** A stack starts: on a terminal its live line, rewritten by {@link stackFinished}. */
export function stackStarted(name: string): void {
  progressDisplay().stackStarted(name);
}

/** A stack finished: its one line with the outcome. */
export function stackFinished(stack: StackReport): void {
  progressDisplay().stackFinished(stack);
}

/** The run failed: a running stack's line says it did not finish, before the error follows. */
export function progressInterrupted(): void {
  display?.view.interrupted();
}

/** Writes the report and returns the exit code it implies. */
export function emitReport(report: Report, format: ReportFormat, output: string | undefined): number {
  const colour = !output && format === 'text' && colourEnabled(process.stdout);
  const text = renderReport(report, format, { colour, quiet: outputSettings().quiet, sourceRoot: process.cwd() });
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
    notice(`the failure was written to ${output} (no report: nothing was judged)`);
  } catch (error) {
    notice(`error: could not write the failure to ${output}: ${(error as Error).message}`);
  }
}
