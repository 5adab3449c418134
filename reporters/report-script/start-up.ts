/**
 * The start-up of report.html: reads the results the page embeds as JSON,
 * wires the filters, the search, the grouping, the case links, the clause
 * index and the copy buttons, and keeps the view state in the URL's hash.
 * Inlined into the page by source text (script.ts).
 */
import type { ReportData } from '../html-view.js';
import { buildClauseIndex, buildDetails, buildRow, buildVariedRow, elementsOf } from './dom-builders.js';
import { caseIsShown, formatViewState, groupCases, listCases, parseViewState, searchTextOf, type ViewState } from './view-state.js';

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
  // A case written with variations is one row (built when first shown) that opens into its variations' rows.
  const variedOf = new Map<number, number>();
  data.variedCases.forEach((varied, variedIndex) => varied.members.forEach((member) => variedOf.set(member, variedIndex)));
  const variedRows: (HTMLTableRowElement | undefined)[] = [];
  const variedRowFor = (variedIndex: number): HTMLTableRowElement | undefined => {
    const varied = data.variedCases[variedIndex];
    if (varied === undefined) return undefined;
    variedRows[variedIndex] ??= buildVariedRow(doc, varied, variedIndex, data.cases);
    return variedRows[variedIndex];
  };
  const openVaried = new Set<number>();
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
      const selectedVaried = variedOf.get(indexOf(state.selected));
      const placed = new Set<number>();
      for (const index of group.indices) {
        const variedIndex = variedOf.get(index);
        if (variedIndex !== undefined) {
          // The varied case's row stands where its first shown variation would; its variations follow when it is open.
          if (!placed.has(variedIndex)) {
            placed.add(variedIndex);
            const open = openVaried.has(variedIndex) || selectedVaried === variedIndex;
            const variedRow = variedRowFor(variedIndex);
            variedRow?.querySelector('button.variations-toggle')?.setAttribute('aria-expanded', String(open));
            if (variedRow !== undefined) fragment.append(variedRow);
          }
          if (!openVaried.has(variedIndex) && selectedVaried !== variedIndex) continue;
        }
        const row = rowFor(index);
        row?.classList.toggle('variation', variedIndex !== undefined);
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
    const toggle = target?.closest<HTMLButtonElement>('button.variations-toggle');
    if (toggle !== null && toggle !== undefined) {
      const variedIndex = Number(toggle.closest('tr')?.dataset['varied']);
      if (openVaried.has(variedIndex)) openVaried.delete(variedIndex);
      else openVaried.add(variedIndex);
      renderTable();
      toggle.focus();
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
    if (clauseIndex.querySelector('ul.clause-index') === null) clauseIndex.append(buildClauseIndex(doc, data.clausePages));
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
