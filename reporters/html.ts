/**
 * report.html: one self-contained page for people to browse a run. Header
 * with the run's facts, verdict counts as badges, verdict filters, a search
 * box and a grouping choice over a light table of cases (verdict, id, title,
 * why, file:line). The results are embedded as JSON, and the script builds
 * only the rows shown and, when a case is opened, its details (the re-run
 * command, its clauses, every check with documented beside observed, the
 * provider's output) in a full-width row under it: a run of thousands of
 * cases opens quickly.
 *
 * Case text goes either through the `html` template, which escapes it, or
 * into the JSON, escaped for its script element and put into the page by the
 * script as text only; the only markup not built that way is the fixed CSS
 * and script, which the page's Content-Security-Policy allows by hash, with
 * everything else (network included) denied.
 */
import { compareRuns, type CaseChangeKind, type Comparison } from '../harness/uses/baselines/compare.js';
import type { RecordedRun } from '../harness/judging/results/recorded-run.js';
import { VERDICTS } from '../harness/judging/results/result.js';
import type { CaseResult, RunInfo, RunSummary } from '../harness/judging/results/result.js';
import { EndOfRunFileReporter } from './end-of-run-file-reporter.js';
import { jsonForScriptElement } from './escape.js';
import { formatDuration } from './format-duration.js';
import { REPORT_CSS, cspHash } from './html-assets.js';
import { REPORT_SCRIPT } from './report-script/script.js';
import { reportData, type ComparisonView, type ReportData } from './html-view.js';
import { SafeHtml, html, trustedHtml } from './safe-html.js';
import { formatSummaryLine } from './summary.js';
import { providerLabel } from '../harness/judging/results/provider-label.js';

export const HTML_FILE_NAME = 'report.html';

export class HtmlReporter extends EndOfRunFileReporter {
  /** With a baseline (`run --baseline`), the page marks what changed since it. */
  constructor(
    outDir: string,
    private readonly baseline?: RecordedRun,
  ) {
    super(outDir, HTML_FILE_NAME);
  }

  protected override render(run: RunInfo, results: readonly CaseResult[], summary: RunSummary): string {
    const comparison = this.baseline === undefined ? undefined : compareRuns(this.baseline, { run, cases: results });
    return renderHtmlReport(run, results, summary, comparison);
  }
}

const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src ${cspHash(REPORT_CSS)}`,
  `script-src ${cspHash(REPORT_SCRIPT)}`,
].join('; ');

/** The whole page; exported so a report can be rebuilt from a results.jsonl. */
export function renderHtmlReport(run: RunInfo, results: readonly CaseResult[], summary: RunSummary, comparison?: Comparison): string {
  const title = `Winsock conformance: ${providerLabel(run)}`;
  const data = reportData(run, results, comparison);
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<title>${title}</title>
<style>${trustedHtml(REPORT_CSS)}</style>
</head>
<body>
<header>
<h1>${title}</h1>
${renderRunFacts(run, summary)}
<p class="outcome ${summary.green ? 'green' : 'red'}">${summary.green ? 'Green' : 'Red'}: ${formatSummaryLine(summary)}</p>${summary.incomplete === undefined ? '' : html`
<p class="outcome red">Incomplete: ${summary.incomplete}</p>`}
</header>
<main>
<section id="summary-section" aria-labelledby="summary-heading">
<h2 id="summary-heading">Verdicts</h2>
${renderBadges(summary)}
</section>${data.comparison === undefined ? '' : renderComparison(data.comparison)}
<section aria-labelledby="cases-heading">
<h2 id="cases-heading">Cases</h2>
${renderControls(summary, data)}
<noscript><p>The list of cases needs JavaScript; results.jsonl and junit.xml beside this page have every result.</p></noscript>
${renderCaseTable()}
</section>
<section aria-labelledby="clauses-heading">
<h2 id="clauses-heading">Clauses</h2>
<details id="clause-index"><summary>The clauses of the pages these cases check, page by page, each with its cases (${String(data.clausePages.reduce((count, page) => count + page.clauses.length, 0))})</summary></details>
</section>
</main>
<script type="application/json" id="report-data">${trustedHtml(jsonForScriptElement(data))}</script>
<script>${trustedHtml(REPORT_SCRIPT)}</script>
</body>
</html>
`.markup;
}

