/**
 * The result matrix of several runs: a row per case and per step, a column
 * per run (provider × version × host), and in each cell what was observed —
 * the return value, the error, the outputs — with handles and ports masked.
 * Runs that behaved identically at every step share one column. A step where
 * every provider that made it observed the same thing, and that is not what
 * the page documents, is flagged as a possible documentation error: when
 * independent stacks agree against the page, the page may be what is wrong.
 * The matrix is data (matrix.json, README "The result matrix"); the page of
 * it is rendered from this.
 */
import type { ClauseCitation, Outcome } from '../../language/cases/case.js';
import type { Erratum } from '../../judging/windows-reference/errata.js';
import type { RecordedRun } from '../../judging/results/recorded-run.js';
import { describeExpected, describeOutcome } from '../../judging/results/describe-outcome.js';
import type { CaseResult, CheckResult, Observation, ReferenceNote, RunInfo, StackFacts, Verdict } from '../../judging/results/result.js';
import { behaviourKey, stableObservation } from '../../judging/results/stable-observation.js';
import { standingOf, type Standing } from '../../judging/results/standing.js';
import { providerLabel } from '../../judging/results/provider-label.js';
import { compareOutcomes } from '../../judging/verdicts/match.js';

/** The version of matrix.json this harness writes. */
export const MATRIX_FORMAT = 1;

/** A run to merge, with the name people gave it (`merge --name`), if any. */
export interface NamedRun extends RecordedRun {
  readonly name?: string;
}

export interface MatrixRun {
  /** The name given at `merge`, which leads the run's label. */
  readonly name?: string;
  readonly origin?: string;
  readonly provider: string;
  readonly providerVersion: string;
  readonly providerBuild?: RunInfo['providerBuild'];
  readonly stack: StackFacts;
  readonly host: string;
  readonly startedAt: string;
  readonly judgedAgainst: RunInfo['judgedAgainst'];
}

/** One column: the runs that behaved identically at every step. */
export interface MatrixColumn {
  /** Distinct from every other column's: where two would read alike, what tells them apart is added (host, date, time, file). */
  readonly label: string;
  readonly runs: readonly MatrixRun[];
}

export interface MatrixCell {
  /** `made`: the call was made; `not-made`: the case ran but stopped before it; `not-run`: the run has no such case. */
  readonly state: 'made' | 'not-made' | 'not-run';
  /** The case's verdict in that run. */
  readonly verdict?: Verdict;
  readonly observed?: Observation;
  readonly standing?: Standing;
  /** The observation as every report writes it (`SOCKET_ERROR WSAEACCES`), or why there is none. */
  readonly text: string;
}

export interface MatrixStep {
  readonly stepId: string;
  readonly call: string;
  readonly kind: CheckResult['kind'];
  /** What the page documents, as a run resolved it (ports masked). */
  readonly documented: readonly Outcome[];
  readonly documentedText: string;
  readonly reference?: ReferenceNote;
  /** One cell per column. */
  readonly cells: readonly MatrixCell[];
  /** Every run that made the call observed the same thing. */
  readonly runsAgree: boolean;
  /** Two or more providers made the call, all observed the same, and it is not what the page documents. */
  readonly possibleDocumentationError: boolean;
  /** The columns that ran the case do not all show the same here: made or not, observed, standing. */
  readonly differs: boolean;
  /** Some column observed what the step's Windows reference says Windows does not do. */
  readonly differsFromWindows: boolean;
}

export interface MatrixCase {
  readonly id: string;
  readonly title: string;
  readonly file: string;
  readonly line: number;
  readonly clauses: readonly ClauseCitation[];
  /** The case's verdict in each column. */
  readonly verdicts: readonly (Verdict | undefined)[];
  readonly steps: readonly MatrixStep[];
  /** The columns differ: in verdict, or at some step. */
  readonly differs: boolean;
  /** Some step differs from its Windows reference in some column. */
  readonly differsFromWindows: boolean;
}

export interface Matrix {
  readonly format: typeof MATRIX_FORMAT;
  readonly columns: readonly MatrixColumn[];
  readonly cases: readonly MatrixCase[];
  /** Where the page and Windows disagree (harness/judging/windows-reference/errata.ts). */
  readonly errata: readonly Erratum[];
}

export function buildMatrix(runs: readonly NamedRun[], references: ReadonlyMap<string, ReferenceNote>, errata: readonly Erratum[]): Matrix {
  const ordered = [...runs].sort(byProviderVersionBuildHostTime);
  const groups = groupIdentical(ordered);
  // Cases line up by id: a case's variations (`<id>.ipv4`, `<id>.ipv6`) are cases of their own in every run.
  const caseIds = unionInOrder(ordered.map((recorded) => recorded.cases.map((result) => result.id)));
  const cases = caseIds.map((id) => matrixCase(id, ordered, groups, references));
  return { format: MATRIX_FORMAT, columns: distinctLabels(groups.map(column)), cases, errata };
}

