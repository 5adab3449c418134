/**
 * atlas.md: the atlas (harness/uses/atlas/build.ts) as Markdown for a wiki, in
 * the same order as atlas.html: the runs, the errata, each page clause by
 * clause with the cases that cite it, then the cases.
 */
import { clauseName } from '../harness/language/clauses/clause.js';
import type { Atlas, AtlasCase, AtlasClause, AtlasStep } from '../harness/uses/atlas/build.js';
import { clauseAnchor, introText, pageNames, rulesText, sections } from './atlas-page.js';
import { errataMarkdown } from './errata-views.js';
import { escapeMarkdown, markdownCode, markdownLink, markdownQuote, markdownRow } from './markdown.js';
import { anchor } from './page-style.js';
import { writeWholeFile } from './write-whole-file.js';

export const ATLAS_MARKDOWN = 'atlas.md';

export function writeAtlasMarkdown(dir: string, atlas: Atlas): string {
  return writeWholeFile(dir, ATLAS_MARKDOWN, atlasMarkdown(atlas));
}

export function atlasMarkdown(atlas: Atlas): string {
  const casesById = new Map(atlas.cases.map((testCase) => [testCase.id, testCase]));
  const lines = [
    `# ${escapeMarkdown(pageNames(atlas))}: documented and observed`,
    '',
    escapeMarkdown(introText(atlas)),
    '',
    ...atlas.pages.map((page) => `- [${escapeMarkdown(page.name)}](#${anchor('page', page.name)}): ${rulesText(page.coverage, 'its')}`),
    '',
    '## Runs',
    '',
    ...(atlas.runs.length === 0 ? ['No runs: only the pages and Windows.'] : atlas.runs.map(({ label, run }) => `- ${escapeMarkdown(label)}, ${escapeMarkdown(run.startedAt)}`)),
    '',
    errataMarkdown(atlas.errata),
  ];
  for (const page of atlas.pages) {
    lines.push(`<a id="${anchor('page', page.name)}"></a>`, `## ${escapeMarkdown(page.name)} (${escapeMarkdown(page.text)})`, '');
    for (const { section, clauses } of sections(page.clauses)) {
      lines.push(`### ${escapeMarkdown(section)}`, '');
      for (const clause of clauses) lines.push(...clauseLines(page.name, clause, casesById));
    }
  }
  lines.push('## Cases', '');
  for (const testCase of atlas.cases) lines.push(...caseLines(testCase));
  return `${lines.join('\n')}\n`;
}

function clauseLines(pageName: string, clause: AtlasClause, casesById: ReadonlyMap<string, AtlasCase>): string[] {
  const lines = [
    `<a id="${clauseAnchor({ page: pageName, id: clause.id })}"></a>`,
    `#### ${markdownCode(clause.id)} (${clause.kind}${clause.error === undefined ? '' : `, ${escapeMarkdown(clause.error)}`})`,
    '',
    markdownQuote(clause.text),
    '',
  ];
  if (clause.cases.length === 0 && clause.kind === 'rule') lines.push('_No case checks this clause yet._', '');
  for (const { id, quote } of clause.cases) {
    const testCase = casesById.get(id);
    lines.push(`**[${markdownCode(id)}](#${anchor('case', id)})** ${escapeMarkdown(testCase?.title ?? '')} — quotes “${escapeMarkdown(quote)}”`, '');
    if (testCase !== undefined) lines.push(...stepsTable(testCase));
  }
  return lines;
}

function stepsTable(testCase: AtlasCase): string[] {
  if (testCase.steps.length === 0) return ['_No documented step._', ''];
  return [markdownRow(['Step', 'Page documents', 'Windows does', 'Observed']), markdownRow(['---', '---', '---', '---']), ...testCase.steps.map(stepRow), ''];
}

function stepRow(step: AtlasStep): string {
  const windows = step.windows === undefined ? '_not known_' : `${markdownCode(step.windows.text)} (${markdownLink(step.windows.url, step.windows.source)})`;
  const seen = step.observations.map((observation) => `${markdownCode(observation.text)} (${observation.standing}): ${escapeMarkdown(observation.runs.join('; '))}`);
  const missing = step.notMade.map(({ run, verdict, message }) => `not made: ${escapeMarkdown(`${run}: ${verdict} (${message})`)}`);
  const observed = [...seen, ...missing].join('<br>') || '_no run_';
  return markdownRow([markdownCode(step.stepId), markdownCode(step.documentedText), windows, observed]);
}

function caseLines(testCase: AtlasCase): string[] {
  return [
    `<a id="${anchor('case', testCase.id)}"></a>`,
    `### ${markdownCode(testCase.id)} ${escapeMarkdown(testCase.title)}`,
    '',
    `${escapeMarkdown(`${testCase.file}:${testCase.line}`)}${testCase.description === undefined ? '' : ` — ${escapeMarkdown(testCase.description)}`}`,
    '',
    `Cites ${testCase.clauses.map((clause) => `[${markdownCode(clauseName(clause))}](#${clauseAnchor(clause)})`).join(', ')}.`,
    '',
    ...testCase.verdicts.map(({ run, verdict }) => `- ${verdict} ${escapeMarkdown(run)}`),
    '',
  ];
}
