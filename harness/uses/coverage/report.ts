/**
 * The coverage report in two forms: text for a terminal, and JSON for tools
 * (each page's coverage with its counts, the counts over all pages, and the
 * format version); both show each page whole, then the totals.
 */
import { DIMENSIONS } from '../../language/cases/variations.js';
import type { AddressFamily, ClauseCoverage, Coverage, CoverageStatus, CoveringCase, ErrorCoverage, PageCoverage } from './compute.js';

/**
 * Format 3 gives each entry and covering case its address families, and with a run the steps each case
 * reached and checked, and the status `unreached`; format 2 held one entry per page (format 1 was the one
 * page's coverage itself).
 */
export const COVERAGE_FORMAT = 3;

export type StatusCounts = Partial<Readonly<Record<CoverageStatus, number>>>;

export interface Totals {
  readonly clauses: StatusCounts;
  readonly errors: StatusCounts;
}

export interface CoverageJson {
  readonly format: typeof COVERAGE_FORMAT;
  /** Over every page. */
  readonly totals: Totals & { readonly pages: number };
  readonly pages: readonly (PageCoverage & { readonly totals: Totals })[];
}

export function coverageJson(coverage: Coverage): CoverageJson {
  return {
    format: COVERAGE_FORMAT,
    totals: { pages: coverage.pages.length, ...totalsOf(coverage.pages) },
    pages: coverage.pages.map((page) => ({ ...page, totals: totalsOf([page]) })),
  };
}

/** Entries of every page in `pages` counted by status. */
function totalsOf(pages: readonly PageCoverage[]): Totals {
  return { clauses: countByStatus(pages.flatMap((page) => page.clauses)), errors: countByStatus(pages.flatMap((page) => page.errors)) };
}

/**
 * What keeps the coverage from being whole: entries neither covered nor explained, entries only planned (a
 * plan is not a case: spec/README.md, "Recorded coverage"), with a run those it reached in no case, and
 * stale ones.
 */
export function gapsOf(coverage: Coverage): number {
  const open = (ids: PageCoverage['missing']) => ids.clauses.length + ids.errors.length;
  return coverage.pages.reduce((sum, page) => sum + open(page.missing) + open(page.planned) + open(page.unreached) + page.stale.length, 0);
}

/** How many entries have each status, in the order statuses are shown. */
export function countByStatus(entries: readonly { readonly status: CoverageStatus }[]): StatusCounts {
  const counts: Partial<Record<CoverageStatus, number>> = {};
  for (const status of STATUS_ORDER) {
    const count = entries.filter((entry) => entry.status === status).length;
    if (count > 0) counts[status] = count;
  }
  return counts;
}

const STATUS_ORDER: readonly CoverageStatus[] = ['covered', 'unreached', 'informative', 'not-checkable', 'not-provokable', 'planned', 'missing'];
/** Cases named on one line before the rest are counted. */
const SHOWN_CASES = 3;
/** Characters of a reason shown on one line. */
const SHOWN_REASON = 110;

/** Each page in turn, then the totals over all of them. */
export function renderCoverageText(coverage: Coverage): string {
  const totals = totalsOf(coverage.pages);
  const errors = coverage.pages.reduce((sum, page) => sum + page.errors.length, 0);
  const clauses = coverage.pages.reduce((sum, page) => sum + page.clauses.length, 0);
  const lines = [
    ...coverage.pages.flatMap(pageLines),
    `Total, ${plural(coverage.pages.length, 'page')}: error codes (${errors}): ${describeCounts(totals.errors)}; clauses (${clauses}): ${describeCounts(totals.clauses)}`,
  ];
  return `${lines.join('\n')}\n`;
}

