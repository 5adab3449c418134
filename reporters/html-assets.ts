/**
 * The fixed CSS and script of report.html. They are inlined (the report is
 * one self-contained file, opened from disk or a CI artifact, with no
 * network), and the page's Content-Security-Policy allows exactly these two
 * by hash, so markup that slipped into case text could still not run.
 */
import { createHash } from 'node:crypto';

import { VERDICTS } from '../harness/results/result.js';
import type { Verdict } from '../harness/results/result.js';

/**
 * One colour per verdict, used as a background under white text and as
 * text on the page's light backgrounds; each has a contrast of at least
 * 4.5:1 with both (WCAG AA for normal text).
 */
export const VERDICT_COLOURS: { readonly [V in Verdict]: string } = {
  PASS: '#1a7f37',
  FAIL: '#c0262d',
  KNOWN: '#7a5300',
  XPASS: '#7b3fd4',
  SKIP: '#57606a',
  ERROR: '#a64200',
  TIMEOUT: '#8a3b00',
  CRASH: '#6e0b1c',
};

const VERDICT_RULES = VERDICTS.map(
  (verdict) =>
    `.v-${verdict} { --verdict: ${VERDICT_COLOURS[verdict]}; }`,
).join('\n');

export const REPORT_CSS = `
:root { color-scheme: light; --text: #1f2328; --muted: #59636e; --line: #d1d9e0; --panel: #f6f8fa; --focus: #0969da; }
* { box-sizing: border-box; }
body { margin: 0; padding: 1.5rem; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--text); background: #fff; }
h1 { font-size: 1.6rem; margin: 0 0 .75rem; }
h2 { font-size: 1.2rem; margin: 1.5rem 0 .5rem; }
code { font: 13px/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; overflow-wrap: anywhere; }
[hidden] { display: none !important; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.run { display: flex; flex-wrap: wrap; gap: .25rem 1.5rem; margin: 0; }
.run div { display: flex; gap: .4rem; }
.run dt { color: var(--muted); }
.run dd { margin: 0; font-weight: 600; }
.outcome { font-weight: 700; font-size: 1.05rem; }
.outcome.green { color: ${VERDICT_COLOURS.PASS}; }
.outcome.red { color: ${VERDICT_COLOURS.FAIL}; }
${VERDICT_RULES}
.badges { display: flex; flex-wrap: wrap; gap: .5rem; list-style: none; padding: 0; margin: 0; }
.badge { border: 2px solid var(--verdict); border-radius: 999px; padding: .15rem .75rem; color: var(--verdict); background: #fff; font-weight: 600; }
.badge.nonzero { background: var(--verdict); color: #fff; }
.controls { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1rem; margin-bottom: .75rem; }
.filters { display: flex; flex-wrap: wrap; gap: .4rem; }
.filters button, .shortcuts button { font: inherit; font-weight: 600; border: 2px solid var(--verdict, var(--muted)); border-radius: 6px; padding: .2rem .6rem; cursor: pointer; background: #fff; color: var(--verdict, var(--text)); }
.filters button[aria-pressed="true"] { background: var(--verdict); color: #fff; }
.filters button[aria-pressed="true"]::before { content: "\\2713  "; }
.filters button[aria-pressed="false"] { text-decoration: line-through; }
.search { display: flex; align-items: center; gap: .4rem; }
.search input { font: inherit; padding: .25rem .5rem; border: 1px solid var(--muted); border-radius: 6px; min-width: 18rem; }
#shown-count { color: var(--muted); margin: 0; }
table { width: 100%; border-collapse: collapse; }
th, td { text-align: left; vertical-align: top; padding: .5rem; border-bottom: 1px solid var(--line); }
thead th { background: var(--panel); position: sticky; top: 0; }
.verdict { display: inline-block; min-width: 5.5rem; text-align: center; border-radius: 6px; padding: .1rem .4rem; font-weight: 700; color: #fff; background: var(--verdict); }
.where, .message { color: var(--muted); font-size: .9em; }
.message { color: var(--text); }
.clauses { margin: 0; padding-left: 1rem; }
.outcomes { margin: 0; padding: 0; list-style: none; font-size: .85rem; }
.outcomes li { margin-bottom: .25rem; }
.outcomes li.same { color: var(--muted); }
.clauses q { color: var(--muted); }
details summary { cursor: pointer; color: var(--focus); }
.checks { margin: .5rem 0 0; padding-left: 1.25rem; }
.check { margin-bottom: .6rem; padding: .4rem .6rem; background: var(--panel); border-left: 4px solid var(--line); }
.check.failed { border-left-color: ${VERDICT_COLOURS.FAIL}; }
.check.known { border-left-color: ${VERDICT_COLOURS.KNOWN}; }
.check-status { font-weight: 700; }
.check.failed .check-status { color: ${VERDICT_COLOURS.FAIL}; }
.check.known .check-status { color: ${VERDICT_COLOURS.KNOWN}; }
.check.passed .check-status { color: ${VERDICT_COLOURS.PASS}; }
.check.fixed { border-left-color: ${VERDICT_COLOURS.XPASS}; }
.check.fixed .check-status { color: ${VERDICT_COLOURS.XPASS}; }
.check dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .75rem; margin: .3rem 0 0; }
.check dt { color: var(--muted); }
.check dd { margin: 0; }
mark { background: #fff1a8; color: var(--text); outline: 1px solid #9a6700; font-weight: 700; }
a { color: var(--focus); }
`;

/**
 * Filters the case table by the pressed verdict buttons and the search
 * text. The controls are hidden in the markup and shown from here, so
 * without script nothing inert is on screen.
 */
export const REPORT_SCRIPT = `
(() => {
  const controls = document.getElementById('controls');
  const rows = Array.from(document.querySelectorAll('#cases tbody tr'));
  const filters = Array.from(document.querySelectorAll('.filters button'));
  const search = document.getElementById('case-search');
  const shown = document.getElementById('shown-count');
  const apply = () => {
    const wanted = new Set(filters.filter((b) => b.getAttribute('aria-pressed') === 'true').map((b) => b.dataset.verdict));
    const query = search.value.trim().toLowerCase();
    let visible = 0;
    for (const row of rows) {
      const show = wanted.has(row.dataset.verdict) && (query === '' || row.textContent.toLowerCase().includes(query));
      row.hidden = !show;
      if (show) visible += 1;
    }
    shown.textContent = visible + ' of ' + rows.length + ' cases shown';
  };
  const press = (predicate) => {
    for (const b of filters) b.setAttribute('aria-pressed', String(predicate(b)));
    apply();
  };
  for (const b of filters) {
    b.addEventListener('click', () => {
      b.setAttribute('aria-pressed', String(b.getAttribute('aria-pressed') !== 'true'));
      apply();
    });
  }
  document.getElementById('show-all').addEventListener('click', () => press(() => true));
  document.getElementById('show-red').addEventListener('click', () => press((b) => b.dataset.accepted !== 'true'));
  search.addEventListener('input', apply);
  controls.hidden = false;
  apply();
})();
`;

/** A CSP source expression that allows exactly `content` as an inline style or script. */
export function cspHash(content: string): string {
  return `'sha256-${createHash('sha256').update(content, 'utf8').digest('base64')}'`;
}
