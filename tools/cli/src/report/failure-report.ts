/**
 * What a run that could not finish leaves in its report's place, in the format that was asked for: a CI job that
 * uploads the SARIF, parses the JUnit or posts the Markdown sees that the check failed and why, and never
 * reads an earlier run's file as this one's. Each format says it in its own terms: SARIF as an unsuccessful
 * invocation with an error notification, JUnit as a suite with an errored case, JSON as the report with an
 * `error` and no stacks; Markdown keeps the comment marker, so the failure replaces the pull request's earlier
 * comment; HTML is a page that says nothing was judged.
 */
import { renderHtmlFailure } from './html-report';
import { xml } from './junit-report';
import { MARKDOWN_REPORT_MARKER } from './markdown-report';
import { type ReportFormat } from './report-format';
import { REPORT_VERSION } from './report-model';

/** Why a run failed: one line, and the lines that say what exactly. */
export interface RunFailure {
  readonly message: string;
  readonly details: readonly string[];
}

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

function fullText(failure: RunFailure): string {
  return [failure.message, ...failure.details].join('\n');
}

/** The failure as the text of one report format. */
export function renderFailure(failure: RunFailure, format: ReportFormat, toolVersion: string): string {
  switch (format) {
    case 'text':
      return `error: ${failure.message}\n${failure.details.map((line) => `  ${line}\n`).join('')}`;
    case 'json':
      return (
        JSON.stringify(
          {
            version: REPORT_VERSION,
            tool: { name: 'bulwark', version: toolVersion },
            packs: [],
            stacks: [],
            summary: { stacks: 0, resources: 0, mandatory: 0, advisory: 0, waived: 0 },
            error: { message: failure.message, details: failure.details },
          },
          null,
          2,
        ) + '\n'
      );
    case 'sarif':
      return (
        JSON.stringify(
          {
            $schema: SARIF_SCHEMA,
            version: '2.1.0',
            runs: [
              {
                tool: { driver: { name: 'bulwark', version: toolVersion, rules: [] } },
                invocations: [
                  {
                    executionSuccessful: false,
                    exitCode: 2,
                    toolExecutionNotifications: [{ level: 'error', message: { text: fullText(failure) } }],
                  },
                ],
                results: [],
              },
            ],
          },
          null,
          2,
        ) + '\n'
      );
    case 'junit':
      return (
        '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<testsuites name="bulwark" tests="1" failures="0" errors="1">\n' +
        '  <testsuite name="bulwark" tests="1" failures="0" errors="1">\n' +
        `    <testcase name="bulwark run" classname="bulwark"><error message="${xml(failure.message)}">${xml(fullText(failure))}</error></testcase>\n` +
        '  </testsuite>\n' +
        '</testsuites>\n'
      );
    case 'markdown':
      return [
        MARKDOWN_REPORT_MARKER,
        '## Bulwark policy check',
        '',
        ':boom: **the check did not finish: nothing was judged**',
        '',
        '```',
        fullText(failure).replace(/```/g, "'''"),
        '```',
        '',
      ].join('\n');
    case 'html':
      return renderHtmlFailure(failure, toolVersion);
  }
}
