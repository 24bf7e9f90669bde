import { createHash } from 'node:crypto';
import { renderHtml, renderHtmlFailure } from './html-report';
import { escapeHtml } from './html-page';
import { sampleReport, sampleStack } from './testing/sample-report';
import { filterableReport, HOSTILE_MESSAGE } from './testing/filterable-report';

/** The CSP the page declares, by directive (the attribute's entities decoded). */
function contentSecurityPolicy(html: string): Record<string, string> {
  const [, content = ''] = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html) ?? [];
  const decoded = content.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  return Object.fromEntries(decoded.split(/;\s*/).map((directive) => [directive.split(' ')[0], directive.split(' ').slice(1).join(' ')]));
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

describe('the HTML report', () => {
  const html = renderHtml(filterableReport());

  it('is one page that loads nothing: no URL anywhere, a CSP that allows only its own style and script', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).not.toMatch(/https?:/i);
    expect(html).not.toMatch(/<[a-z]+\b[^>]*\s(src|href|action|srcset)=/i);
    const policy = contentSecurityPolicy(html);
    expect(policy['default-src']).toBe("'none'");
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] as string;
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] as string;
    expect(policy['style-src']).toBe(sha256(style));
    expect(policy['script-src']).toBe(sha256(script));
    expect(style).not.toMatch(/url\(|@import|@font-face/);
    // One style and one script: the ones the hashes allow.
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html.match(/<style/g)).toHaveLength(1);
  });

  it('escapes every value from the packs: markup in a message, a waiver or a resource name stays text', () => {
    expect(html).not.toContain('<script>window.injected');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain(escapeHtml(HOSTILE_MESSAGE));
    expect(html).toContain('Waived: &lt;b&gt;legacy&lt;/b&gt; &quot;bucket&quot; (platform, expires 2030-01-01)');
    expect(html).toContain('aws:s3/bucket:Bucket &quot;x&quot;&gt;&lt;b&gt;bold&quot;');
  });

  it('gives each filter a label and the tables captions and column headers', () => {
    for (const [field, label] of [
      ['stack', 'Stack'],
      ['rule', 'Rule'],
      ['severity', 'Severity'],
      ['level', 'Level'],
      ['modes', 'Found in'],
    ]) {
      expect(html).toContain(`<label for="filter-${field}">${label}</label><select id="filter-${field}" data-filter="${field}">`);
    }
    expect(html).toContain('<thead><tr><th scope="col">Level</th><th scope="col">Stack</th><th scope="col">Resource</th><th scope="col">Rule</th><th scope="col">Severity</th><th scope="col">Message</th><th scope="col">Found in</th></tr></thead>');
    expect(html.match(/<caption>/g)).toHaveLength(2);
    expect(html).toContain('<th scope="row">data/dev</th>');
  });

  it('offers each stack, rule, severity (most severe first) and level found, and the modes when the report has them', () => {
    const options = (field: string) => {
      const select = new RegExp(`<select id="filter-${field}"[^>]*>(.*?)</select>`).exec(html)?.[1] ?? '';
      return [...select.matchAll(/<option value="([^"]*)">/g)].map((match) => match[1]);
    };
    expect(options('stack')).toEqual(['', 'data/dev', 'edge/dev']);
    expect(options('rule')).toEqual(['', 'no-script', 's3-bucket-logging', 's3-bucket-no-public-policy', 's3-bucket-versioning', 'stack-tags']);
    expect(options('severity')).toEqual(['', 'critical', 'high', 'medium', 'low', 'unspecified']);
    expect(options('level')).toEqual(['', 'mandatory', 'advisory', 'undecided', 'waived']);
    expect(options('modes')).toEqual(['', 'preview', 'update']);
    const plain = renderHtml(sampleReport([sampleStack('data', [])]));
    expect(plain).not.toContain('filter-modes');
  });

  it('says the verdict and the counts', () => {
    expect(html).toContain('<p class="verdict failed">Failed: 2 stacks, 3 resources: 2 mandatory, 2 advisory (1 undecided), 1 waived</p>');
    expect(html).toContain('<title>Bulwark policy check: failed, 2 mandatory, 2 advisory (1 undecided), 1 waived</title>');
  });

  it('without findings: no table to filter, and says so', () => {
    const page = renderHtml(sampleReport([sampleStack('network', [], {}, 3)]));
    expect(page).toContain('<p class="verdict passed">Passed: 1 stack, 3 resources: no findings</p>');
    expect(page).toContain('<p id="shown-count">No findings.</p>');
    expect(page).not.toContain('id="findings"');
  });

  it('as the failure of a run: says nothing was judged, with the error escaped', () => {
    const page = renderHtmlFailure({ message: 'the program failed: <boom>', details: ['registration never completed: aws:s3/bucket:Bucket "logs"'] }, '1.0.0');
    expect(page).toContain('The check did not finish: nothing was judged');
    expect(page).toContain('the program failed: &lt;boom&gt;\nregistration never completed: aws:s3/bucket:Bucket &quot;logs&quot;');
    expect(contentSecurityPolicy(page)['script-src']).toBeUndefined();
    expect(page).not.toContain('<script');
  });
});
