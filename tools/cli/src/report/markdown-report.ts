/** A pull-request comment: the verdict, a table per stack, and the violations in collapsible sections. */
import { urnName } from '@bulwark/aws-model';
import { isBlocking, summarize, type Report, type ReportViolation } from './report-model';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

function row(violation: ReportViolation): string {
  const level = violation.waived ? 'waived' : violation.kind === 'undecided' ? 'undecided' : violation.enforcement;
  const resource = violation.urn ? `\`${urnName(violation.urn) ?? violation.urn}\`` : '(stack)';
  const message = violation.waived ? `${violation.message}\n_waived: ${violation.waiver ?? ''}_` : violation.message;
  return `| ${level} | \`${violation.policy}\` | ${violation.severity ?? ''} | ${resource} | ${cell(message)} |`;
}

/** Renders the report as GitHub-flavoured Markdown. */
export function renderMarkdown(report: Report): string {
  const { summary } = report;
  const verdict = summary.mandatory > 0 ? `:x: **${summary.mandatory} mandatory violation(s)**` : ':white_check_mark: **no mandatory violations**';
  const lines = [
    '## Bulwark policy check',
    '',
    `${verdict}: ${summary.stacks} stack(s), ${summary.resources} resources, ${summary.advisory} advisory, ${summary.waived} waived.`,
    '',
  ];
  if (report.stacks.length > 0) {
    lines.push('| Stack | Mode | Resources | Mandatory | Advisory | Waived |', '|---|---|---:|---:|---:|---:|');
    for (const stack of report.stacks) {
      const { mandatory, advisory, waived } = summarize([stack]);
      lines.push(`| \`${stack.project}/${stack.stack}\` | ${stack.mode} | ${stack.resources.length} | ${mandatory} | ${advisory} | ${waived} |`);
    }
    lines.push('');
  }
  for (const stack of report.stacks) {
    if (stack.violations.length === 0) continue;
    const blocking = stack.violations.filter(isBlocking).length;
    lines.push(
      `<details${blocking > 0 ? ' open' : ''}><summary><code>${stack.project}/${stack.stack}</code>: ${stack.violations.length} finding(s)</summary>`,
      '',
      '| Level | Policy | Severity | Resource | Message |',
      '|---|---|---|---|---|',
      ...stack.violations.map(row),
      '',
      '</details>',
      '',
    );
  }
  return lines.join('\n');
}
