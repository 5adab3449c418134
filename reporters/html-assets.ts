/**
 * The fixed CSS of report.html (its script is in report-script/). Both are
 * inlined (the report is one self-contained file, opened from disk or a CI
 * artifact, with no network), and the page's Content-Security-Policy allows
 * exactly these two by hash, so markup that slipped into case text could
 * still not run.
 */
import { createHash } from 'node:crypto';

import { VERDICTS } from '../harness/judging/results/result.js';
import type { Verdict } from '../harness/judging/results/result.js';

/**
 * One colour per verdict, each of its own hue (green, red, amber, purple,
 * grey, orange, teal, magenta), used as a background under white text and
 * as text on the page's light backgrounds; each has a contrast of at least
 * 4.5:1 with both (WCAG AA for normal text). The verdict is always written
 * out too, so colour is never the only sign.
 */
export const VERDICT_COLOURS: { readonly [V in Verdict]: string } = {
  PASS: '#1a7f37',
  FAIL: '#cf222e',
  KNOWN: '#8a5a00',
  XPASS: '#8250df',
  SKIP: '#59636e',
  ERROR: '#bc4c00',
  TIMEOUT: '#0b6a8a',
  CRASH: '#a0115e',
};

/**
 * Light backgrounds for the parts of an outcome that differ, one per kind of
 * check, so a known deviation does not look like a failure; the page's text
 * colour has a contrast above 12:1 on each.
 */
export const DIFFERENCE_TINTS = {
  failed: '#ffebe9',
  known: '#fff8c5',
  fixed: '#fbefff',
} as const;

const VERDICT_RULES = VERDICTS.map(
  (verdict) =>
    `.v-${verdict} { --verdict: ${VERDICT_COLOURS[verdict]}; }`,
).join('\n');

