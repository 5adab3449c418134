/**
 * atlas.html: a map of each page (harness/uses/atlas/build.ts). The page's
 * own text, clause by clause in its order, each clause with a strip of
 * marks — one per case citing it and per run, in the verdict's colour, a
 * listed deviation (KNOWN) in its own — each case's marks linking to the
 * case. Then the errata, and each case once: its verdict in each run (runs
 * named by letter), the clauses it cites, and its steps — what the page
 * documents, what Windows does, what each run observed — shown when the case
 * is opened from a mark, or for every case at a switch. No script: the
 * switch and the links work by CSS (`:checked ~`, `:target`).
 */
import { clauseName } from '../harness/language/clauses/clause.js';
import type { Atlas, AtlasCase, AtlasClause, AtlasPage, AtlasStep } from '../harness/uses/atlas/build.js';
import { errataHtml } from './errata-views.js';
import { anchor, columnLetter, externalLink, page, verdictLabel } from './page-style.js';
import { html, type SafeHtml } from './safe-html.js';
import { writeWholeFile } from './write-whole-file.js';

export const ATLAS_HTML = 'atlas.html';

export function writeAtlasPage(dir: string, atlas: Atlas): string {
  return writeWholeFile(dir, ATLAS_HTML, atlasPage(atlas));
}

/** Each run's letter, by its label: cells name runs by letter, the list of runs says which is which. */
type RunLetters = ReadonlyMap<string, string>;

export function atlasPage(atlas: Atlas): string {
  const casesById = new Map(atlas.cases.map((testCase) => [testCase.id, testCase]));
  const letters: RunLetters = new Map(atlas.runs.map(({ label }, index) => [label, columnLetter(index)]));
  return page(
    `Winsock conformance: ${pageNames(atlas)}, documented and observed`,
    html`<h1>${pageNames(atlas)}: documented and observed</h1>
<p>${introText(atlas)}</p>
<ul class="pages">${atlas.pages.map((page) => html`<li><a href="#${anchor('page', page.name)}">${page.name}</a>: ${rulesText(page.coverage, 'its')}</li>`)}</ul>
<h2>Runs</h2>
${atlas.runs.length === 0 ? html`<p class="muted">No runs: only the pages and Windows.</p>` : html`<ol class="runs" type="A">${atlas.runs.map(({ label, run }) => html`<li>${label}, ${run.startedAt}</li>`)}</ol>`}
<p class="keys">Under each clause, a mark per case citing it and per run (${atlas.runs.map((_, index) => columnLetter(index)).join(', ')}), in the verdict's colour: ${['PASS', 'KNOWN', 'FAIL', 'SKIP'].map((verdict) => html`<span class="key v-${verdict}"><span class="swatch"></span>${verdict === 'KNOWN' ? 'KNOWN (a listed deviation)' : verdict}</span>`)}and the other verdicts in theirs. A case's marks link to it.</p>
${atlas.pages.map((documented) => pageSection(documented, casesById, letters))}
${errataHtml(atlas.errata, true)}
<h2 id="cases-title">Cases</h2>
<input type="checkbox" id="all-steps"> <label for="all-steps">Show every case's steps (a case opened from a mark shows its own)</label>
<div class="cases">${atlas.cases.map((testCase) => caseArticle(testCase, letters))}</div>`,
    ATLAS_CSS,
  );
}

/** The page's own rules: the strips of marks, the steps shown on request, the step names kept whole. */
const ATLAS_CSS = `
.keys .key { display: inline-flex; align-items: center; gap: .25rem; margin-right: .75rem; }
.swatch { display: inline-block; width: 12px; height: 12px; background: var(--verdict); border: 1px solid var(--line); }
article.clause { display: grid; grid-template-columns: minmax(0, 1fr) minmax(8rem, 16rem); gap: .1rem .75rem; margin: 0 0 .35rem; padding-left: .5rem; border-left: 4px solid var(--line); }
article.clause .words { margin: 0; }
article.clause h4 { display: inline; font-size: .8rem; font-weight: 600; margin: 0 .4rem 0 0; }
article.clause h4 code { font-size: .8rem; }
.marks { display: flex; flex-wrap: wrap; gap: 4px; align-content: flex-start; margin: .15rem 0 0; }
@media (max-width: 600px) { article.clause { grid-template-columns: minmax(0, 1fr); } }
a.case-marks { display: inline-flex; gap: 1px; padding: 2px; border: 1px solid var(--line); border-radius: 3px; text-decoration: none; }
a.case-marks:hover, a.case-marks:focus-visible { outline: 2px solid var(--text); outline-offset: 1px; }
a.case-marks .mark { display: inline-block; width: 10px; height: 14px; background: var(--verdict); }
.uncited { font-size: .85rem; margin: .15rem 0 0; }
article.case { border-top: 1px solid var(--line); padding: .4rem 0; scroll-margin-top: .5rem; }
article.case h3 { font-size: 1rem; margin: 0; }
article.case p { margin: .1rem 0; font-size: .9rem; }
article.case:target { outline: 2px solid var(--text); outline-offset: 4px; }
.steps { display: none; margin: .25rem 0; padding-left: 1.5rem; }
.steps li { overflow-wrap: anywhere; }
/* File names, case ids and paths the pages quote (spec/WSAConnectByNameW/page.txt, %WINDIR%\\system32\\…) have no space to break at: on a phone they must break anywhere. */
main { overflow-wrap: anywhere; }
.steps .obs { padding: 0 .2rem; }
#all-steps:checked ~ .cases .steps, article.case:target .steps { display: block; }
@media (max-width: 600px) { body { padding: .75rem; } }
`;

