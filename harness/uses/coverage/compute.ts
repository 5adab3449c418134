/**
 * What the suite covers of each page: for every clause of its catalogue and
 * every error code of its table, the cases that cover it, or the recorded
 * reason why none does, and what is neither. The result is plain data, the
 * shape the JSON form of the report takes.
 */
import type { Case } from '../../language/cases/case.js';
import type { Clause, ClauseKind, Page, PageSet } from '../../language/clauses/clause.js';
import type { Verdict } from '../../judging/results/result.js';
import type { RecordedCoverage, RecordedReason, UncoveredStatus } from './recorded.js';

/** `covered` by a case; else the recorded status; `missing` when neither. */
export type CoverageStatus = 'covered' | UncoveredStatus | 'missing';

export interface CoveringCase {
  readonly id: string;
  /** The case file, relative to the project root. */
  readonly file: string;
  readonly line: number;
  /** The case's verdict in the run given, if one was. */
  readonly verdict?: Verdict;
}

export interface Recorded {
  readonly status: UncoveredStatus;
  readonly reason: string;
  readonly evidence?: string;
}

export interface ClauseCoverage {
  readonly id: string;
  readonly section: string;
  readonly kind: ClauseKind;
  readonly status: CoverageStatus;
  readonly cases: readonly CoveringCase[];
  readonly recorded?: Recorded;
}

export interface ErrorCoverage {
  /** The WSAGetLastError name: `WSAEFAULT`. */
  readonly code: string;
  /** Its row of the error table: `errors.WSAEFAULT`. */
  readonly clause: string;
  readonly status: CoverageStatus;
  readonly cases: readonly CoveringCase[];
  readonly recorded?: Recorded;
}

export interface StaleEntry {
  readonly clause: string;
  readonly cases: readonly string[];
}

/** Every page's coverage, in the order of their names. */
export interface Coverage {
  readonly pages: readonly PageCoverage[];
}

export interface PageCoverage {
  /** The page's name: `WSAConnect`. */
  readonly page: string;
  /** The page's text and its catalogue, relative to the project root. */
  readonly text: string;
  readonly catalogue: string;
  /** Every clause, in the order of the page. */
  readonly clauses: readonly ClauseCoverage[];
  /** Every code of the error table, in its order. */
  readonly errors: readonly ErrorCoverage[];
  /** Ids of clauses and codes that still need a case: `planned` ones, and `missing` ones (neither covered nor explained). */
  readonly planned: { readonly clauses: readonly string[]; readonly errors: readonly string[] };
  readonly missing: { readonly clauses: readonly string[]; readonly errors: readonly string[] };
  /** Clauses recorded as uncovered that a case now covers: their entries should go. */
  readonly stale: readonly StaleEntry[];
}

export interface CoverageInputs {
  readonly pages: PageSet;
  readonly cases: readonly Case[];
  /** The recorded reasons of each page, by page name; a page without any has none. */
  readonly recorded: ReadonlyMap<string, RecordedCoverage>;
  /** Verdicts of a run by case id (from its results), shown beside the cases. */
  readonly verdicts?: ReadonlyMap<string, Verdict>;
}

export function computeCoverage({ pages, cases, recorded, verdicts }: CoverageInputs): Coverage {
  return { pages: pages.pages.map((page) => pageCoverage(page, cases, recorded.get(page.name) ?? new Map(), verdicts)) };
}

function pageCoverage(page: Page, cases: readonly Case[], recorded: RecordedCoverage, verdicts: ReadonlyMap<string, Verdict> | undefined): PageCoverage {
  const covering = (testCase: Case): CoveringCase => {
    const verdict = verdicts?.get(testCase.id);
    return { id: testCase.id, file: testCase.location.file, line: testCase.location.line, ...(verdict === undefined ? {} : { verdict }) };
  };
  const clauses = page.clauses.map((clause): ClauseCoverage => {
    const citing = cases.filter((testCase) => testCase.clauses.some((citation) => citation.page === page.name && citation.id === clause.id)).map(covering);
    return { id: clause.id, section: clause.section, kind: clause.kind, ...statusOf(citing, recorded.get(clause.id)) };
  });
  const errors = errorRows(page).map((row): ErrorCoverage => {
    const code = row.error ?? '';
    const documenting = cases.filter((testCase) => coversError(testCase, page.name, code)).map(covering);
    return { code, clause: row.id, ...statusOf(documenting, recorded.get(row.id)) };
  });
  const clauseIds = (status: CoverageStatus) => clauses.filter((clause) => clause.status === status).map((clause) => clause.id);
  const errorCodes = (status: CoverageStatus) => errors.filter((error) => error.status === status).map((error) => error.code);
  return {
    page: page.name,
    text: page.files.text,
    catalogue: page.files.catalogue,
    clauses,
    errors,
    planned: { clauses: clauseIds('planned'), errors: errorCodes('planned') },
    missing: { clauses: clauseIds('missing'), errors: errorCodes('missing') },
    stale: clauses
      .filter((clause) => clause.cases.length > 0 && recorded.has(clause.id))
      .map((clause) => ({ clause: clause.id, cases: clause.cases.map((testCase) => testCase.id) })),
  };
}

/** Covered by cases if any; else what is recorded; else missing. */
function statusOf(cases: readonly CoveringCase[], reason: RecordedReason | undefined): { status: CoverageStatus; cases: readonly CoveringCase[]; recorded?: Recorded } {
  const recorded = reason === undefined ? undefined : { status: reason.status, reason: reason.reason, ...(reason.evidence === undefined ? {} : { evidence: reason.evidence }) };
  const status: CoverageStatus = cases.length > 0 ? 'covered' : recorded?.status ?? 'missing';
  return { status, cases, ...(recorded === undefined ? {} : { recorded }) };
}

/** The rows of the error table: `errors.<CODE>`, whose error is that code. */
function errorRows(page: Page): Clause[] {
  return page.clauses.filter((clause) => clause.error !== undefined && clause.id === `errors.${clause.error}`);
}

/**
 * A case covers an error code of a page when it cites the code's row or one
 * of the row's conditions, or when it cites the page and one of its steps
 * calls the page's function (the page is named after it) and documents the
 * code as an outcome (`error: WSAEFAULT` in an alternative; a `{ not: … }`
 * documents nothing). A step of another call documents another page's table.
 */
function coversError(testCase: Case, page: string, code: string): boolean {
  const row = `errors.${code}`;
  const ofPage = testCase.clauses.filter((citation) => citation.page === page);
  if (ofPage.some((citation) => citation.id === row || citation.id.startsWith(`${row}.`))) return true;
  return ofPage.length > 0 && testCase.steps.some((step) => step.call === page && (step.expect ?? []).some((alternative) => alternative.outcome['error'] === code));
}
