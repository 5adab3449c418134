/**
 * matrix.html and matrix.json: the result matrix of several runs
 * (harness/uses/matrix/build.ts). The page: the columns and the runs in each, the
 * documentation errata, the steps where the providers agree against the page,
 * then one table — a row per case and per step, the page's outcome, Windows'
 * outcome, and in each column what was observed, coloured by how it stood.
 */
import type { Matrix, MatrixCase, MatrixCell, MatrixColumn, MatrixStep } from '../harness/uses/matrix/build.js';
import { describeExpected } from '../harness/judging/results/describe-outcome.js';
import { errataHtml } from './errata-views.js';
import { anchor, externalLink, page, verdictLabel } from './page-style.js';
import { html, type SafeHtml } from './safe-html.js';
import { writeWholeFile } from './write-whole-file.js';
import { providerLabel } from '../harness/judging/results/provider-label.js';
import { clauseName } from '../harness/language/clauses/clause.js';

export const MATRIX_HTML = 'matrix.html';
export const MATRIX_JSON = 'matrix.json';

/** Writes matrix.html and matrix.json into `dir`; returns their paths. */
export function writeMatrix(dir: string, matrix: Matrix): string[] {
  return [writeWholeFile(dir, MATRIX_HTML, matrixPage(matrix)), writeWholeFile(dir, MATRIX_JSON, `${JSON.stringify(matrix, null, 2)}\n`)];
}

export function matrixPage(matrix: Matrix): string {
  const flagged = matrix.cases.flatMap((testCase) => testCase.steps.filter((step) => step.possibleDocumentationError).map((step) => ({ testCase, step })));
  return page(
    'Winsock conformance: result matrix',
    html`<h1>Result matrix</h1>
<p>${matrix.cases.length} cases, ${matrix.columns.reduce((count, column) => count + column.runs.length, 0)} runs in ${matrix.columns.length} columns: runs that behaved identically at every step share one. Ports and socket handles are shown as <code>*</code>.</p>
${columnsSection(matrix.columns)}
${errataHtml(matrix.errata, true)}
${flaggedSection(flagged)}
<h2>Cases</h2>
<p class="legend"><span class="expected">as judged (page, or Windows)</span><span class="recorded">listed deviation, as recorded</span><span class="unexpected">unexpected</span><span class="flag">⚑ possible documentation error</span></p>
<table>
<thead><tr><th>Case / step</th><th>Page documents</th><th>Windows does</th>${matrix.columns.map((column, index) => html`<th>${columnName(index)}: ${column.label}${column.runs.length === 1 ? '' : ` (${column.runs.length} runs)`}</th>`)}</tr></thead>
<tbody>${matrix.cases.map((testCase) => caseRows(testCase))}</tbody>
</table>`,
  );
}

function columnsSection(columns: readonly MatrixColumn[]): SafeHtml {
  return html`<h2>Columns</h2>
<ol>${columns.map(
    (column, index) => html`<li><strong>${columnName(index)}: ${column.label}</strong>
<ul class="runs">${column.runs.map(
      (run) => html`<li>${providerLabel(run)} on ${run.host}, ${run.startedAt}${run.judgedAgainst === 'docs' ? '' : ', judged against Windows'}${run.origin === undefined ? '' : html` <span class="muted">(${run.origin})</span>`}</li>`,
    )}</ul></li>`,
  )}</ol>`;
}

function flaggedSection(flagged: readonly { testCase: MatrixCase; step: MatrixStep }[]): SafeHtml {
  const items = flagged.map(
    ({ testCase, step }) =>
      html`<li><a href="#${anchor('case', testCase.id)}"><code>${testCase.id}</code></a> step <code>${step.stepId}</code>: page <code>${step.documentedText}</code>, every provider observed <code>${observedText(step)}</code></li>`,
  );
  return html`<section id="possible-documentation-errors">
<h2>Possible documentation errors (${flagged.length})</h2>
<p>Steps where every provider that made the call observed the same thing, and not what the page documents. Stacks that share an ancestry (Wine runs on the host's kernel) are not independent witnesses: read these as places to look.</p>
${flagged.length === 0 ? html`<p class="muted">None.</p>` : html`<ul>${items}</ul>`}
</section>`;
}

function caseRows(testCase: MatrixCase): SafeHtml {
  const flaggedCase = testCase.steps.some((step) => step.possibleDocumentationError);
  return html`<tr class="case${flaggedCase ? ' flagged' : ''}" id="${anchor('case', testCase.id)}"><th colspan="3"><code>${testCase.id}</code> ${testCase.title} <span class="muted">(${testCase.file}:${testCase.line}; ${testCase.clauses.map(clauseName).join(', ')})</span></th>${testCase.verdicts.map((verdict) => html`<th>${verdictLabel(verdict)}</th>`)}</tr>
${testCase.steps.map(stepRow)}`;
}

function stepRow(step: MatrixStep): SafeHtml {
  const reference = step.reference;
  return html`<tr${step.possibleDocumentationError ? html` class="flagged"` : ''}><td><code>${step.stepId}</code>${step.stepId === step.call ? '' : html` <span class="muted">${step.call}</span>`}${step.possibleDocumentationError ? html` <span class="flag" title="possible documentation error">⚑</span>` : ''}</td><td class="obs">${step.documentedText}</td><td class="obs">${reference === undefined ? html`<span class="muted">—</span>` : html`${describeExpected(reference.windows)}<br><span class="muted">${externalLink(reference.url, reference.source)}</span>`}</td>${step.cells.map(cell)}</tr>`;
}

function cell(value: MatrixCell): SafeHtml {
  const kind = value.state === 'made' ? (value.standing ?? 'expected') : value.state;
  return html`<td class="obs ${kind}">${value.text}</td>`;
}

/** What the agreeing providers observed: the first cell that has an observation. */
function observedText(step: MatrixStep): string {
  return step.cells.find((candidate) => candidate.state === 'made')?.text ?? '';
}

/** `A`, `B`… then `AA`: short names for the columns in headers. */
function columnName(index: number): string {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  return index < letters.length ? (letters[index] ?? '') : `${columnName(Math.floor(index / letters.length) - 1)}${letters[index % letters.length] ?? ''}`;
}
