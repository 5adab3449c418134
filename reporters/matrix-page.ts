/**
 * matrix.html and matrix.json: the result matrix of several runs
 * (harness/uses/matrix/build.ts). The page opens with a picture: every case
 * a strip of cells, one per column in its verdict's colour, grouped by case
 * file, marked where the columns differ and where a run did what Windows
 * does not; each strip links to the case's steps. Then the columns and the
 * runs in each, the documentation errata, the steps where the providers
 * agree against the page, and the table of steps — by default only those
 * where the columns differ, with a switch for all — the page's outcome,
 * Windows' outcome, and in each column what was observed, coloured by how it
 * stood. No script: the switch and the links work by CSS (`:checked ~`, `:target`).
 */
import type { Matrix, MatrixCase, MatrixCell, MatrixColumn, MatrixStep } from '../harness/uses/matrix/build.js';
import { describeExpected } from '../harness/judging/results/describe-outcome.js';
import { errataHtml } from './errata-views.js';
import { anchor, columnLetter, externalLink, page, verdictLabel } from './page-style.js';
import { html, type SafeHtml } from './safe-html.js';
import { writeWholeFile } from './write-whole-file.js';
import { providerLabel } from '../harness/judging/results/provider-label.js';
import { clauseName } from '../harness/language/clauses/clause.js';
import { VERDICTS } from '../harness/judging/results/result.js';

export const MATRIX_HTML = 'matrix.html';
export const MATRIX_JSON = 'matrix.json';

/** Writes matrix.html and matrix.json into `dir`; returns their paths. */
export function writeMatrix(dir: string, matrix: Matrix): string[] {
  return [writeWholeFile(dir, MATRIX_HTML, matrixPage(matrix)), writeWholeFile(dir, MATRIX_JSON, `${JSON.stringify(matrix, null, 2)}\n`)];
}

export function matrixPage(matrix: Matrix): string {
  const flagged = matrix.cases.flatMap((testCase) => testCase.steps.filter((step) => step.possibleDocumentationError).map((step) => ({ testCase, step })));
  const differing = matrix.cases.filter((testCase) => testCase.differs).length;
  const unlikeWindows = matrix.cases.filter((testCase) => testCase.differsFromWindows).length;
  const steps = matrix.cases.reduce((count, testCase) => count + testCase.steps.length, 0);
  const differingSteps = matrix.cases.reduce((count, testCase) => count + testCase.steps.filter((step) => step.differs).length, 0);
  // Without any Windows reference among the steps, its column would say nothing in every row.
  const withWindows = matrix.cases.some((testCase) => testCase.steps.some((step) => step.reference !== undefined));
  return page(
    'Winsock conformance: result matrix',
    html`<h1>Result matrix</h1>
<p>${matrix.cases.length} cases, ${matrix.columns.reduce((count, column) => count + column.runs.length, 0)} runs in ${matrix.columns.length} columns (runs that behaved identically at every step share one); the columns differ in <strong>${differing}</strong> cases, and a run did what Windows does not in <strong>${unlikeWindows}</strong>. Ports and socket handles are shown as <code>*</code>.</p>
${picture(matrix)}
${columnsSection(matrix.columns)}
${errataHtml(matrix.errata, true)}
${flaggedSection(flagged)}
<h2 id="steps-title">Steps</h2>
<input type="checkbox" id="all-steps"> <label for="all-steps">Show every step, also where all columns agree (${differingSteps} of ${steps} steps differ)</label>
<p class="legend"><span class="expected">as judged (page, or Windows)</span><span class="recorded">listed deviation, as recorded</span><span class="unexpected">unexpected</span><span class="flag">⚑ possible documentation error</span></p>
<div class="wide" tabindex="0" role="region" aria-labelledby="steps-title">
<table id="steps">
<thead><tr><th>Case / step</th><th>Page documents</th>${withWindows ? html`<th>Windows does</th>` : ''}${matrix.columns.map((column, index) => html`<th><abbr title="${column.label}">${columnLetter(index)}</abbr></th>`)}</tr></thead>
${matrix.cases.map((testCase) => caseRows(testCase, withWindows))}
</table>
</div>`,
    MATRIX_CSS,
  );
}

