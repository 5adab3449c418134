/**
 * What the suite covers of each page: for every clause of its catalogue and
 * every error code of its table, the cases that cover it, or the recorded
 * reason why none does, and what is neither. The result is plain data, the
 * shape the JSON form of the report takes.
 */
import { citesClause, type Case, type Step } from '../../language/cases/case.js';
import type { Clause, ClauseKind, Page, PageSet } from '../../language/clauses/clause.js';
import type { Verdict } from '../../judging/results/result.js';
import { DIMENSIONS } from '../../language/cases/variations.js';
import type { RecordedCoverage, RecordedReason, UncoveredStatus } from './recorded.js';

/**
 * `covered` by a case; `unreached` when a run is given and none of the covering cases reached and checked a
 * step under the clause in it; else the recorded status; `missing` when neither.
 */
export type CoverageStatus = 'covered' | 'unreached' | UncoveredStatus | 'missing';

/** An address family a case's sockets are made in, as the variations name it: `AF_INET`, `AF_INET6`. */
export type AddressFamily = keyof typeof DIMENSIONS.family.values;
const ADDRESS_FAMILIES = Object.keys(DIMENSIONS.family.values) as AddressFamily[];

/** What a run did with one case: its verdict, and the documented steps it checked (results.jsonl `checks`). */
export interface CaseRun {
  readonly verdict: Verdict;
  /** Ids of the steps with `expect` whose check the run recorded. */
  readonly checked: ReadonlySet<string>;
  /** Where the case ended short of its last step, when it did: the step whose outcome stopped it, and why. */
  readonly stoppedAt?: StopPoint;
}

/**
 * Where a run's case ended before its last step, and why: the step and a listed deviation's reason, else the
 * mismatch; or, for a case skipped before any step, no step and the skip's reason.
 */
export interface StopPoint {
  readonly step?: string;
  readonly why: string;
}

export interface CoveringCase {
  readonly id: string;
  /** The case file, relative to the project root. */
  readonly file: string;
  readonly line: number;
  /** The address families its sockets are made in (the `af` of its socket and WSASocket steps). */
  readonly families: readonly AddressFamily[];
  /** The case's verdict in the run given, if one was. */
  readonly verdict?: Verdict;
  /**
   * In the run given, the steps under the clause that the run reached and checked: the documented steps
   * that give its error, else those of the page's call, else every documented step. Empty: the case
   * stopped before them (a set-up step failed) or was not run, so it does not cover the clause in that run.
   */
  readonly checked?: readonly string[];
  /** In the run given, where the case stopped, when it stopped before the steps under the clause. */
  readonly stoppedAt?: StopPoint;
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
  /** The address families it is covered over: of the covering cases, or with a run, of those the run reached it in. */
  readonly families: readonly AddressFamily[];
  readonly recorded?: Recorded;
}

export interface ErrorCoverage {
  /** The WSAGetLastError name: `WSAEFAULT`. */
  readonly code: string;
  /** Its row of the error table: `errors.WSAEFAULT`. */
  readonly clause: string;
  readonly status: CoverageStatus;
  readonly cases: readonly CoveringCase[];
  /** As for a clause. */
  readonly families: readonly AddressFamily[];
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
  /** With a run: ids of clauses and codes whose covering cases the run did not reach them in. */
  readonly unreached: { readonly clauses: readonly string[]; readonly errors: readonly string[] };
  /** Clauses recorded as uncovered that a case now covers: their entries should go. */
  readonly stale: readonly StaleEntry[];
}

export interface CoverageInputs {
  readonly pages: PageSet;
  readonly cases: readonly Case[];
  /** The recorded reasons of each page, by page name; a page without any has none. */
  readonly recorded: ReadonlyMap<string, RecordedCoverage>;
  /**
   * What a run did with each case, by case id (from its results): the verdicts are shown beside the cases,
   * and a case covers a clause only if the run reached and checked a step under it. A case the run has no
   * record of was not run.
   */
  readonly runs?: ReadonlyMap<string, CaseRun>;
}

