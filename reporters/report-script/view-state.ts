/**
 * The view state of report.html: which cases its table shows and how (the
 * verdict filters, the search text, the grouping, the selected case), kept
 * in the URL's hash, and the pure functions from that state to the listed
 * rows. Inlined into the page by source text (script.ts): imports are types only.
 */
import type { CaseView } from '../html-view.js';

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
  const clauses = view.clauses.flatMap((clause) => [clause.name, clause.quote]);
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
