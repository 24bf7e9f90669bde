/** Renders a report in the chosen format. */
import { renderHtml } from './html-report';
import { renderJson } from './json-report';
import { renderJunit } from './junit-report';
import { renderMarkdown } from './markdown-report';
import { type ReportFormat } from './report-format';
import { type Report } from './report-model';
import { renderSarif } from './sarif-report';
import { renderText } from './text-report';

export interface RenderOptions {
  /** ANSI colours in the text format. */
  readonly colour: boolean;
  /** `--quiet`: the text format shows only the findings and the summary. */
  readonly quiet?: boolean;
  /** The directory SARIF result paths are relative to. */
  readonly sourceRoot: string;
}

/** The report as the text of one format. */
export function renderReport(report: Report, format: ReportFormat, options: RenderOptions): string {
  switch (format) {
    case 'text':
      return renderText(report, { colour: options.colour, quiet: options.quiet ?? false });
    case 'json':
      return renderJson(report);
    case 'sarif':
      return renderSarif(report, options.sourceRoot);
    case 'junit':
      return renderJunit(report);
    case 'markdown':
      return renderMarkdown(report);
    case 'html':
      return renderHtml(report);
  }
}
