import { createHash } from 'node:crypto';
import { escapeHtml, htmlPage } from './html-page';

describe('the HTML page shell', () => {
  it('escapes every character that could start markup or end an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });

  it('allows exactly its own style and script by their hashes, and nothing else', () => {
    const script = 'document.title = "changed";';
    const page = htmlPage({ title: 'a <title>', body: '<p>body</p>', script });
    const hash = `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;
    expect(page).toContain(`script-src ${hash.replace(/'/g, '&#39;')}`);
    expect(page).toContain('default-src &#39;none&#39;');
    expect(page).toContain('<title>a &lt;title&gt;</title>');
    expect(page).toContain(`<script>${script}</script>`);
    expect(htmlPage({ title: 't', body: '' })).not.toContain('script-src');
  });
});
