/**
 * The coverage report in two forms: text for a terminal, and JSON for tools
 * (the Coverage data with its format version and counts).
 */
import type { ClauseCoverage, Coverage, CoverageStatus, CoveringCase, ErrorCoverage } from './compute.js';

export const COVERAGE_FORMAT = 1;

export type StatusCounts = Partial<Readonly<Record<CoverageStatus, number>>>;

export interface CoverageJson extends Coverage {
  readonly format: typeof COVERAGE_FORMAT;
  readonly totals: { readonly clauses: StatusCounts; readonly errors: StatusCounts };
}

export function coverageJson(coverage: Coverage): CoverageJson {
  return { format: COVERAGE_FORMAT, totals: { clauses: countByStatus(coverage.clauses), errors: countByStatus(coverage.errors) }, ...coverage };
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

const STATUS_ORDER: readonly CoverageStatus[] = ['covered', 'informative', 'not-checkable', 'not-provokable', 'planned', 'missing'];
/** Cases named on one line before the rest are counted. */
const SHOWN_CASES = 3;
/** Characters of a reason shown on one line. */
const SHOWN_REASON = 110;

export function renderCoverageText(coverage: Coverage): string {
  const uncoveredClauses = coverage.clauses.filter((clause) => clause.status !== 'covered');
  const lines = [
    `Coverage of ${coverage.page} (clauses: ${coverage.catalogue})`,
    '',
    `Error codes (${coverage.errors.length}): ${describeCounts(countByStatus(coverage.errors))}`,
    ...table(coverage.errors.map((error) => [error.code, error.status, detail(error)])),
    '',
    `Clauses (${coverage.clauses.length}): ${describeCounts(countByStatus(coverage.clauses))}`,
    ...(uncoveredClauses.length === 0 ? [] : ['Clauses no case covers:', ...table(uncoveredClauses.map((clause) => [clause.id, clause.status, detail(clause)]))]),
    '',
    `Not yet covered (planned): ${idsText(coverage.planned)}`,
    `Neither covered nor explained: ${idsText(coverage.missing)}`,
    ...coverage.stale.map((entry) => `Recorded as uncovered, yet covered by ${entry.cases.join(', ')}: ${entry.clause} (remove its entry)`),
  ];
  return `${lines.join('\n')}\n`;
}

function detail(entry: ClauseCoverage | ErrorCoverage): string {
  if (entry.status === 'covered') return casesText(entry.cases);
  if (entry.recorded === undefined) return 'no case, and no reason recorded';
  return firstSentence(entry.recorded.reason);
}

function casesText(cases: readonly CoveringCase[]): string {
  const named = cases.slice(0, SHOWN_CASES).map((testCase) => (testCase.verdict === undefined ? testCase.id : `${testCase.id} [${testCase.verdict}]`));
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

function idsText({ errors, clauses }: Coverage['missing']): string {
  const parts = [...(errors.length === 0 ? [] : [`error codes ${errors.join(', ')}`]), ...(clauses.length === 0 ? [] : [`clauses ${clauses.join(', ')}`])];
  return parts.length === 0 ? 'none' : parts.join('; ');
}
