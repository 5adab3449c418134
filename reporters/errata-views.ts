/**
 * The documentation errata (harness/judging/windows-reference/errata.ts) as the matrix and
 * atlas pages show them, as Markdown, and as text for the terminal: where the
 * page says one thing and real Windows does another, with the source.
 */
import type { Erratum } from '../harness/judging/windows-reference/errata.js';
import { describeExpected } from '../harness/judging/results/describe-outcome.js';
import { escapeTerminalLine } from './escape.js';
import { escapeMarkdown, markdownCode, markdownLink } from './markdown.js';
import { anchor, externalLink } from './page-style.js';
import { plural } from './plural.js';
import { html, type SafeHtml } from './safe-html.js';
import { clauseName } from '../harness/language/clauses/clause.js';

const INTRO = 'Steps where real Windows does what the page does not allow: the page may be wrong, or say less than Windows does.';

export function errataHtml(errata: readonly Erratum[], linkCases: boolean): SafeHtml {
  const items = errata.map(
    (erratum) => html`<li id="${anchor('erratum', `${erratum.case.id}.${erratum.step}`)}">
<p>${linkCases ? html`<a href="#${anchor('case', erratum.case.id)}"><code>${erratum.case.id}</code></a>` : html`<code>${erratum.case.id}</code>`} step <code>${erratum.step}</code>: ${erratum.case.title}</p>
<p>Page: <code>${describeExpected(erratum.documented)}</code> (${erratum.case.clauses.map(clauseName).join(', ')}) — Windows: <code>${describeExpected(erratum.reference.windows)}</code></p>
<p class="muted">${erratum.reference.versions} Source: ${externalLink(erratum.reference.url, erratum.reference.source)}${erratum.note === undefined ? '' : html` — ${erratum.note}`}</p>
<pre tabindex="0"><code>${erratum.quote}</code></pre>
</li>`,
  );
  return html`<section id="errata">
<h2>Documentation errata (${errata.length})</h2>
<p>${INTRO}</p>
${errata.length === 0 ? html`<p class="muted">None known.</p>` : html`<ol>${items}</ol>`}
</section>`;
}

export function errataMarkdown(errata: readonly Erratum[]): string {
  const lines = [`## Documentation errata (${errata.length})`, '', INTRO, ''];
  if (errata.length === 0) lines.push('None known.', '');
  for (const erratum of errata) {
    lines.push(
      `- ${markdownCode(erratum.case.id)} step ${markdownCode(erratum.step)}: ${escapeMarkdown(erratum.case.title)}  `,
      `  page: ${markdownCode(describeExpected(erratum.documented))} (${erratum.case.clauses.map((clause) => markdownCode(clauseName(clause))).join(', ')}); Windows: ${markdownCode(describeExpected(erratum.reference.windows))}  `,
      `  ${escapeMarkdown(erratum.reference.versions)} Source: ${markdownLink(erratum.reference.url, erratum.reference.source)}${erratum.note === undefined ? '' : ` — ${escapeMarkdown(erratum.note)}`}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export function errataText(errata: readonly Erratum[]): string {
  const blocks = errata.map((erratum) =>
    [
      `${erratum.case.id} ${erratum.step}: ${erratum.case.title}`,
      `  page:    ${describeExpected(erratum.documented)} (${erratum.case.clauses.map(clauseName).join(', ')})`,
      `  windows: ${describeExpected(erratum.reference.windows)}`,
      `  source:  ${erratum.reference.source} ${erratum.reference.url}`,
      `  which:   ${erratum.reference.versions}`,
      ...(erratum.note === undefined ? [] : [`  note:    ${erratum.note}`]),
    ]
      .map(escapeTerminalLine)
      .join('\n'),
  );
  return `${plural(errata.length, 'documentation erratum', 'documentation errata')}: ${INTRO}\n${blocks.map((block) => `\n${block}\n`).join('')}`;
}