/** `WSAConnect, connect`: the pages, as a title names them. */
export function pageNames(atlas: Atlas): string {
  return atlas.pages.map((documented) => documented.name).join(', ');
}

/** What the atlas is, and how much of the pages' rules the cases check: its opening paragraph. */
export function introText(atlas: Atlas): string {
  return `Every clause of each page, in its order; under each, the cases that cite it, with what the page documents, what real Windows does where a public source says, and what each provider was observed to do. ${rulesText(atlas.coverage, "the pages'")}`;
}

/** `12 of the pages' 40 rule clauses are checked by a case.` */
export function rulesText(coverage: AtlasPage['coverage'], whose: string): string {
  return `${coverage.rulesCited} of ${whose} ${coverage.rules} rule clauses are checked by a case.`;
}

/** Where a cited clause is in the atlas: its page's name is part of it, ids being unique only within a page. */
export function clauseAnchor(citation: { readonly page: string; readonly id: string }): string {
  return anchor('clause', clauseName(citation));
}

function pageSection(documented: AtlasPage, casesById: ReadonlyMap<string, AtlasCase>, letters: RunLetters): SafeHtml {
  return html`<section id="${anchor('page', documented.name)}">
<h2>${documented.name} <span class="muted">(${documented.text})</span></h2>
${sections(documented.clauses).map(({ section, clauses }) => html`<h3>${section}</h3>${clauses.map((clause) => clauseArticle(documented.name, clause, casesById, letters))}`)}
</section>`;
}

/** The clause's words, then a mark per case citing it and per run, each case's marks one link to it. */
function clauseArticle(pageName: string, clause: AtlasClause, casesById: ReadonlyMap<string, AtlasCase>, letters: RunLetters): SafeHtml {
  const marks = clause.cases.map(({ id }) => {
    const testCase = casesById.get(id);
    const verdicts = testCase?.verdicts ?? [];
    // Runs by letter: the title is written once per citation, thousands of times in a large atlas.
    const label = `${id}${verdicts.length === 0 ? '' : `: ${verdicts.map(({ run, verdict }) => `${letters.get(run) ?? run} ${verdict}`).join(', ')}`}`;
    return html`<a class="case-marks" href="#${anchor('case', id)}" title="${label}">${verdicts.length === 0 ? html`<span class="mark"></span>` : verdicts.map(({ verdict }) => html`<span class="mark v-${verdict}"></span>`)}</a>`;
  });
  const none = clause.kind === 'rule' ? html`<p class="uncited muted">No case checks this clause yet.</p>` : html``;
  return html`<article class="clause" id="${clauseAnchor({ page: pageName, id: clause.id })}">
<div class="words"><h4><code>${clause.id}</code> <span class="muted">${clause.kind}${clause.error === undefined ? '' : html`, ${clause.error}`}</span></h4>${clause.text}</div>
${clause.cases.length === 0 ? none : html`<p class="marks">${marks}</p>`}
</article>`;
}

/**
 * A case's documented steps, a list item each: what the page documents,
 * what Windows does, what each run observed. A list, not a table: an atlas
 * of thousands of cases holds one per case, and the page must open at once.
 */
function stepsList(testCase: AtlasCase, letters: RunLetters): SafeHtml {
  if (testCase.steps.length === 0) return html`<p class="steps muted">No documented step.</p>`;
  return html`<ol class="steps">${testCase.steps.map((step) => stepItem(step, letters))}</ol>`;
}

function stepItem(step: AtlasStep, letters: RunLetters): SafeHtml {
  const windows = step.windows;
  const seen = step.observations.map((observation) => html`; <span class="obs ${observation.standing}">${observation.text}</span> (${observation.standing}) ${runs(observation.runs, letters)}`);
  const missing = step.notMade.map(({ run, verdict }) => html`; not made by ${runs([run], letters)} (${verdict})`);
  return html`<li><code>${step.stepId}</code>${step.stepId === step.call ? '' : ` (${step.call})`}: page <span class="obs">${step.documentedText}</span>; Windows ${windows === undefined ? 'not known' : html`<span class="obs">${windows.text}</span> (${externalLink(windows.url, windows.source)})`}${seen}${missing}${seen.length === 0 && missing.length === 0 ? '; no run' : ''}</li>`;
}

/** Runs by letter (the list of runs says which is which). */
function runs(labels: readonly string[], letters: RunLetters): string {
  return labels.map((label) => letters.get(label) ?? label).join(', ');
}

function caseArticle(testCase: AtlasCase, letters: RunLetters): SafeHtml {
  return html`<article class="case" id="${anchor('case', testCase.id)}">
<h3><code>${testCase.id}</code> ${testCase.title}</h3>
<p>${testCase.verdicts.map(({ run, verdict }) => html`${runs([run], letters)} ${verdictLabel(verdict)} `)}<span class="muted">${testCase.file}:${testCase.line}</span> · cites ${testCase.clauses.map((clause, index) => html`${index === 0 ? '' : ', '}<a href="#${clauseAnchor(clause)}"><code>${clauseName(clause)}</code></a>`)}</p>
${testCase.description === undefined ? '' : html`<p class="muted">${testCase.description}</p>`}
${stepsList(testCase, letters)}
</article>`;
}

/** The clauses grouped by section, in the page's order. */
export function sections(clauses: readonly AtlasClause[]): { section: string; clauses: AtlasClause[] }[] {
  const grouped: { section: string; clauses: AtlasClause[] }[] = [];
  for (const clause of clauses) {
    const last = grouped[grouped.length - 1];
    if (last !== undefined && last.section === clause.section) last.clauses.push(clause);
    else grouped.push({ section: clause.section, clauses: [clause] });
  }
  return grouped;
}
