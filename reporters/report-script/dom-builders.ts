/**
 * The DOM builders of report.html: a case's row, its details, a check, the
 * clause index. Each builds elements from text nodes only, so nothing of a
 * case is parsed as markup. Inlined into the page by source text
 * (script.ts): they call each other by name, and import values only from the
 * other modules of the page's script.
 */
import type { CheckStatus, CheckView, CaseView, ReportData, VariedCaseView } from '../html-view.js';
/** An element of a tag, with attributes and children. */
export type ElementMaker = (tag: string, attributes: { readonly [name: string]: string }, ...children: readonly (Node | string)[]) => HTMLElement;

/** Makes elements of `doc`; strings become text nodes, so nothing is parsed as markup. */
export function elementsOf(doc: Document): ElementMaker {
  return (tag, attributes, ...children) => {
    const created = doc.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) created.setAttribute(name, value);
    created.append(...children);
    return created;
  };
}

/** A case's row in the table: verdict, id (the link that opens its details), title, why, file:line. */
export function buildRow(doc: Document, view: CaseView, index: number): HTMLTableRowElement {
  const e = elementsOf(doc);
  const row = doc.createElement('tr');
  row.className = `case v-${view.verdict}`;
  row.dataset['index'] = String(index);
  row.append(
    e('td', {}, e('span', { class: 'verdict' }, view.verdict)),
    e('td',
      {},
      e('a', { class: 'case-link', href: `#case=${encodeURIComponent(view.id)}`, 'aria-expanded': 'false' }, e('code', {}, view.id)),
      ...(view.change === undefined ? [] : [' ', e('span', { class: `change c-${view.change.kind}`, title: `since the baseline: ${view.change.verdicts}` }, view.change.heading)]),
      e('div', { class: 'title' }, view.title),
      e('div', { class: 'message' }, view.message),
    ),
    e('td', { class: 'where' }, `${view.file}:${view.line}`),
  );
  return row;
}

/** The row of a case written with variations: the worst verdict among them, and a button that opens into their rows. */
export function buildVariedRow(doc: Document, varied: VariedCaseView, variedIndex: number, cases: readonly CaseView[]): HTMLTableRowElement {
  const e = elementsOf(doc);
  const members = varied.members.flatMap((index) => {
    const view = cases[index];
    return view === undefined ? [] : [`${view.id.slice(varied.id.length + 1)} ${view.verdict}`];
  });
  const first = cases[varied.members[0] ?? -1];
  const row = doc.createElement('tr');
  row.className = `case varied v-${varied.verdict}`;
  row.dataset['varied'] = String(variedIndex);
  row.append(
    e('td', {}, e('span', { class: 'verdict' }, varied.verdict)),
    e(
      'td',
      {},
      e('button', { type: 'button', class: 'variations-toggle', 'aria-expanded': 'false' }, e('code', {}, varied.id)),
      e('div', { class: 'title' }, varied.title),
      e('div', { class: 'message' }, `${members.length} variations: ${members.join(', ')}`),
    ),
    e('td', { class: 'where' }, first === undefined ? '' : `${first.file}:${first.line}`),
  );
  return row;
}

/** The full-width row of a case's details, built when it is first opened. */
export function buildDetails(doc: Document, view: CaseView, index: number, columns: number): HTMLTableRowElement {
  const e = elementsOf(doc);
  const parts: HTMLElement[] = [];
  const facts = [e('code', {}, `${view.file}:${view.line}`), ` · ${view.duration}`];
  if (view.tags.length > 0) facts.push(` · tags ${view.tags.join(', ')}`);
  parts.push(e('p', { class: 'facts' }, ...facts));
  parts.push(
    e(
      'div',
      { class: 'rerun' },
      e('span', { class: 'label' }, 'Run it again:'),
      e('code', { class: 'command' }, view.rerun),
      e('button', { type: 'button', class: 'copy', 'data-copy': view.rerun }, 'Copy'),
      e('span', { class: 'copy-status', role: 'status' }),
    ),
  );
  // What changed since the baseline comes first: it is why a reader of a compared run opens a case.
  const change = view.change;
  if (change !== undefined) {
    parts.push(
      e('h3', {}, `Since the baseline: ${change.heading} (${change.verdicts})`),
      e('ul', { class: 'changes' }, ...change.steps.map((step) => e('li', {}, e('code', {}, step))), ...(change.note === undefined ? [] : [e('li', {}, `now: ${change.note}`)])),
    );
  }
  if (view.clauses.length > 0) {
    parts.push(
      e('h3', {}, 'Clauses'),
      e(
        'ul',
        { class: 'clauses' },
        ...view.clauses.map((clause) => e('li', {}, e('a', { href: `#clause-${clause.name}`, class: 'clause-link' }, clause.name), ' ', e('q', {}, clause.quote))),
      ),
    );
  }
  if (view.interruptedAt !== undefined) parts.push(e('p', { class: 'interrupted' }, 'Interrupted at step ', e('code', {}, view.interruptedAt), '.'));
  if (view.logExcerpt !== undefined) {
    parts.push(
      e('h3', {}, 'Provider output during the case'),
      e('pre', { class: 'log', tabindex: '0' }, view.logExcerpt),
      e('p', {}, 'The last lines it wrote; all of it is in ', e('a', { href: 'provider.log' }, 'provider.log'), ' beside this report.'),
    );
  }
  const failed = view.checks.filter((check) => check.status === 'failed' || check.status === 'known').length;
  const count = `${view.checks.length} check${view.checks.length === 1 ? '' : 's'}${failed > 0 ? `, ${failed} not as documented` : ''}`;
  if (view.checks.length === 0) parts.push(e('p', { class: 'muted' }, 'No checks made.'));
  else {
    // What decided the verdict first, then the other documented steps; set-up steps that went as they must, folded.
    const deciding = view.checks.filter((check) => check.decides || check.status !== 'passed');
    const documented = view.checks.filter((check) => !deciding.includes(check) && !check.setup);
    const setUp = view.checks.filter((check) => !deciding.includes(check) && check.setup);
    parts.push(e('h3', {}, `Checks (${count})`), e('ol', { class: 'checks' }, ...[...deciding, ...documented].map((check) => buildCheck(doc, check))));
    if (setUp.length > 0) {
      parts.push(
        e(
          'details',
          { class: 'set-up' },
          e('summary', {}, `${setUp.length} set-up step${setUp.length === 1 ? '' : 's'}, each as it must be: ${setUp.map((check) => check.stepId).join(', ')}`),
          e('ol', { class: 'checks' }, ...setUp.map((check) => buildCheck(doc, check))),
        ),
      );
    }
  }
  const row = doc.createElement('tr');
  row.className = 'details';
  row.id = `details-${index}`;
  row.append(e('td', { colspan: String(columns) }, e('div', { class: `detail v-${view.verdict}` }, ...parts)));
  return row;
}

