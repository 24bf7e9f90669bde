/**
 * The shell of a self-contained HTML page: one file with its styles and script inline, that loads nothing (no
 * fonts, images or scripts from anywhere) and works opened from disk or from a CI artifact. Its Content Security
 * Policy allows nothing but its own style and script, by their hashes: nothing else can run or load, even if text
 * from a pack ever got past {@link escapeHtml}.
 */
import { createHash } from 'node:crypto';

/** Text as HTML text or a quoted attribute value: every character that could start markup is an entity. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** The CSP source that allows exactly this inline content. */
function hashSource(content: string): string {
  return `'sha256-${createHash('sha256').update(content, 'utf8').digest('base64')}'`;
}

const STYLE = `
:root { color-scheme: light dark; --fg: #1f2328; --muted: #59636e; --bg: #ffffff; --panel: #f6f8fa; --line: #d1d9e0;
  --mandatory: #b3261e; --advisory: #8a5a00; --undecided: #0b5f8a; --waived: #59636e; --passed: #1a7f37; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --panel: #151b23; --line: #3d444d;
    --mandatory: #ff7b72; --advisory: #e3b341; --undecided: #79c0ff; --waived: #9198a1; --passed: #3fb950; }
}
* { box-sizing: border-box; }
body { margin: 0; padding: 1.5rem; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.15rem; margin: 2rem 0 .5rem; }
code, pre, .urn { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9em; }
.verdict { font-size: 1.1rem; font-weight: 600; margin: .25rem 0; }
.verdict.failed { color: var(--mandatory); }
.verdict.passed { color: var(--passed); }
.verdict.error { color: var(--mandatory); }
.meta { color: var(--muted); margin: 0; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; color: var(--muted); padding: .25rem 0; }
th, td { text-align: left; vertical-align: top; padding: .4rem .6rem; border-bottom: 1px solid var(--line); }
thead th { background: var(--panel); position: sticky; top: 0; }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
.level { display: inline-block; padding: 0 .45rem; border: 1px solid currentColor; border-radius: 1rem; font-size: .85em; font-weight: 600; white-space: nowrap; }
.level-mandatory { color: var(--mandatory); }
.level-advisory { color: var(--advisory); }
.level-undecided { color: var(--undecided); border-style: dashed; }
.level-waived { color: var(--waived); text-decoration: line-through; }
tr.waived td { color: var(--muted); }
.message { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; }
.urn, .pack, .note { color: var(--muted); overflow-wrap: anywhere; font-size: .85em; }
.filters { display: flex; flex-wrap: wrap; gap: .75rem; align-items: end; margin: .5rem 0; padding: .75rem; background: var(--panel); border-radius: .5rem; }
.filters label { display: block; font-size: .85em; color: var(--muted); }
.filters select, .filters button { font: inherit; padding: .2rem .4rem; color: var(--fg); background: var(--bg); border: 1px solid var(--line); border-radius: .3rem; }
.filters select:focus-visible, .filters button:focus-visible { outline: 2px solid var(--undecided); outline-offset: 1px; }
.warnings li { margin: .25rem 0; }
pre { white-space: pre-wrap; background: var(--panel); padding: .75rem; border-radius: .5rem; }
[hidden] { display: none !important; }
`;

export interface HtmlPage {
  readonly title: string;
  /** The body's markup: already escaped. */
  readonly body: string;
  /** An inline script, run at the end of the body. */
  readonly script?: string;
}

/** The whole page: doctype, language, CSP, title, the inline style, the body and the script. */
export function htmlPage(page: HtmlPage): string {
  const policy = [`default-src 'none'`, `style-src ${hashSource(STYLE)}`, ...(page.script ? [`script-src ${hashSource(page.script)}`] : []), `base-uri 'none'`, `form-action 'none'`];
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(policy.join('; '))}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(page.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    page.body,
    ...(page.script ? [`<script>${page.script}</script>`] : []),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
