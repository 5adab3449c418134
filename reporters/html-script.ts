/**
 * The script of report.html, written here as type-checked functions and
 * inlined into the page as their source text (REPORT_SCRIPT). So each
 * function must stand alone: it may call the others listed in
 * SCRIPT_FUNCTIONS and the browser's globals, and may use imports only as
 * types.
 *
 * What it does: reads the results the page embeds as JSON, fills the case
 * table with the rows that the verdict filters and the search text let
 * through, grouped by file or verdict when asked, keeps all of that and the
 * selected case in the URL's hash, and builds a case's details (a
 * full-width row under it) only when they are opened.
 */
import type { CaseView, CheckStatus, CheckView, ReportData } from './html-view.js';

export type Grouping = 'none' | 'file' | 'verdict';

/** Which cases the table shows and how; the URL's hash holds what differs from the opening state. */
export interface ViewState {
  readonly verdicts: readonly string[];
  readonly query: string;
  readonly group: Grouping;
  /** Id of the case a link points at: shown whatever the filters, its details open. */
  readonly selected: string | undefined;
}

export interface CaseGroup {
  /** Undefined when the table is not grouped. */
  readonly label: string | undefined;
  readonly indices: readonly number[];
}

/** `#case=ID&verdicts=FAIL,XPASS&q=text&group=file`; what is absent takes its opening value. */
export function parseViewState(hash: string, opening: ViewState, knownVerdicts: readonly string[]): ViewState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const verdicts = params.get('verdicts');
  const group = params.get('group');
  return {
    verdicts: verdicts === null ? opening.verdicts : verdicts.split(',').filter((verdict) => knownVerdicts.includes(verdict)),
    query: params.get('q') ?? opening.query,
    group: group === 'file' || group === 'verdict' || group === 'none' ? group : opening.group,
    selected: params.get('case') ?? undefined,
  };
}

export function formatViewState(state: ViewState, opening: ViewState): string {
  const parts: string[] = [];
  if (state.selected !== undefined) parts.push(`case=${encodeURIComponent(state.selected)}`);
  const sameVerdicts = state.verdicts.length === opening.verdicts.length && state.verdicts.every((verdict) => opening.verdicts.includes(verdict));
  if (!sameVerdicts) parts.push(`verdicts=${state.verdicts.map(encodeURIComponent).join(',')}`);
  if (state.query !== opening.query) parts.push(`q=${encodeURIComponent(state.query)}`);
  if (state.group !== opening.group) parts.push(`group=${state.group}`);
  return parts.length === 0 ? '' : `#${parts.join('&')}`;
}

/** The text a search looks in: everything the row and the details show, lower-cased. */
export function searchTextOf(view: CaseView): string {
  const checks = view.checks.flatMap((check) => [
    check.stepId,
    check.call,
    ...check.documented,
    ...check.observed.map((part) => part.text),
    check.mismatch ?? '',
    check.deviation?.reason ?? '',
    check.deviation?.bug ?? '',
  ]);
  const clauses = view.clauses.flatMap((clause) => [clause.id, clause.quote]);
  // `change:regression`, `change:fix`…: a word no other text has, so the header can link to the changed cases of a kind.
  const change = view.change === undefined ? [] : [`change:${view.change.kind}`, ...view.change.steps];
  return [view.id, view.title, view.verdict, view.message, `${view.file}:${view.line}`, ...view.tags, ...clauses, ...checks, ...change]
    .join('\n')
    .toLowerCase();
}

/** Every word of the query must appear (case-insensitively), and the verdict must be one shown. */
export function caseIsShown(view: CaseView, searchText: string, state: ViewState): boolean {
  if (view.id === state.selected) return true;
  if (!state.verdicts.includes(view.verdict)) return false;
  return state.query
    .toLowerCase()
    .split(/\s+/)
    .every((word) => searchText.includes(word));
}

