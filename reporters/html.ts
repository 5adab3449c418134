/**
 * report.html: one self-contained page for people to browse a run. Header
 * with the run's facts, verdict counts as badges, verdict filter buttons and
 * a search box over a table of cases, each row expandable to every check it
 * made (call, documented, observed with the differing parts marked).
 *
 * All case text goes through the `html` template, which escapes it; the
 * only markup not built that way is the fixed CSS and script, which the
 * page's Content-Security-Policy allows by hash, with everything else
 * (network included) denied.
 */
import type { ClauseCitation } from '../harness/cases/case.js';
import { ACCEPTED_VERDICTS, VERDICTS } from '../harness/results/result.js';
import type { CaseResult, CheckResult, KnownDeviation, RunInfo, RunSummary } from '../harness/results/result.js';
import { describeCall, describeExpected, describeOutcome, describeOutcomeParts } from '../harness/results/describe-outcome.js';
import { EndOfRunFileReporter } from './end-of-run-file-reporter.js';
import { formatDuration } from './format-duration.js';
import { REPORT_CSS, REPORT_SCRIPT, cspHash } from './html-assets.js';
import { SafeHtml, html, trustedHtml } from './safe-html.js';
import { formatSummaryLine } from './summary.js';

export const HTML_FILE_NAME = 'report.html';

export class HtmlReporter extends EndOfRunFileReporter {
  constructor(outDir: string) {
    super(outDir, HTML_FILE_NAME);
  }

  protected override render(run: RunInfo, results: readonly CaseResult[], summary: RunSummary): string {
    return renderHtmlReport(run, results, summary);
  }
}

const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src ${cspHash(REPORT_CSS)}`,
  `script-src ${cspHash(REPORT_SCRIPT)}`,
].join('; ');

/** The whole page; exported so a report can be rebuilt from a results.jsonl. */
export function renderHtmlReport(run: RunInfo, results: readonly CaseResult[], summary: RunSummary): string {
  const title = `Winsock conformance: ${run.provider} ${run.providerVersion}`;
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
<p class="outcome ${summary.green ? 'green' : 'red'}">${summary.green ? 'Green' : 'Red'}: ${formatSummaryLine(summary)}</p>
</header>
<main>
<section aria-labelledby="summary-heading">
<h2 id="summary-heading">Verdicts</h2>
${renderBadges(summary)}
</section>
<section aria-labelledby="cases-heading">
<h2 id="cases-heading">Cases</h2>
${renderControls(summary)}
${renderCaseTable(results)}
</section>
</main>
<script>${trustedHtml(REPORT_SCRIPT)}</script>
</body>
</html>
`.markup;
}