export function buildCheck(doc: Document, check: CheckView): HTMLElement {
  const e = elementsOf(doc);
  const statusText: { readonly [S in CheckStatus]: string } = {
    passed: 'as documented',
    failed: 'not as documented',
    known: 'known deviation',
    fixed: 'as documented; listed deviation not seen',
  };
  const observed =
    check.observed.length === 0
      ? [e('code', {}, '(nothing)')]
      : [e('code', {}, ...check.observed.flatMap((part, index) => [index > 0 ? ' ' : '', part.differs ? e('mark', {}, part.text) : part.text]))];
  const alternatives = (outcomes: readonly string[]): (HTMLElement | string)[] =>
    outcomes.length === 0 ? ['success (set-up step)'] : outcomes.flatMap((outcome, index) => (index === 0 ? [e('code', {}, outcome)] : [' or ', e('code', {}, outcome)]));
  // Judged by Windows, the check's expected outcome is what Windows does; the page's is shown beside it.
  const fields: HTMLElement[] = [e('dt', {}, 'Call'), e('dd', {}, e('code', {}, check.call))];
  fields.push(e('dt', {}, 'Documented'), e('dd', {}, ...alternatives(check.page ?? check.documented)));
  const windows = check.windows;
  if (windows !== undefined) {
    const judged = check.page === undefined ? '' : ' (judged against)';
    fields.push(
      e('dt', {}, `Windows${judged}`),
      e('dd', {}, ...alternatives(windows.outcomes), ` — ${windows.versions} `, e('a', { href: windows.url, rel: 'noreferrer', class: 'source' }, windows.source)),
    );
  }
  fields.push(e('dt', {}, 'Observed'), e('dd', {}, ...observed));
  // When the page allows several outcomes, which one was seen ("ignored" or "rejected") is the finding.
  if (check.matched !== undefined) fields.push(e('dt', {}, 'Outcome seen'), e('dd', {}, e('code', {}, check.matched)));
  if (check.mismatch !== undefined) fields.push(e('dt', {}, 'Mismatch'), e('dd', {}, check.mismatch));
  const deviation = check.deviation;
  if (deviation !== undefined) {
    const bug = deviation.bug === undefined ? [] : deviation.bugIsLink ? [' — ', e('a', { href: deviation.bug, rel: 'noreferrer' }, deviation.bug)] : [` — bug ${deviation.bug}`];
    fields.push(
      e('dt', {}, check.status === 'fixed' ? 'Listed deviation (not seen)' : 'Known deviation'),
      e('dd', {}, deviation.reason, ...bug),
      e('dt', {}, 'Recorded'),
      e('dd', {}, e('code', {}, deviation.recorded)),
    );
  }
  return e(
    'li',
    { class: `check ${check.status}` },
    e('div', {}, e('span', { class: 'check-status' }, statusText[check.status]), ' step ', e('code', {}, check.stepId), ` (${check.duration})`),
    e('dl', {}, ...fields),
  );
}

/** The clause → cases view, page by page: each clause the cases cite, with links to them, coloured by verdict. */
export function buildClauseIndex(doc: Document, pages: ReportData['clausePages']): HTMLElement {
  const e = elementsOf(doc);
  const clauseItems = (clauses: ReportData['clausePages'][number]['clauses']) =>
    clauses.map((clause) =>
      e(
        'li',
        { id: `clause-${clause.name}` },
        e('code', {}, clause.id),
        ' ',
        e('q', {}, clause.quote),
        e('ul', { class: 'clause-cases' }, ...clause.cases.map((cited) => e('li', {}, e('a', { href: `#case=${encodeURIComponent(cited.id)}`, class: `v-${cited.verdict}` }, cited.id), ` ${cited.verdict}`))),
      ),
    );
  const pageItems = pages.map((page) => e('li', { class: 'clause-page' }, e('h3', {}, page.page), e('ul', {}, ...clauseItems(page.clauses))));
  return e('ul', { class: 'clause-index' }, ...pageItems);
}