/** The shown cases (indices into `cases`, in run order) as the table lists them. */
export function groupCases(cases: readonly CaseView[], shown: readonly number[], group: Grouping, verdictOrder: readonly string[]): CaseGroup[] {
  if (group === 'none') return [{ label: undefined, indices: shown }];
  const keyOf = (index: number): string => {
    const view = cases[index];
    return view === undefined ? '' : group === 'file' ? view.file : view.verdict;
  };
  const rank = (key: string): number => (group === 'verdict' ? verdictOrder.indexOf(key) : 0);
  const keys = Array.from(new Set(shown.map(keyOf))).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const lineOf = (index: number): number => cases[index]?.line ?? 0;
  return keys.map((key) => {
    const indices = shown.filter((index) => keyOf(index) === key);
    // Within a file, cases read in the order they are written.
    return { label: key, indices: group === 'file' ? [...indices].sort((a, b) => lineOf(a) - lineOf(b) || a - b) : indices };
  });
}

/**
 * The part of the groups the table lists: the first `limit` cases, and as
 * many more as it takes to reach the selected case. Listing thousands of
 * rows at once made big runs slow to open; the rest come on request.
 */
export function listCases(groups: readonly CaseGroup[], limit: number, selected: number): { groups: CaseGroup[]; listed: number; total: number } {
  const ordered = groups.flatMap((group) => group.indices);
  const listed = Math.min(ordered.length, Math.max(limit, ordered.indexOf(selected) + 1));
  let left = listed;
  const listedGroups: CaseGroup[] = [];
  for (const group of groups) {
    if (left <= 0) break;
    listedGroups.push({ label: group.label, indices: group.indices.slice(0, left) });
    left -= group.indices.length;
  }
  return { groups: listedGroups, listed, total: ordered.length };
}

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
        ...view.clauses.map((clause) => e('li', {}, e('a', { href: `#clause-${clause.id}`, class: 'clause-link' }, clause.id), ' ', e('q', {}, clause.quote))),
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
  else parts.push(e('h3', {}, `Checks (${count})`), e('ol', { class: 'checks' }, ...view.checks.map((check) => buildCheck(doc, check))));
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

/** The clause → cases view: each clause the cases cite, with links to them, coloured by verdict. */
export function buildClauseIndex(doc: Document, clauses: ReportData['clauses']): HTMLElement {
  const e = elementsOf(doc);
  const items = clauses.map((clause) =>
    e(
      'li',
      { id: `clause-${clause.id}` },
      e('code', {}, clause.id),
      ' ',
      e('q', {}, clause.quote),
      e('ul', { class: 'clause-cases' }, ...clause.cases.map((cited) => e('li', {}, e('a', { href: `#case=${encodeURIComponent(cited.id)}`, class: `v-${cited.verdict}` }, cited.id), ` ${cited.verdict}`))),
    ),
  );
  return e('ul', { class: 'clause-index' }, ...items);
}