/** The page's own rules: the picture, the switch, the table that scrolls by itself on a narrow screen. */
const MATRIX_CSS = `
.columns-key { margin: .25rem 0; padding-left: 1.5rem; }
.columns-key li { overflow-wrap: anywhere; }
.groups { display: flex; flex-wrap: wrap; gap: .5rem 1rem; }
.group { max-width: 100%; }
.group h3 { font-size: .8rem; font-weight: 600; margin: 0 0 .15rem; overflow-wrap: anywhere; }
.strips { display: flex; flex-wrap: wrap; gap: 2px; }
a.strip { display: flex; flex-direction: column; gap: 1px; width: 9px; text-decoration: none; border-top: 3px solid transparent; border-bottom: 3px solid transparent; padding: 1px 0; }
a.strip:focus-visible, a.strip:hover { outline: 2px solid var(--text); outline-offset: 1px; }
a.strip .cell { height: 9px; background: var(--verdict, #fff); border: 1px solid var(--line); }
a.strip .cell.v-none { background: #fff; }
a.strip.differs { border-top-color: var(--text); }
a.strip.windows { border-bottom: 3px dotted var(--text); }
.key { display: inline-flex; align-items: center; gap: .25rem; margin-right: .75rem; }
.key .swatch { display: inline-block; width: 12px; height: 12px; background: var(--verdict); border: 1px solid var(--line); }
.key .bar { display: inline-block; width: 12px; height: 3px; background: var(--text); }
.key .bar.striped { background: none; border-top: 3px dotted var(--text); height: 0; }
#steps td.step { font: 13px/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
.wide { max-width: 100%; overflow-x: auto; }
#steps { min-width: 100%; }
#all-steps:not(:checked) ~ .wide .agrees { display: none; }
.wide #steps tbody.agrees:target { display: table-row-group; }
.wide #steps tbody:target tr.agrees { display: table-row; }
#steps tbody:target tr.case th { outline: 2px solid var(--text); outline-offset: -2px; }
#steps tbody { scroll-margin-top: 3rem; }
@media (max-width: 600px) { body { padding: .75rem; } }
`;

/**
 * Every case at a glance: a strip per case, a cell per column from top to
 * bottom, in the case's verdict in that column; a bar above where the
 * columns differ, a striped bar below where a run did what Windows does not.
 */
function picture(matrix: Matrix): SafeHtml {
  const groups = new Map<string, MatrixCase[]>();
  for (const testCase of matrix.cases) groups.set(testCase.file, [...(groups.get(testCase.file) ?? []), testCase]);
  return html`<section id="picture" aria-labelledby="picture-title">
<h2 id="picture-title">At a glance</h2>
<p class="keys">Each case is a strip: a cell per column, ${matrix.columns.map((_, index) => columnLetter(index)).join(', ')} from top to bottom, in its verdict's colour. <span class="key"><span class="bar"></span>above: the columns differ</span><span class="key"><span class="bar striped"></span>below: a run did what Windows does not</span>Select a strip for its steps.</p>
<p class="keys">${VERDICTS.map((verdict) => html`<span class="key v-${verdict}"><span class="swatch"></span>${verdict}</span>`)}<span class="key"><span class="swatch v-none"></span>not run</span></p>
<ol class="columns-key" type="A">${matrix.columns.map((column) => html`<li>${column.label}${column.runs.length === 1 ? '' : ` (${column.runs.length} runs)`}</li>`)}</ol>
<div class="groups">${[...groups].map(
    ([file, cases]) => html`<div class="group"><h3>${file} <span class="muted">(${cases.length})</span></h3><div class="strips">${cases.map((testCase) => strip(testCase))}</div></div>`,
  )}</div>
</section>`;
}