/** The key of a step in the references map: `JSON.stringify([case, step])`. */
export function stepKey(caseId: string, stepId: string): string {
  return JSON.stringify([caseId, stepId]);
}

function matrixCase(id: string, runs: readonly RecordedRun[], groups: readonly (readonly RecordedRun[])[], references: ReadonlyMap<string, ReferenceNote>): MatrixCase {
  const results = runs.map((recorded) => resultOf(recorded, id));
  const first = results.find((result) => result !== undefined);
  if (first === undefined) throw new Error(`no run has case ${id}`);
  const stepIds = unionInOrder(results.map((result) => (result?.checks ?? []).map((check) => check.stepId)));
  const verdicts = groups.map((group) => resultOf(representative(group), id)?.verdict);
  const steps = stepIds.map((stepId) => matrixStep(id, stepId, runs, groups, references));
  return {
    id,
    title: first.title,
    file: first.file,
    line: first.line,
    clauses: first.clauses,
    verdicts,
    steps,
    differs: new Set(verdicts).size > 1 || steps.some((step) => step.differs),
    differsFromWindows: steps.some((step) => step.differsFromWindows),
  };
}

function matrixStep(
  caseId: string,
  stepId: string,
  runs: readonly RecordedRun[],
  groups: readonly (readonly RecordedRun[])[],
  references: ReadonlyMap<string, ReferenceNote>,
): MatrixStep {
  const made = runs.flatMap((recorded) => {
    const check = resultOf(recorded, caseId)?.checks.find((candidate) => candidate.stepId === stepId);
    return check === undefined ? [] : [{ run: recorded.run, check }];
  });
  const sample = made.find(({ run }) => run.judgedAgainst === 'docs') ?? made[0];
  if (sample === undefined) throw new Error(`no run made step ${stepId} of ${caseId}`);
  const documented = stableObservation(sample.check.documented ?? sample.check.expected);
  const reference = references.get(stepKey(caseId, stepId)) ?? made.find(({ check }) => check.reference !== undefined)?.check.reference;
  const runsAgree = new Set(made.map(({ check }) => behaviourKey(check.observed))).size === 1;
  const cells = groups.map((group) => cellOf(resultOf(representative(group), caseId), stepId));
  return {
    stepId,
    call: sample.check.call,
    kind: sample.check.kind,
    documented,
    documentedText: describeExpected(documented),
    ...(reference === undefined ? {} : { reference }),
    cells,
    runsAgree,
    possibleDocumentationError: sample.check.kind === 'documented' && runsAgree && againstThePage(made),
    differs: new Set(cells.filter(ranTheCase).map((cell) => JSON.stringify([cell.state, behaviourKey(cell.observed ?? null), cell.standing ?? '']))).size > 1,
    differsFromWindows: reference !== undefined && cells.some((cell) => seenUnlikeWindows(cell, reference)),
  };
}

/**
 * Whether the column ran the case: a case skipped or not run differs from
 * the others by its verdict alone, not at each of its steps.
 */
function ranTheCase(cell: MatrixCell): boolean {
  return cell.state === 'made' || (cell.state === 'not-made' && cell.verdict !== 'SKIP');
}

/**
 * Whether a column observed what Windows, by its reference, does not. A
 * reference naming the run's own values (`$peer`) is left out: only the run
 * that resolved it can tell, and its check says so when it judged by Windows.
 */
function seenUnlikeWindows(cell: MatrixCell, reference: ReferenceNote): boolean {
  if (cell.observed === undefined || JSON.stringify(reference.windows).includes('"$')) return false;
  return !compareOutcomes(stableObservation(reference.windows), cell.observed as Readonly<Record<string, unknown>>).matches;
}

/**
 * Whether independent providers agree against the page: two providers or
 * more made the call, and every run that judged it by the page saw it differ.
 * A run that judged the step by Windows says nothing about the page here.
 */
function againstThePage(made: readonly { readonly run: RunInfo; readonly check: CheckResult }[]): boolean {
  const providers = new Set(made.map(({ run }) => run.provider));
  const byPage = made.filter(({ run, check }) => run.judgedAgainst === 'docs' || check.documented === undefined);
  return providers.size >= 2 && byPage.length > 0 && byPage.every(({ check }) => !check.passed);
}