export function computeCoverage({ pages, cases, recorded, runs }: CoverageInputs): Coverage {
  // An excluded variation is never run, so it covers nothing; its exclusion is shown where it is reported, SKIP.
  const run = cases.filter((testCase) => testCase.excluded === undefined);
  return { pages: pages.pages.map((page) => pageCoverage(page, run, recorded.get(page.name) ?? new Map(), runs)) };
}

function pageCoverage(page: Page, cases: readonly Case[], recorded: RecordedCoverage, runs: ReadonlyMap<string, CaseRun> | undefined): PageCoverage {
  const covering = (error: string | undefined) => (testCase: Case): CoveringCase => {
    const where = { id: testCase.id, file: testCase.location.file, line: testCase.location.line, families: familiesOf(testCase) };
    if (runs === undefined) return where;
    const run = runs.get(testCase.id);
    const checked = stepsUnder(testCase, page.name, error).filter((id) => run?.checked.has(id) === true);
    const stopped = checked.length === 0 ? run?.stoppedAt : undefined;
    return { ...where, ...(run === undefined ? {} : { verdict: run.verdict }), checked, ...(stopped === undefined ? {} : { stoppedAt: stopped }) };
  };
  const clauses = page.clauses.map((clause): ClauseCoverage => {
    const citing = cases.filter((testCase) => citesClause(testCase, page.name, clause.id)).map(covering(clause.error));
    return { id: clause.id, section: clause.section, kind: clause.kind, ...statusOf(citing, recorded.get(clause.id)) };
  });
  const errors = errorRows(page).map((row): ErrorCoverage => {
    const code = row.error ?? '';
    const documenting = cases.filter((testCase) => coversError(testCase, page.name, code)).map(covering(code));
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
    unreached: { clauses: clauseIds('unreached'), errors: errorCodes('unreached') },
    stale: clauses
      .filter((clause) => clause.cases.length > 0 && recorded.has(clause.id))
      .map((clause) => ({ clause: clause.id, cases: clause.cases.map((testCase) => testCase.id) })),
  };
}

/** Covered by cases if any (with a run, by those it reached the clause in); else what is recorded; else missing. */
function statusOf(
  cases: readonly CoveringCase[],
  reason: RecordedReason | undefined,
): { status: CoverageStatus; cases: readonly CoveringCase[]; families: readonly AddressFamily[]; recorded?: Recorded } {
  const recorded = reason === undefined ? undefined : { status: reason.status, reason: reason.reason, ...(reason.evidence === undefined ? {} : { evidence: reason.evidence }) };
  const counted = cases.filter((testCase) => testCase.checked === undefined || testCase.checked.length > 0);
  const status: CoverageStatus = cases.length === 0 ? recorded?.status ?? 'missing' : counted.length > 0 ? 'covered' : 'unreached';
  const families = ADDRESS_FAMILIES.filter((family) => counted.some((testCase) => testCase.families.includes(family)));
  return { status, cases, families, ...(recorded === undefined ? {} : { recorded }) };
}

/** The address families of the case's sockets: the `af` of its socket and WSASocket steps, as written or varied. */
function familiesOf(testCase: Case): AddressFamily[] {
  const made = new Set(testCase.steps.filter((step) => step.call === 'socket' || step.call === 'WSASocket').map((step) => step.args['af']));
  return ADDRESS_FAMILIES.filter((family) => made.has(family));
}

/**
 * The documented steps of a case under a clause of a page: those that give the clause's error as an
 * outcome, if it names one and a step gives it; else those of the page's call; else every documented step.
 */
function stepsUnder(testCase: Case, page: string, error: string | undefined): string[] {
  const documented = testCase.steps.filter((step) => step.expect !== undefined);
  const giving = error === undefined ? [] : documented.filter((step) => documentsError(step, error));
  const ofCall = documented.filter((step) => step.call === page);
  const under = giving.length > 0 ? giving : ofCall.length > 0 ? ofCall : documented;
  return under.map((step) => step.id);
}

/** Whether one of the step's documented outcomes is the error `code` (a `{ not: … }` documents nothing). */
function documentsError(step: Step, code: string): boolean {
  return (step.expect ?? []).some((alternative) => alternative.outcome['error'] === code);
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
  return ofPage.length > 0 && testCase.steps.some((step) => step.call === page && documentsError(step, code));
}