/** Wires the page up: runs once, at the end of the body. */
export function startReport(doc: Document, win: Window): void {
  const data = JSON.parse(doc.getElementById('report-data')?.textContent ?? 'null') as ReportData;
  const table = doc.getElementById('cases') as HTMLTableElement;
  const body = table.tBodies[0] as HTMLTableSectionElement;
  const columns = table.tHead?.rows[0]?.cells.length ?? 1;
  // Rows are built when first shown, details when first opened.
  const rows: (HTMLTableRowElement | undefined)[] = [];
  const rowFor = (index: number): HTMLTableRowElement | undefined => {
    const view = data.cases[index];
    if (view === undefined) return undefined;
    rows[index] ??= buildRow(doc, view, index);
    return rows[index];
  };
  const filters = Array.from(doc.querySelectorAll<HTMLButtonElement>('.filters button'));
  const search = doc.getElementById('case-search') as HTMLInputElement;
  const grouping = doc.getElementById('group-by') as HTMLSelectElement;
  const shownCount = doc.getElementById('shown-count') as HTMLElement;
  const openDetails = new Map<number, HTMLTableRowElement>();
  const opening: ViewState = { verdicts: data.openingVerdicts, query: '', group: 'none', selected: undefined };
  let state = parseViewState(win.location.hash, opening, data.verdicts);
  let searchTexts: string[] | undefined;
  let listLimit = data.rowsPerPage;
  const e = elementsOf(doc);
  /** The cases the table lists now, in its order. */
  let listed: number[] = [];

  const indexOf = (id: string | undefined): number => (id === undefined ? -1 : data.cases.findIndex((view) => view.id === id));

  const setOpen = (index: number, open: boolean): void => {
    const row = rowFor(index);
    const view = data.cases[index];
    const link = row?.querySelector('a.case-link');
    if (row === undefined || view === undefined) return;
    const existing = openDetails.get(index);
    if (open && existing === undefined) {
      const details = buildDetails(doc, view, index, columns);
      openDetails.set(index, details);
      row.after(details);
    } else if (!open && existing !== undefined) {
      openDetails.delete(index);
      existing.remove();
    }
    link?.setAttribute('aria-expanded', String(open));
    if (open) link?.setAttribute('aria-controls', `details-${index}`);
    else link?.removeAttribute('aria-controls');
  };

  const markSelected = (): void => {
    const selected = indexOf(state.selected);
    rows.forEach((row, index) => row?.classList.toggle('selected', index === selected));
    if (selected >= 0) setOpen(selected, true);
  };

  const saveState = (): void => {
    // replaceState keeps the history clean and fires no hashchange.
    win.history.replaceState(null, '', `${win.location.pathname}${win.location.search}${formatViewState(state, opening)}`);
  };

  /** Lays the table out anew: only the shown rows are in it (with their open details), in groups. */
  const renderTable = (): void => {
    for (const button of filters) button.setAttribute('aria-pressed', String(state.verdicts.includes(button.dataset['verdict'] ?? '')));
    if (search.value !== state.query) search.value = state.query;
    grouping.value = state.group;
    if (state.query.trim() !== '' && searchTexts === undefined) searchTexts = data.cases.map(searchTextOf);
    const shown = data.cases.flatMap((view, index) => (caseIsShown(view, searchTexts?.[index] ?? '', state) ? [index] : []));
    const groups = groupCases(data.cases, shown, state.group, data.verdictOrder);
    const listing = listCases(groups, listLimit, indexOf(state.selected));
    const fragment = doc.createDocumentFragment();
    listing.groups.forEach((group, position) => {
      if (group.label !== undefined) {
        const size = groups[position]?.indices.length ?? 0;
        const heading = e('th', { colspan: String(columns), scope: 'colgroup' }, group.label, ' ', e('span', { class: 'muted' }, `(${size})`));
        fragment.append(e('tr', { class: 'group' }, heading));
      }
      for (const index of group.indices) {
        const row = rowFor(index);
        if (row !== undefined) fragment.append(row);
        const details = openDetails.get(index);
        if (details !== undefined) fragment.append(details);
      }
    });
    const notListed = listing.total - listing.listed;
    if (notListed > 0) {
      const more = e('button', { type: 'button', class: 'show-more' }, `List ${Math.min(notListed, data.rowsPerPage)} more (${notListed} not listed yet)`);
      fragment.append(e('tr', { class: 'more' }, e('td', { colspan: String(columns) }, more)));
    }
    listed = listing.groups.flatMap((group) => group.indices);
    body.replaceChildren(fragment);
    shownCount.textContent =
      notListed > 0
        ? `${listing.total} of ${data.cases.length} cases match; the first ${listing.listed} are listed`
        : `${listing.total} of ${data.cases.length} cases shown`;
    markSelected();
  };

  const update = (change: Partial<ViewState>): void => {
    state = { ...state, ...change };
    listLimit = data.rowsPerPage;
    renderTable();
    saveState();
  };

  const scrollToSelected = (): void => {
    const row = rows[indexOf(state.selected)];
    if (row !== undefined && row.isConnected) row.scrollIntoView({ block: 'start' });
  };

  for (const button of filters) {
    button.addEventListener('click', () => {
      const verdict = button.dataset['verdict'] ?? '';
      update({ verdicts: state.verdicts.includes(verdict) ? state.verdicts.filter((shown) => shown !== verdict) : [...state.verdicts, verdict] });
    });
  }
  doc.getElementById('show-all')?.addEventListener('click', () => update({ verdicts: data.verdicts }));
  doc.getElementById('show-red')?.addEventListener('click', () => update({ verdicts: data.redVerdicts }));
  search.addEventListener('input', () => update({ query: search.value }));
  grouping.addEventListener('change', () => update({ group: grouping.value === 'file' || grouping.value === 'verdict' ? grouping.value : 'none' }));

  // Within the table: a case's link opens or closes its details (and makes it the
  // selected case, which the URL keeps); a Copy button copies its command.
  body.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const link = target?.closest<HTMLAnchorElement>('a.case-link');
    if (link !== null && link !== undefined) {
      const index = Number(link.closest('tr')?.dataset['index']);
      const view = data.cases[index];
      if (view === undefined || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      const closing = openDetails.has(index);
      setOpen(index, !closing);
      state = { ...state, selected: closing ? (state.selected === view.id ? undefined : state.selected) : view.id };
      rows.forEach((row, rowIndex) => row?.classList.toggle('selected', data.cases[rowIndex]?.id === state.selected));
      saveState();
      return;
    }
    const copy = target?.closest<HTMLButtonElement>('button.copy');
    if (copy !== null && copy !== undefined) copyCommand(doc, win, copy);
    if (target?.closest('button.show-more')) {
      const firstNew = listed.length;
      listLimit = firstNew + data.rowsPerPage;
      renderTable();
      // The button is gone: keep the keyboard where the reader was, on the first case just listed.
      rowFor(listed[firstNew] ?? -1)?.querySelector<HTMLAnchorElement>('a.case-link')?.focus();
    }
  });

  win.addEventListener('hashchange', () => {
    state = parseViewState(win.location.hash, opening, data.verdicts);
    listLimit = data.rowsPerPage;
    renderTable();
    scrollToSelected();
  });

  // The clause index is built the first time it is opened: a run of thousands of cases cites many.
  const clauseIndex = doc.getElementById('clause-index') as HTMLDetailsElement;
  const openClauseIndex = (): void => {
    if (clauseIndex.querySelector('ul.clause-index') === null) clauseIndex.append(buildClauseIndex(doc, data.clauses));
    clauseIndex.open = true;
  };
  clauseIndex.addEventListener('toggle', () => {
    if (clauseIndex.open) openClauseIndex();
  });
  body.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a.clause-link') : null;
    if (link === null) return;
    event.preventDefault();
    openClauseIndex();
    doc.getElementById(link.getAttribute('href')?.slice(1) ?? '')?.scrollIntoView({ block: 'start' });
  });

  (doc.getElementById('controls') as HTMLElement).hidden = false;
  renderTable();
  scrollToSelected();
}