function cellOf(result: CaseResult | undefined, stepId: string): MatrixCell {
  if (result === undefined) return { state: 'not-run', text: 'not run' };
  const check = result.checks.find((candidate) => candidate.stepId === stepId);
  if (check === undefined) return { state: 'not-made', verdict: result.verdict, text: result.verdict === 'SKIP' ? 'skipped' : 'not reached' };
  const observed = stableObservation(check.observed);
  return { state: 'made', verdict: result.verdict, observed, standing: standingOf(check), text: describeOutcome(observed) };
}

/** Runs whose every case has the same verdict and every step the same behaviour and standing, in order. */
function groupIdentical(runs: readonly RecordedRun[]): RecordedRun[][] {
  const groups = new Map<string, RecordedRun[]>();
  for (const recorded of runs) {
    const key = behaviourOfRun(recorded);
    groups.set(key, [...(groups.get(key) ?? []), recorded]);
  }
  return [...groups.values()];
}

function behaviourOfRun(recorded: RecordedRun): string {
  const cases = [...recorded.cases]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((result) => [result.id, result.verdict, result.checks.map((check) => [check.stepId, behaviourKey(check.observed), standingOf(check)])]);
  return JSON.stringify(cases);
}

function column(group: readonly NamedRun[]): MatrixColumn {
  const runs = group.map(({ run, origin, name }): MatrixRun => ({
    ...(name === undefined ? {} : { name }),
    ...(origin === undefined ? {} : { origin }),
    provider: run.provider,
    providerVersion: run.providerVersion,
    ...(run.providerBuild === undefined ? {} : { providerBuild: run.providerBuild }),
    stack: run.stack,
    host: run.host,
    startedAt: run.startedAt,
    judgedAgainst: run.judgedAgainst,
  }));
  const labels = unionInOrder([runs.map((run) => `${run.name === undefined ? '' : `${run.name}: `}${providerLabel(run)}${run.judgedAgainst === 'docs' ? '' : ' (judged against Windows)'}`)]);
  return { label: labels.join(' = '), runs };
}

/**
 * What can tell two columns of one label apart, in the order tried: the
 * host, the day, the minute, the moment the run started, the file read.
 */
const TELLING_APART: readonly ((run: MatrixRun) => string | undefined)[] = [
  (run) => `on ${run.host}`,
  (run) => run.startedAt.slice(0, 10),
  (run) => run.startedAt.slice(0, 16).replace('T', ' '),
  (run) => run.startedAt,
  (run) => run.origin,
];

/** Columns whose labels would read alike get, each, the first detail that tells them apart. */
function distinctLabels(columns: readonly MatrixColumn[]): MatrixColumn[] {
  const alike = new Map<string, number>();
  for (const { label } of columns) alike.set(label, (alike.get(label) ?? 0) + 1);
  return columns.map((entry) => {
    if ((alike.get(entry.label) ?? 0) < 2) return entry;
    const peers = columns.filter((other) => other.label === entry.label);
    const detailOf = (detail: (run: MatrixRun) => string | undefined, of: MatrixColumn) => unionInOrder([of.runs.map((run) => detail(run) ?? '')]).join(' = ');
    const telling = TELLING_APART.find((detail) => new Set(peers.map((peer) => detailOf(detail, peer))).size === peers.length);
    return telling === undefined ? entry : { ...entry, label: `${entry.label}, ${detailOf(telling, entry)}` };
  });
}

function representative(group: readonly RecordedRun[]): RecordedRun {
  const first = group[0];
  if (first === undefined) throw new Error('an empty column');
  return first;
}

/** Each run's cases by id, made once: a merge of thousands of cases looks each up many times. */
const CASES_BY_ID = new WeakMap<RecordedRun, ReadonlyMap<string, CaseResult>>();

function resultOf(recorded: RecordedRun, caseId: string): CaseResult | undefined {
  let byId = CASES_BY_ID.get(recorded);
  if (byId === undefined) {
    byId = new Map(recorded.cases.map((result) => [result.id, result]));
    CASES_BY_ID.set(recorded, byId);
  }
  return byId.get(caseId);
}

function byProviderVersionBuildHostTime(a: RecordedRun, b: RecordedRun): number {
  const key = ({ run }: RecordedRun) => [run.provider, run.providerVersion, run.providerBuild?.name ?? '', run.host, run.startedAt];
  const [left, right] = [key(a), key(b)];
  for (const [index, value] of left.entries()) {
    const order = value.localeCompare(right[index] ?? '');
    if (order !== 0) return order;
  }
  return 0;
}

/** Every item of the lists, once, in the order first met. */
function unionInOrder(lists: readonly (readonly string[])[]): string[] {
  return [...new Set(lists.flat())];
}