function strip(testCase: MatrixCase): SafeHtml {
  const verdicts = testCase.verdicts.map((verdict, index) => `${columnLetter(index)} ${verdict ?? 'not run'}`).join(', ');
  const marks = [testCase.differs ? 'the columns differ' : '', testCase.differsFromWindows ? 'a run did what Windows does not' : ''].filter(Boolean);
  const label = `${testCase.id}: ${verdicts}${marks.length === 0 ? '' : `; ${marks.join('; ')}`}`;
  const classes = ['strip', testCase.differs ? 'differs' : '', testCase.differsFromWindows ? 'windows' : ''].filter(Boolean).join(' ');
  // The title names the link for assistive technology too (and shows on hover): once is enough for 2,000 strips.
  return html`<a class="${classes}" href="#${anchor('case', testCase.id)}" title="${label}">${testCase.verdicts.map((verdict) => html`<span class="cell v-${verdict ?? 'none'}"></span>`)}</a>`;
}

function columnsSection(columns: readonly MatrixColumn[]): SafeHtml {
  return html`<h2>Columns</h2>
<ol>${columns.map(
    (column, index) => html`<li><strong>${columnLetter(index)}: ${column.label}</strong>
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

function caseRows(testCase: MatrixCase, withWindows: boolean): SafeHtml {
  const flaggedCase = testCase.steps.some((step) => step.possibleDocumentationError);
  return html`<tbody id="${anchor('case', testCase.id)}"${testCase.differs ? '' : html` class="agrees"`}><tr class="case${flaggedCase ? ' flagged' : ''}"><th colspan="${withWindows ? 3 : 2}"><code>${testCase.id}</code> ${testCase.title} <span class="muted">(${testCase.file}:${testCase.line}; ${testCase.clauses.map(clauseName).join(', ')})</span></th>${testCase.verdicts.map((verdict) => html`<th>${verdictLabel(verdict)}</th>`)}</tr>
${testCase.steps.map((step) => stepRow(step, withWindows))}</tbody>`;
}

function stepRow(step: MatrixStep, withWindows: boolean): SafeHtml {
  const reference = step.reference;
  const classes = [step.possibleDocumentationError ? 'flagged' : '', step.differs ? '' : 'agrees'].filter(Boolean).join(' ');
  const windows = reference === undefined ? html`<td class="obs muted">—</td>` : html`<td class="obs">${describeExpected(reference.windows)}<br><span class="muted">${externalLink(reference.url, reference.source)}</span></td>`;
  return html`<tr${classes === '' ? '' : html` class="${classes}"`}><td class="step">${step.stepId}${step.stepId === step.call ? '' : html` <span class="muted">${step.call}</span>`}${step.possibleDocumentationError ? html` <span class="flag" title="possible documentation error">⚑</span>` : ''}</td><td class="obs">${step.documentedText}</td>${withWindows ? windows : ''}${cells(step.cells)}</tr>`;
}

/** A cell per column; where every column shows the same, one cell across them, which says so once. */
function cells(values: readonly MatrixCell[]): SafeHtml {
  const [first] = values;
  const same = first !== undefined && values.length > 1 && values.every((value) => value.state === first.state && value.text === first.text && value.standing === first.standing);
  if (!same) return html`${values.map(cell)}`;
  return html`<td class="obs ${kindOf(first)}" colspan="${values.length}">${first.text} (every column)</td>`;
}

function cell(value: MatrixCell): SafeHtml {
  return html`<td class="obs ${kindOf(value)}">${value.text}</td>`;
}

function kindOf(value: MatrixCell): string {
  return value.state === 'made' ? (value.standing ?? 'expected') : value.state;
}

/** What the agreeing providers observed: the first cell that has an observation. */
function observedText(step: MatrixStep): string {
  return step.cells.find((candidate) => candidate.state === 'made')?.text ?? '';
}
