/**
 * atlas.html: each page walked clause by clause (harness/uses/atlas/build.ts) —
 * each clause's sentence, then for each case that cites it, step by step,
 * what the page documents, what Windows does, and what each provider was
 * observed to do — then the errata and the cases themselves.
 */
import { clauseName } from '../harness/language/clauses/clause.js';
import type { Atlas, AtlasCase, AtlasClause, AtlasPage, AtlasStep } from '../harness/uses/atlas/build.js';
import { errataHtml } from './errata-views.js';
import { anchor, externalLink, page, verdictLabel } from './page-style.js';
import { html, type SafeHtml } from './safe-html.js';
import { writeWholeFile } from './write-whole-file.js';

export const ATLAS_HTML = 'atlas.html';

export function writeAtlasPage(dir: string, atlas: Atlas): string {
  return writeWholeFile(dir, ATLAS_HTML, atlasPage(atlas));
}

export function atlasPage(atlas: Atlas): string {
  const casesById = new Map(atlas.cases.map((testCase) => [testCase.id, testCase]));
  return page(
    `Winsock conformance: ${pageNames(atlas)}, documented and observed`,
    html`<h1>${pageNames(atlas)}: documented and observed</h1>
<p>${introText(atlas)}</p>
<ul class="pages">${atlas.pages.map((page) => html`<li><a href="#${anchor('page', page.name)}">${page.name}</a>: ${rulesText(page.coverage, 'its')}</li>`)}</ul>
<h2>Runs</h2>
${atlas.runs.length === 0 ? html`<p class="muted">No runs: only the pages and Windows.</p>` : html`<ul class="runs">${atlas.runs.map(({ label, run }) => html`<li>${label}, ${run.startedAt}</li>`)}</ul>`}
${errataHtml(atlas.errata, true)}
${atlas.pages.map((documented) => pageSection(documented, casesById))}
<h2>Cases</h2>
${atlas.cases.map(caseArticle)}`,
  );
}

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

function pageSection(documented: AtlasPage, casesById: ReadonlyMap<string, AtlasCase>): SafeHtml {
  return html`<section id="${anchor('page', documented.name)}">
<h2>${documented.name} <span class="muted">(${documented.text})</span></h2>
${sections(documented.clauses).map(({ section, clauses }) => html`<h3>${section}</h3>${clauses.map((clause) => clauseArticle(documented.name, clause, casesById))}`)}
</section>`;
}

function clauseArticle(pageName: string, clause: AtlasClause, casesById: ReadonlyMap<string, AtlasCase>): SafeHtml {
  const cited = clause.cases.map(({ id, quote }) => {
    const testCase = casesById.get(id);
    return html`<h5><a href="#${anchor('case', id)}"><code>${id}</code></a>${testCase === undefined ? '' : html` ${testCase.title}`}</h5>
<p class="muted">quotes “${quote}”</p>
${testCase === undefined ? '' : stepsTable(testCase)}`;
  });
  const none = clause.kind === 'rule' ? html`<p class="muted">No case checks this clause yet.</p>` : html``;
  return html`<article id="${clauseAnchor({ page: pageName, id: clause.id })}">
<h4><code>${clause.id}</code> <span class="muted">${clause.kind}${clause.error === undefined ? '' : html`, ${clause.error}`}</span></h4>
<blockquote>${clause.text}</blockquote>
${clause.cases.length === 0 ? none : cited}
</article>`;
}

function stepsTable(testCase: AtlasCase): SafeHtml {
  if (testCase.steps.length === 0) return html`<p class="muted">No documented step.</p>`;
  return html`<table>
<thead><tr><th>Step</th><th>Page documents</th><th>Windows does</th><th>Observed</th></tr></thead>
<tbody>${testCase.steps.map(stepRow)}</tbody>
</table>`;
}

function stepRow(step: AtlasStep): SafeHtml {
  const windows = step.windows;
  return html`<tr><td><code>${step.stepId}</code>${step.stepId === step.call ? '' : html` <span class="muted">${step.call}</span>`}</td>
<td class="obs">${step.documentedText}</td>
<td class="obs">${windows === undefined ? html`<span class="muted">not known</span>` : html`${windows.text}<br><span class="muted">${externalLink(windows.url, windows.source)}</span>`}</td>
<td>${observations(step)}</td></tr>`;
}

function observations(step: AtlasStep): SafeHtml {
  const seen = step.observations.map(
    (observation) => html`<li><span class="obs">${observation.text}</span> <span class="muted">(${observation.standing})</span>: ${observation.runs.join('; ')}</li>`,
  );
  const missing = step.notMade.map((line) => html`<li class="muted">not made: ${line}</li>`);
  if (seen.length === 0 && missing.length === 0) return html`<span class="muted">no run</span>`;
  return html`<ul>${seen}${missing}</ul>`;
}

function caseArticle(testCase: AtlasCase): SafeHtml {
  return html`<article id="${anchor('case', testCase.id)}">
<h3><code>${testCase.id}</code> ${testCase.title}</h3>
<p class="muted">${testCase.file}:${testCase.line}${testCase.description === undefined ? '' : html` — ${testCase.description}`}</p>
<p>Cites ${testCase.clauses.map((clause, index) => html`${index === 0 ? '' : ', '}<a href="#${clauseAnchor(clause)}"><code>${clauseName(clause)}</code></a>`)}.</p>
${testCase.verdicts.length === 0 ? '' : html`<p>${testCase.verdicts.map(({ run, verdict }) => html`${verdictLabel(verdict)} ${run}<br>`)}</p>`}
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