function renderRunFacts(run: RunInfo, summary: RunSummary): SafeHtml {
  // Secondary facts give way to the cases on a phone's first screen.
  const facts: [string, SafeHtml | string, 'secondary'?][] = [
    ['Provider', run.provider],
    ['Version', run.providerVersion],
    ...(run.providerBuild === undefined ? [] : [['Build', `${run.providerBuild.name}: ${run.providerBuild.origin}`, 'secondary'] as [string, string, 'secondary']]),
    ['Harness', run.harnessVersion, 'secondary'],
    ['Host', run.host, 'secondary'],
    ['Started', html`<time datetime="${run.startedAt}">${formatDate(run.startedAt)}</time>`, 'secondary'],
    ['Duration', formatDuration(summary.durationMs), 'secondary'],
  ];
  const filters = describeFilters(run.filters);
  if (filters !== undefined) facts.push(['Filters', filters]);
  return html`<dl class="run">${facts.map(([name, value, rank]) => html`<div${rank === undefined ? '' : html` class="${rank}"`}><dt>${name}</dt><dd>${value}</dd></div>`)}</dl>`;
}

function describeFilters(filters: RunInfo['filters']): string | undefined {
  const parts: string[] = [];
  if (filters.grep !== undefined) parts.push(`grep ${filters.grep}`);
  if (filters.tags.length > 0) parts.push(`tags ${filters.tags.join(', ')}`);
  return parts.length === 0 ? undefined : parts.join('; ');
}

/** `2024-05-01 12:00:03 UTC`; the text as given if it is not a date. */
function formatDate(iso: string): string {
  const time = Date.parse(iso);
  return Number.isFinite(time) ? `${new Date(time).toISOString().slice(0, 19).replace('T', ' ')} UTC` : iso;
}

/** The kinds of change the header links to (a removed case has no row). */
const CHANGE_SEARCHES: readonly CaseChangeKind[] = ['regression', 'fix', 'changed', 'rejudged', 'new'];

/** What changed since the baseline: the runs, the counts (each kind searchable in the table), the cases no row shows. */
function renderComparison(comparison: ComparisonView): SafeHtml {
  const removed = comparison.removed.map((gone) => html`<li><code>${gone.id}</code> ${gone.title}</li>`);
  return html`
<section aria-labelledby="baseline-heading" class="baseline">
<h2 id="baseline-heading">Since the baseline</h2>
<p>Baseline: ${comparison.baseline}</p>
<p class="change-counts">${comparison.counts}. Changed cases carry a mark in the table; search for ${CHANGE_SEARCHES.map((kind, index) => html`${index === 0 ? '' : ', '}<a href="#q=change:${kind}&amp;verdicts=${VERDICTS.join(',')}"><code>change:${kind}</code></a>`)}.</p>${comparison.notes.map((note) => html`
<p class="note">Note: ${note}</p>`)}${removed.length === 0 ? '' : html`
<details><summary>Removed cases (${removed.length})</summary><ul>${removed}</ul></details>`}
</section>`;
}

function renderBadges(summary: RunSummary): SafeHtml {
  const badges = VERDICTS.map((verdict) => {
    const count = summary.counts[verdict];
    return html`<li class="badge v-${verdict}${count > 0 ? ' nonzero' : ''}">${count} ${verdict}</li>`;
  });
  return html`<ul class="badges">${badges}<li class="badge">${summary.total} total</li></ul>`;
}

/** Hidden until the script runs: without it they would do nothing. Pressed as the page opens. */
function renderControls(summary: RunSummary, data: ReportData): SafeHtml {
  const filterButtons = VERDICTS.map(
    (verdict) =>
      html`<button type="button" class="v-${verdict}" data-verdict="${verdict}" aria-pressed="${String(data.openingVerdicts.includes(verdict))}">${verdict} (${summary.counts[verdict]})</button>`,
  );
  return html`<div id="controls" class="controls" hidden>
<div class="filters" role="group" aria-label="Show cases with verdict">${filterButtons}</div>
<div class="shortcuts" role="group" aria-label="Verdict presets"><button type="button" id="show-red">Only red verdicts</button><button type="button" id="show-all">Show all</button></div>
<div class="search"><label for="case-search">Search</label><input type="search" id="case-search" placeholder="id, title, clause, call…" autocomplete="off"></div>
<div class="grouping"><label for="group-by">Group by</label><select id="group-by"><option value="none">nothing (run order)</option><option value="file">case file</option><option value="verdict">verdict</option></select></div>
<p id="shown-count" role="status" aria-live="polite"></p>
</div>`;
}

/** Empty until the script fills it with the rows shown: parsing and laying out thousands of rows up front made big runs slow to open. */
function renderCaseTable(): SafeHtml {
  return html`<table id="cases">
<caption class="visually-hidden">One row per case; open a case to see each call with its documented and observed outcome.</caption>
<thead><tr><th scope="col" class="verdict-column">Verdict</th><th scope="col">Case</th><th scope="col" class="file-column">File</th></tr></thead>
<tbody></tbody>
</table>`;
}