/** Copies a case's command; where the clipboard is refused (a page opened from disk may be), selects it for Ctrl+C. */
export function copyCommand(doc: Document, win: Window, button: HTMLButtonElement): void {
  const text = button.dataset['copy'] ?? '';
  const status = button.parentElement?.querySelector('.copy-status');
  const command = button.parentElement?.querySelector('.command');
  const selectCommand = (): void => {
    const selection = win.getSelection();
    if (command === null || command === undefined || selection === null) return;
    const range = doc.createRange();
    range.selectNodeContents(command);
    selection.removeAllRanges();
    selection.addRange(range);
    if (status) status.textContent = 'Selected: press Ctrl+C (⌘C) to copy.';
  };
  if (win.navigator.clipboard === undefined) {
    selectCommand();
    return;
  }
  win.navigator.clipboard.writeText(text).then(() => {
    if (status) status.textContent = 'Copied.';
  }, selectCommand);
}

/** Every function the page's script holds, each inlined by its source text. */
const SCRIPT_FUNCTIONS: readonly ((...args: never[]) => unknown)[] = [
  parseViewState,
  formatViewState,
  searchTextOf,
  caseIsShown,
  groupCases,
  listCases,
  elementsOf,
  buildRow,
  buildDetails,
  buildCheck,
  buildClauseIndex,
  copyCommand,
  startReport,
];

export const REPORT_SCRIPT = `
"use strict";
(() => {
${SCRIPT_FUNCTIONS.map((fn) => fn.toString()).join('\n')}
startReport(document, window);
})();
`;