function renderRunFacts(run: RunInfo, summary: RunSummary): SafeHtml {
  const facts: [string, SafeHtml | string][] = [
    ['Provider', run.provider],
    ['Version', run.providerVersion],
    ['Harness', run.harnessVersion],
    ['Host', run.host],
    ['Started', html`<time datetime="${run.startedAt}">${formatDate(run.startedAt)}</time>`],
    ['Duration', formatDuration(summary.durationMs)],
  ];
  const filters = describeFilters(run.filters);
  if (filters !== undefined) facts.push(['Filters', filters]);
  return html`<dl class="run">${facts.map(([name, value]) => html`<div><dt>${name}</dt><dd>${value}</dd></div>`)}</dl>`;
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

function renderBadges(summary: RunSummary): SafeHtml {
  const badges = VERDICTS.map((verdict) => {
    const count = summary.counts[verdict];
    return html`<li class="badge v-${verdict}${count > 0 ? ' nonzero' : ''}">${count} ${verdict}</li>`;
  });
  return html`<ul class="badges">${badges}<li class="badge">${summary.total} total</li></ul>`;
}

/** Hidden until the script runs: without it they would do nothing. */
function renderControls(summary: RunSummary): SafeHtml {
  const filterButtons = VERDICTS.map(
    (verdict) =>
      html`<button type="button" class="v-${verdict}" data-verdict="${verdict}" data-accepted="${String(ACCEPTED_VERDICTS.has(verdict))}" aria-pressed="true">${verdict} (${summary.counts[verdict]})</button>`,
  );
  return html`<div id="controls" class="controls" hidden>
<div class="filters" role="group" aria-label="Show cases with verdict">${filterButtons}</div>
<div class="shortcuts" role="group" aria-label="Verdict presets"><button type="button" id="show-all">Show all</button> <button type="button" id="show-red">Only red verdicts</button></div>
<div class="search"><label for="case-search">Search</label><input type="search" id="case-search" placeholder="id, title, clause, call…" autocomplete="off"></div>
<p id="shown-count" role="status" aria-live="polite"></p>
</div>`;
}

function renderCaseTable(results: readonly CaseResult[]): SafeHtml {
  return html`<table id="cases">
<caption class="visually-hidden">One row per case; expand Checks to see each call with its documented and observed outcome.</caption>
<thead><tr><th scope="col">Verdict</th><th scope="col">Case</th><th scope="col">Title</th><th scope="col">Documented → observed</th><th scope="col">Clauses</th><th scope="col">Checks</th></tr></thead>
<tbody>
${results.map(renderCaseRow)}</tbody>
</table>`;
}

function renderCaseRow(result: CaseResult): SafeHtml {
  return html`<tr data-verdict="${result.verdict}">
<td><span class="verdict v-${result.verdict}">${result.verdict}</span></td>
<td><code>${result.id}</code><div class="where">${result.file}:${result.line}</div></td>
<td>${result.title}<div class="message">${result.message}</div></td>
<td>${renderOutcomes(result)}</td>
<td>${renderClauses(result.clauses)}</td>
<td>${renderChecks(result)}</td>
</tr>
`;
}

/**
 * The documented checks at a glance: what the page says beside what was seen,
 * one line per check, the differing ones marked. Set-up steps are left to the details.
 */
function renderOutcomes(result: CaseResult): SafeHtml {
  const documented = result.checks.filter((check) => check.kind === 'documented' || !check.passed);
  if (documented.length === 0) return html``;
  return html`<ul class="outcomes">${documented.map(
    (check) => html`<li class="${check.passed ? 'same' : 'differs'}"><code>${check.stepId}</code> <code>${describeExpected(check.expected)}</code>${
      check.passed ? html` ✓` : html` → <mark><code>${describeOutcome(check.observed)}</code></mark>`
    }</li>`,
  )}</ul>`;
}

function renderClauses(clauses: readonly ClauseCitation[]): SafeHtml {
  if (clauses.length === 0) return html``;
  return html`<ul class="clauses">${clauses.map((clause) => html`<li><code>${clause.id}</code> <q>${clause.quote}</q></li>`)}</ul>`;
}

function renderChecks(result: CaseResult): SafeHtml {
  const interrupted =
    result.interruptedAt === undefined ? html`` : html`<p>Interrupted at step <code>${result.interruptedAt}</code>.</p>`;
  if (result.checks.length === 0) return html`${interrupted}<span class="where">No checks made.</span>`;
  const failed = result.checks.filter((check) => !check.passed).length;
  const label = `${result.checks.length} check${result.checks.length === 1 ? '' : 's'}${failed > 0 ? `, ${failed} failed` : ''}`;
  return html`<details><summary>${label}</summary>${interrupted}<ol class="checks">${result.checks.map(renderCheck)}</ol></details>`;
}

function renderCheck(check: CheckResult): SafeHtml {
  // A passing check that carries a listed deviation is an XPASS: the deviation was not seen this time.
  const status = check.passed ? (check.known === undefined ? 'passed' : 'fixed') : check.known === undefined ? 'failed' : 'known';
  const statusText = { known: 'known deviation', passed: 'passed', failed: 'failed', fixed: 'passed; listed deviation not seen' }[status];
  const documented =
    check.expected.length === 0
      ? html`success (set-up step)`
      : html`${check.expected.map((outcome, index) => html`${index > 0 ? ' or ' : ''}<code>${describeOutcome(outcome)}</code>`)}`;
  return html`<li class="check ${status}">
<div><span class="check-status">${statusText}</span> step <code>${check.stepId}</code> (${formatDuration(check.durationMs)})</div>
<dl>
<dt>Call</dt><dd><code>${describeCall(check.call, check.args)}</code></dd>
<dt>Documented</dt><dd>${documented}</dd>
<dt>Observed</dt><dd>${renderObserved(check)}</dd>${
    check.mismatch === undefined ? '' : html`
<dt>Mismatch</dt><dd>${check.mismatch}</dd>`
  }${check.known === undefined ? '' : renderKnownDeviation(check.known, check.passed)}
</dl>
</li>`;
}

/** The observation with each part that differs from the documentation inside a <mark>. */
function renderObserved(check: CheckResult): SafeHtml {
  const differing = new Set(check.differingKeys);
  const parts = describeOutcomeParts(check.observed);
  if (parts.length === 0) return html`<code>(nothing)</code>`;
  const rendered = parts.map(
    (part, index) => html`${index > 0 ? ' ' : ''}${differing.has(part.key) ? html`<mark>${part.text}</mark>` : part.text}`,
  );
  return html`<code>${rendered}</code>`;
}

function renderKnownDeviation(deviation: KnownDeviation, fixed: boolean): SafeHtml {
  return html`
<dt>${fixed ? 'Listed deviation (not seen)' : 'Known deviation'}</dt><dd>${deviation.reason}${deviation.bug === undefined ? '' : html` — ${renderBug(deviation.bug)}`}</dd>
<dt>Recorded</dt><dd><code>${describeOutcome(deviation.recorded)}</code></dd>`;
}

/** A bug reference; a link only for http(s) URLs, so a `javascript:` "bug" stays inert text. */
function renderBug(bug: string): SafeHtml {
  return /^https?:\/\//i.test(bug) ? html`<a href="${bug}" rel="noreferrer">${bug}</a>` : html`bug ${bug}`;
}