function pageLines(coverage: PageCoverage): string[] {
  const uncoveredClauses = coverage.clauses.filter((clause) => clause.status !== 'covered');
  return [
    `Coverage of ${coverage.page} (${coverage.text}; clauses: ${coverage.catalogue})`,
    '',
    `Error codes (${coverage.errors.length}): ${describeCounts(countByStatus(coverage.errors))}`,
    ...table(coverage.errors.map((error) => [error.code, error.status, detail(error)])),
    '',
    `Clauses (${coverage.clauses.length}): ${describeCounts(countByStatus(coverage.clauses))}`,
    ...(uncoveredClauses.length === 0 ? [] : ['Clauses no case covers (with a run: or none reached):', ...table(uncoveredClauses.map((clause) => [clause.id, clause.status, detail(clause)]))]),
    '',
    familiesLine(coverage.clauses.filter((clause) => clause.status === 'covered')),
    `Not yet covered (planned): ${idsText(coverage.planned)}`,
    `Neither covered nor explained: ${idsText(coverage.missing)}`,
    ...(coverage.clauses.some((clause) => clause.cases.some((testCase) => testCase.checked !== undefined))
      ? [`Covered, but not reached by the run (no covering case checked a step under it): ${idsText(coverage.unreached)}`]
      : []),
    ...coverage.stale.map((entry) => `Recorded as uncovered, yet covered by ${entry.cases.join(', ')}: ${entry.clause} (remove its entry)`),
    '',
  ];
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function detail(entry: ClauseCoverage | ErrorCoverage): string {
  if (entry.status === 'covered') return `${familiesText(entry.families)} ${casesText(entry.cases)}`;
  if (entry.status === 'unreached') return casesText(entry.cases);
  if (entry.recorded === undefined) return 'no case, and no reason recorded';
  return firstSentence(entry.recorded.reason);
}

/** `[ipv4 ipv6]`: the families an entry is covered over, by their variation tags. */
function familiesText(families: readonly AddressFamily[]): string {
  return `[${families.length === 0 ? 'no family' : families.map((family) => DIMENSIONS.family.values[family].tag).join(' ')}]`;
}

/** How many covered clauses are covered over both families, and over one only. */
function familiesLine(covered: readonly ClauseCoverage[]): string {
  const over = (wanted: readonly AddressFamily[]) =>
    covered.filter((clause) => clause.families.length === wanted.length && wanted.every((family) => clause.families.includes(family))).length;
  return `Covered clauses by address family: ${over(['AF_INET', 'AF_INET6'])} over IPv4 and IPv6, ${over(['AF_INET'])} over IPv4 only, ${over(['AF_INET6'])} over IPv6 only, ${over([])} over neither (no socket of either)`;
}

/**
 * `id [VERDICT]` with a run; `id [VERDICT, not reached]` for a case the run did not take to a step under the
 * entry, with where it stopped and why when the results say (`: stopped at getsockopt: Wine has no …`).
 */
function caseText(testCase: CoveringCase): string {
  if (testCase.checked === undefined) return testCase.id;
  const stop = testCase.stoppedAt;
  const stopped = stop === undefined ? '' : `: ${stop.step === undefined ? '' : `stopped at ${stop.step}: `}${firstSentence(stop.why)}`;
  const reached = testCase.checked.length > 0 ? '' : `, not reached${stopped}`;
  return `${testCase.id} [${testCase.verdict ?? 'not run'}${reached}]`;
}

function casesText(cases: readonly CoveringCase[]): string {
  const named = cases.slice(0, SHOWN_CASES).map(caseText);
  const more = cases.length - named.length;
  return more > 0 ? `${named.join(', ')} and ${more} more` : named.join(', ');
}

function firstSentence(text: string): string {
  const end = text.search(/\.(\s|$)/);
  const sentence = end === -1 ? text : text.slice(0, end + 1);
  return sentence.length <= SHOWN_REASON ? sentence : `${sentence.slice(0, SHOWN_REASON - 1)}…`;
}

/** Rows of three columns, the first two padded to their widest entry. */
function table(rows: readonly (readonly [string, string, string])[]): string[] {
  const width = (column: 0 | 1) => Math.max(0, ...rows.map((row) => row[column].length));
  return rows.map(([first, second, third]) => `  ${first.padEnd(width(0))}  ${second.padEnd(width(1))}  ${third}`.trimEnd());
}

function describeCounts(counts: StatusCounts): string {
  return STATUS_ORDER.filter((status) => counts[status] !== undefined)
    .map((status) => `${counts[status]} ${status}`)
    .join(', ');
}

function idsText({ errors, clauses }: PageCoverage['missing']): string {
  const parts = [...(errors.length === 0 ? [] : [`error codes ${errors.join(', ')}`]), ...(clauses.length === 0 ? [] : [`clauses ${clauses.join(', ')}`])];
  return parts.length === 0 ? 'none' : parts.join('; ');
}
