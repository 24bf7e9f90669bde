import { GITHUB_COMMENT_LIMIT, MARKDOWN_REPORT_MARKER, renderMarkdown } from './markdown-report';
import { toViolation } from './report-model';
import { sampleFinding, sampleReport, sampleStack, undecidedFinding, waivedFinding, withModes } from './testing/sample-report';

/** The rows of the Markdown table that follows `heading`. */
function tableAfter(markdown: string, heading: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(heading);
  expect(start).toBeGreaterThanOrEqual(0);
  const rows: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('|')) rows.push(line);
    else if (rows.length > 0) break;
  }
  return rows;
}

/** The cells of a table row, split at the pipes that end cells (not the escaped ones). */
function cells(row: string): string[] {
  return row
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());
}

describe('the Markdown report (a pull-request comment)', () => {
  it('starts with the hidden marker a CI job finds its earlier comment by, then the verdict', () => {
    const markdown = renderMarkdown(sampleReport([sampleStack('data', [sampleFinding()])]));
    const lines = markdown.split('\n');
    expect(lines[0]).toBe(MARKDOWN_REPORT_MARKER);
    expect(lines[0]).toBe('<!-- bulwark-report -->');
    expect(lines).toContain(':x: **Failed**: 1 stack, 1 resource: 1 mandatory');
  });

  it('passes with a table of the stacks and no findings section when nothing was found', () => {
    const markdown = renderMarkdown(sampleReport([sampleStack('network', [], {}, 40)]));
    expect(markdown).toContain(':white_check_mark: **Passed**: 1 stack, 40 resources: no findings');
    expect(tableAfter(markdown, ':white_check_mark: **Passed**: 1 stack, 40 resources: no findings')).toEqual([
      '| Stack | Mode | Resources | Mandatory | Advisory | Undecided | Waived | Warnings |',
      '|---|---|---:|---:|---:|---:|---:|---:|',
      '| `network/dev` | preview | 40 | 0 | 0 | 0 | 0 | 0 |',
    ]);
    expect(markdown).not.toContain('###');
    expect(markdown).not.toContain('<details>');
  });

  it('gives each stack with findings a table (level, rule, severity, resource, message), most pressing first', () => {
    const report = sampleReport([
      sampleStack('network', [], {}, 4),
      sampleStack('data', [waivedFinding(), undecidedFinding(), sampleFinding()]),
    ]);
    const markdown = renderMarkdown(report);
    const rows = tableAfter(markdown, '### `data/dev`: 1 mandatory, 1 advisory (1 undecided), 1 waived');
    expect(rows.slice(0, 2)).toEqual(['| Level | Rule | Severity | Resource | Message |', '|---|---|---|---|---|']);
    expect(rows.slice(2).map(cells)).toEqual([
      [':x: mandatory', '`s3-bucket-versioning`', 'high', '`logs` (aws:s3/bucket:Bucket)', 'Buckets keep versions. …'],
      [':grey_question: undecided', '`s3-bucket-no-public-policy`', 'critical', '`site` (aws:s3/bucketPolicy:BucketPolicy)', 's3-bucket-no-public-policy cannot decide in this mode: `policy` is unknown until apply.'],
      [':mute: waived', '`s3-bucket-logging`', 'medium', '`logs` (aws:s3/bucket:Bucket)', 'Buckets log access.'],
    ]);
    expect(markdown).not.toContain('### `network/dev`');
  });

  it('puts the full messages, URNs and waivers in a collapsed <details> block', () => {
    const markdown = renderMarkdown(sampleReport([sampleStack('data', [sampleFinding(), waivedFinding()])]));
    const details = markdown.slice(markdown.indexOf('<details>'), markdown.indexOf('</details>'));
    expect(details).toContain('<details><summary>Full messages (2)</summary>');
    expect(details).toContain('```text\nBuckets keep versions.\n`versioning` is off.\n```');
    expect(details).toContain('(`urn:pulumi:dev::data::aws:s3/bucket:Bucket::logs`)');
    expect(details).toContain('Waived: the log bucket itself (platform, expires 2030-01-01)');
  });

  it('escapes pipes, line breaks and HTML in cells, and backticks in code spans and fences', () => {
    const message = 'a | b <script>alert(1)</script> &\nsecond ```fence```';
    const markdown = renderMarkdown(sampleReport([sampleStack('data', [sampleFinding({ policy: 'odd|`rule`', message })])]));
    const [, , row] = tableAfter(markdown, '### `data/dev`: 1 mandatory');
    expect(cells(row as string)).toEqual([
      ':x: mandatory',
      '`` odd\\|`rule` ``',
      'high',
      '`logs` (aws:s3/bucket:Bucket)',
      'a \\| b &lt;script&gt;alert(1)&lt;/script&gt; &amp; …',
    ]);
    // In the fenced block the text is shown as it is (a fence is not HTML), its own fence unable to close it.
    expect(markdown).toContain('````text\na | b <script>alert(1)</script> &\nsecond ```fence```\n````');
    expect(markdown.replace(/````text[\s\S]*?\n````/g, '')).not.toContain('<script>');
  });

  it('keeps a short message whole in its cell, line breaks as <br> never ending the row', () => {
    const markdown = renderMarkdown(sampleReport([sampleStack('data', [sampleFinding({ message: 'short\r\nsecond line' })])]));
    const [, , row] = tableAfter(markdown, '### `data/dev`: 1 mandatory');
    expect(cells(row as string)[4]).toBe('short …');
    const single = renderMarkdown(sampleReport([sampleStack('data', [sampleFinding({ message: 'one <b>line</b>' })])]));
    expect(cells(tableAfter(single, '### `data/dev`: 1 mandatory')[2] as string)[4]).toBe('one &lt;b&gt;line&lt;/b&gt;');
  });

  it('shows the stacks’ warnings as quotes', () => {
    const markdown = renderMarkdown(sampleReport([sampleStack('network', [], { warnings: ['"x" is | encrypted'] }, 1)]));
    expect(markdown).toContain('### `network/dev`: no findings\n\n> :warning: "x" is \\| encrypted\n');
  });

  it('adds a "Found in" column when the report says which runs found each finding', () => {
    const stack = sampleStack('data', []);
    const report = sampleReport([{ ...stack, violations: [withModes(toViolation(sampleFinding()), ['update'])] }]);
    const rows = tableAfter(renderMarkdown(report), '### `data/dev`: 1 mandatory');
    expect(rows[0]).toBe('| Level | Rule | Severity | Resource | Message | Found in |');
    expect(cells(rows[2] as string)[5]).toBe('update');
  });

  it('fits GitHub’s comment limit: first without the full messages, then without the least pressing rows, saying so', () => {
    const many = Array.from({ length: 400 }, (_, index) =>
      sampleFinding({ policy: `rule-${index}`, enforcement: index < 5 ? 'mandatory' : 'advisory', urn: `urn:pulumi:dev::data::aws:sqs/queue:Queue::q${index}`, message: `finding ${index} `.repeat(30) }),
    );
    const report = sampleReport([sampleStack('data', many)]);
    const full = renderMarkdown(report, { maxLength: 10_000_000 });
    expect(full).toContain('<details>');

    const withoutDetails = renderMarkdown(report, { maxLength: full.length - 1 });
    expect(withoutDetails.length).toBeLessThan(full.length);
    expect(withoutDetails).not.toContain('<details>');
    expect(withoutDetails).toContain('_The full messages are left out: GitHub comments hold at most');
    expect(withoutDetails.match(/^\| :/gm)).toHaveLength(400);

    const small = renderMarkdown(report, { maxLength: 8_000 });
    expect(small.length).toBeLessThanOrEqual(8_000);
    expect(small.startsWith(MARKDOWN_REPORT_MARKER)).toBe(true);
    const shown = small.match(/^\| :/gm)?.length ?? 0;
    expect(shown).toBeGreaterThan(5);
    expect(shown).toBeLessThan(400);
    // Every mandatory finding is kept before any advisory one.
    expect(small.match(/^\| :x: mandatory/gm)).toHaveLength(5);
    expect(small).toContain(`### \`data/dev\`: 5 mandatory, 395 advisory (${shown} of 400 shown)`);
    expect(small).toContain(`_${400 - shown} findings not shown (GitHub comments hold at most 8,000 characters): the full report is in`);
  });

  it('never exceeds the limit, even when the stack table alone would', () => {
    const stacks = Array.from({ length: 50 }, (_, index) => sampleStack(`project-${index}`, [], {}, 1));
    const markdown = renderMarkdown(sampleReport(stacks), { maxLength: 500 });
    expect(markdown.length).toBeLessThanOrEqual(500);
    expect(markdown).toContain(':white_check_mark: **Passed**');
    expect(markdown).toContain('_The stack table and the findings are left out');
  });

  it('defaults to GitHub’s 65,536 characters', () => {
    expect(GITHUB_COMMENT_LIMIT).toBe(65_536);
    const huge = Array.from({ length: 3000 }, (_, index) => sampleFinding({ policy: `rule-${index}`, urn: `urn:pulumi:dev::data::aws:sqs/queue:Queue::q${index}` }));
    expect(renderMarkdown(sampleReport([sampleStack('data', huge)])).length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
  });
});