export const REPORT_CSS = `
:root { color-scheme: light; --text: #1f2328; --muted: #59636e; --line: #d1d9e0; --panel: #f6f8fa; --focus: #0969da; }
* { box-sizing: border-box; }
body { margin: 0; padding: 1.5rem; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--text); background: #fff; }
h1 { font-size: 1.6rem; margin: 0 0 .75rem; overflow-wrap: anywhere; }
h2 { font-size: 1.2rem; margin: 1.5rem 0 .5rem; }
h3 { font-size: 1rem; margin: .75rem 0 .25rem; }
code, pre { font: 13px/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
code { overflow-wrap: anywhere; }
[hidden] { display: none !important; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.muted { color: var(--muted); }
.run { display: flex; flex-wrap: wrap; gap: .25rem 1.5rem; margin: 0; }
.run div { display: flex; gap: .4rem; min-width: 0; }
.run dt { color: var(--muted); }
.run dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
.outcome { font-weight: 700; font-size: 1.05rem; }
.outcome.green { color: ${VERDICT_COLOURS.PASS}; }
.outcome.red { color: ${VERDICT_COLOURS.FAIL}; }
${VERDICT_RULES}
.badges { display: flex; flex-wrap: wrap; gap: .5rem; list-style: none; padding: 0; margin: 0; }
.badge { border: 2px solid var(--verdict, var(--muted)); border-radius: 999px; padding: .15rem .75rem; color: var(--verdict, var(--text)); background: #fff; font-weight: 600; }
.badge.nonzero { background: var(--verdict); color: #fff; }
.controls { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1rem; margin-bottom: .75rem; }
.filters, .shortcuts { display: flex; flex-wrap: wrap; gap: .4rem; }
.controls button { font: inherit; font-weight: 600; border: 2px solid var(--verdict, var(--muted)); border-radius: 6px; padding: .2rem .6rem; cursor: pointer; background: #fff; color: var(--verdict, var(--text)); }
.filters button[aria-pressed="true"] { background: var(--verdict); color: #fff; }
.filters button[aria-pressed="true"]::before { content: "\\2713  "; }
.filters button[aria-pressed="false"] { text-decoration: line-through; }
.search, .grouping { display: flex; align-items: center; gap: .4rem; }
.search input, .grouping select { font: inherit; padding: .25rem .5rem; border: 1px solid var(--muted); border-radius: 6px; background: #fff; color: var(--text); }
.search input { width: 18rem; max-width: 100%; }
#shown-count { color: var(--muted); margin: 0; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
th.verdict-column { width: 8rem; }
th.file-column { width: 30%; }
th, td { text-align: left; vertical-align: top; padding: .45rem .5rem; border-bottom: 1px solid var(--line); }
thead th { background: var(--panel); position: sticky; top: 0; z-index: 1; }
tr.case > td:first-child { border-left: 4px solid var(--verdict, var(--line)); }
tr.case.selected { background: #ddf4ff; }
/* A case a link or the address opens lands below the sticky table header, not under it. */
#cases tr { scroll-margin-top: 3.5rem; }
details.set-up > summary { cursor: pointer; color: var(--muted); margin: .25rem 0; }
tr.case.variation > td:nth-child(2) { padding-left: 1.75rem; }
.variations-toggle { font: inherit; font-weight: 600; border: 0; padding: 0; background: none; color: var(--focus); cursor: pointer; text-align: left; }
.variations-toggle::before { content: "\\25B8  "; color: var(--muted); }
.variations-toggle[aria-expanded="true"]::before { content: "\\25BE  "; }
tr.case.selected > td:first-child { border-left-width: 8px; }
tr.more td { text-align: center; }
.show-more { font: inherit; font-weight: 600; border: 1px solid var(--muted); border-radius: 6px; padding: .3rem 1rem; background: #fff; color: var(--text); cursor: pointer; }
tr.group th { background: var(--panel); font-weight: 700; overflow-wrap: anywhere; }
.verdict { display: inline-block; min-width: 5.5rem; text-align: center; border-radius: 6px; padding: .1rem .4rem; font-weight: 700; color: #fff; background: var(--verdict); }
.change { display: inline-block; border: 2px solid var(--muted); border-radius: 6px; padding: 0 .35rem; font-size: .8rem; font-weight: 700; color: var(--text); background: #fff; }
.change.c-regression { border-color: ${VERDICT_COLOURS.FAIL}; color: ${VERDICT_COLOURS.FAIL}; }
.change.c-fix { border-color: ${VERDICT_COLOURS.PASS}; color: ${VERDICT_COLOURS.PASS}; }
.changes code { white-space: pre-wrap; overflow-wrap: anywhere; }
.case-link { font-weight: 600; text-decoration: none; }
.case-link:hover code, .case-link:focus-visible code { text-decoration: underline; }
.case-link::before { content: "\\25B8  "; color: var(--muted); }
.case-link[aria-expanded="true"]::before { content: "\\25BE  "; }
.title { overflow-wrap: anywhere; }
.message { font-size: .9em; overflow-wrap: anywhere; }
td.where { color: var(--muted); white-space: nowrap; }
tr.details > td { padding: 0 .5rem .75rem; background: #fff; }
.detail { border: 1px solid var(--line); border-left: 4px solid var(--verdict); border-radius: 6px; padding: .5rem .75rem; min-width: 0; }
.detail .facts { margin: 0 0 .4rem; color: var(--muted); }
.rerun { display: flex; flex-wrap: wrap; align-items: center; gap: .4rem; }
.rerun .label { color: var(--muted); }
.rerun .command { background: var(--panel); border: 1px solid var(--line); border-radius: 4px; padding: .15rem .4rem; user-select: all; }
.rerun button { font: inherit; border: 1px solid var(--muted); border-radius: 6px; padding: .1rem .6rem; background: #fff; color: var(--text); cursor: pointer; }
.copy-status { color: var(--muted); font-size: .9em; }
.clauses { margin: 0; padding-left: 1.25rem; }
.clauses q { color: var(--muted); }
.log { background: #24292f; color: #f6f8fa; padding: .5rem .75rem; border-radius: 6px; overflow-x: auto; white-space: pre; max-height: 24rem; }
.checks { margin: .25rem 0 0; padding-left: 1.5rem; }
.check { margin-bottom: .6rem; padding: .4rem .6rem; background: var(--panel); border-left: 4px solid var(--line); min-width: 0; }
.check-status { font-weight: 700; }
.check.passed .check-status { color: ${VERDICT_COLOURS.PASS}; }
.check.failed { border-left-color: ${VERDICT_COLOURS.FAIL}; }
.check.failed .check-status { color: ${VERDICT_COLOURS.FAIL}; }
.check.failed mark { background: ${DIFFERENCE_TINTS.failed}; outline: 1px solid ${VERDICT_COLOURS.FAIL}; }
.check.known { border-left-color: ${VERDICT_COLOURS.KNOWN}; }
.check.known .check-status { color: ${VERDICT_COLOURS.KNOWN}; }
.check.known mark { background: ${DIFFERENCE_TINTS.known}; outline: 1px dashed ${VERDICT_COLOURS.KNOWN}; }
.check.fixed { border-left-color: ${VERDICT_COLOURS.XPASS}; }
.check.fixed .check-status { color: ${VERDICT_COLOURS.XPASS}; }
.check.fixed mark { background: ${DIFFERENCE_TINTS.fixed}; outline: 1px solid ${VERDICT_COLOURS.XPASS}; }
.check dl { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: .1rem .75rem; margin: .3rem 0 0; }
.check dt { color: var(--muted); }
.check dd { margin: 0; min-width: 0; overflow-wrap: anywhere; }
mark { color: var(--text); font-weight: 700; }
a { color: var(--focus); }
@media (max-width: 40rem) {
  body { padding: .75rem; }
  h1 { font-size: 1.1rem; margin-bottom: .25rem; }
  /* The phone's first screen is for the cases: the filter buttons carry the counts, the run keeps its provider and version. */
  .run .secondary, #summary-section { display: none; }
  .outcome { margin: .25rem 0; }
  h2 { margin: .75rem 0 .35rem; }
  .controls { gap: .35rem .5rem; margin-bottom: .4rem; }
  .controls button { font-size: .85rem; padding: .1rem .4rem; }
  table, tbody, tr, td, th { display: block; width: 100%; }
  thead { display: none; }
  tr.case { border-bottom: 1px solid var(--line); border-left: 4px solid var(--verdict, var(--line)); padding: .4rem 0; }
  tr.case > td { border: 0; padding: .1rem .5rem; }
  tr.case > td:first-child { border-left: 0; }
  tr.details > td { padding: 0 0 .75rem; }
  td.where { white-space: normal; overflow-wrap: anywhere; }
  .check dl { grid-template-columns: minmax(0, 1fr); }
  .check dd { margin-bottom: .25rem; }
  .search input { width: 100%; }
  .search { flex: 1 1 100%; }
}
`;

/** A CSP source expression that allows exactly `content` as an inline style or script. */
export function cspHash(content: string): string {
  return `'sha256-${createHash('sha256').update(content, 'utf8').digest('base64')}'`;
}
