/**
 * What the matrix and the atlas pages share: one self-contained HTML
 * document (opened from disk or a CI artifact, no network), its fixed CSS
 * inlined and allowed by hash in a Content-Security-Policy that allows
 * nothing else — no script, no image, no fetch — so that markup slipping
 * into case text or an observation could not run or load anything.
 */
import { createHash } from 'node:crypto';
import { VERDICTS } from '../harness/judging/results/result.js';
import { VERDICT_COLOURS } from './html-assets.js';
import { html, trustedHtml, type SafeHtml } from './safe-html.js';

const VERDICT_RULES = VERDICTS.map((verdict) => `.v-${verdict} { --verdict: ${VERDICT_COLOURS[verdict]}; }`).join('\n');

export const PAGE_CSS = `
:root { color-scheme: light; --text: #1f2328; --muted: #59636e; --line: #d1d9e0; --panel: #f6f8fa; --expected: #dafbe1; --recorded: #fff1c2; --unexpected: #ffd7d5; --flag: #8250df; }
* { box-sizing: border-box; }
body { margin: 0; padding: 1.5rem; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--text); background: #fff; }
h1 { font-size: 1.6rem; margin: 0 0 .75rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .25rem; }
code, .obs { font: 13px/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; overflow-wrap: anywhere; }
a { color: #0969da; }
.muted { color: var(--muted); }
pre { max-width: 100%; overflow-x: auto; }
blockquote { margin: .25rem 0 .5rem; padding: .25rem .75rem; border-left: 4px solid var(--line); background: var(--panel); white-space: pre-wrap; }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; vertical-align: top; text-align: left; }
thead th { background: var(--panel); position: sticky; top: 0; box-shadow: inset 0 -2px 0 var(--muted); }
tr.case th { background: var(--panel); }
.expected { background: var(--expected); }
.recorded { background: var(--recorded); }
.unexpected { background: var(--unexpected); }
td.not-made, td.not-run { color: var(--muted); font-style: italic; }
tr.flagged td:first-child, tr.flagged th:first-child { border-left: 4px solid var(--flag); }
.flag { color: var(--flag); font-weight: 600; }
.verdict { display: inline-block; border-radius: 999px; padding: 0 .5rem; color: #fff; background: var(--verdict); font-size: .8rem; font-weight: 600; }
${VERDICT_RULES}
.legend span { display: inline-block; padding: 0 .4rem; margin-right: .5rem; border: 1px solid var(--line); }
ul.runs { margin: .25rem 0; }
`;

/** `<head>` of a page: the charset, a policy that allows only this CSS (the shared rules and the page's own), the title, the CSS. */
export function pageHead(title: string, pageCss = ''): SafeHtml {
  const css = `${PAGE_CSS}${pageCss}`;
  const digest = createHash('sha256').update(css).digest('base64');
  const policy = `default-src 'none'; style-src 'sha256-${digest}'; base-uri 'none'; form-action 'none'`;
  return html`<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${trustedHtml(css)}</style>
</head>`;
}

/** A whole document: head and body; `pageCss` adds the page's own rules (fixed text, never from results). */
export function page(title: string, body: SafeHtml, pageCss = ''): string {
  return `<!DOCTYPE html>\n${html`<html lang="en">
${pageHead(title, pageCss)}
<body>
<main>
${body}
</main>
</body>
</html>`.markup}\n`;
}

/** A verdict as a small coloured label. */
export function verdictLabel(verdict: string | undefined): SafeHtml {
  return verdict === undefined ? html`<span class="muted">—</span>` : html`<span class="verdict v-${verdict}">${verdict}</span>`;
}

/** An id usable in an HTML anchor, from a case or clause id (dots and dashes are kept). */
export function anchor(kind: string, id: string): string {
  return `${kind}-${id.replace(/[^A-Za-z0-9_.-]/g, '_')}`;
}

/** A link to `url` when it is an https address (a results file read back may hold anything), else the text alone. */
export function externalLink(url: string, text: string): SafeHtml {
  return /^https:\/\/[^\s]+$/.test(url) ? html`<a href="${url}">${text}</a>` : html`${text}`;
}

/** `A`, `B`… then `AA`: short names for runs or columns, where a long label would repeat in every cell. */
export function columnLetter(index: number): string {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  return index < letters.length ? (letters[index] ?? '') : `${columnLetter(Math.floor(index / letters.length) - 1)}${letters[index % letters.length] ?? ''}`;
}
