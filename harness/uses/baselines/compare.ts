/**
 * What changed between a baseline run and a current one, case by case and
 * step by step. Steps are compared by what was observed (each check's stable
 * observation: handles and ports masked), not only by verdict:
 *
 * - regression: the step saw what it was judged against, or a listed deviation
 *   as recorded, and now sees something else that nothing explains — or the
 *   case is now red and no longer reaches it;
 * - fix: the step did not see what it was judged against, and now does;
 * - changed: the observation changed, and neither of the above holds (a step
 *   made or not made now, another unexplained observation…);
 * - rejudged: the same observation, judged otherwise (the case, the
 *   expectations or the standard changed, not the provider).
 *
 * A case's change is the most serious of its steps'; cases only in one run
 * are new or removed. The comparison is data (comparison.json, README
 * "Baselines"): reporters read it to mark what changed.
 */
import { ACCEPTED_VERDICTS, type CaseResult, type CheckResult, type Observation, type RunInfo, type Verdict } from '../../judging/results/result.js';
import type { RecordedRun } from '../../judging/results/recorded-run.js';
import { behaviourKey, stableObservation } from '../../judging/results/stable-observation.js';
import { standingOf, type Standing } from '../../judging/results/standing.js';
import { selectCases } from '../../run/runner/select-cases.js';

/** The version of comparison.json this harness writes. */
export const COMPARISON_FORMAT = 1;

export const STEP_CHANGES = ['regression', 'fix', 'changed', 'rejudged'] as const;
export type StepChangeKind = (typeof STEP_CHANGES)[number];
export type CaseChangeKind = StepChangeKind | 'new' | 'removed';

/** A step as one run saw it. */
export interface StepState {
  readonly observed: Observation;
  readonly standing: Standing;
}

export interface StepChange {
  readonly stepId: string;
  readonly kind: StepChangeKind;
  /** Absent when the run did not make the call. */
  readonly baseline?: StepState;
  readonly current?: StepState;
}

export interface CaseChange {
  readonly id: string;
  readonly title: string;
  readonly kind: CaseChangeKind;
  readonly baselineVerdict?: Verdict;
  readonly currentVerdict?: Verdict;
  /** Why the verdict changed, when no step says it (the case did not run, a peer failed…): the current message. */
  readonly note?: string;
  readonly steps: readonly StepChange[];
}

/** A run, as the comparison names it. */
export interface ComparedRun {
  readonly origin?: string;
  readonly provider: string;
  readonly providerVersion: string;
  readonly providerBuild?: RunInfo['providerBuild'];
  readonly host: string;
  readonly startedAt: string;
  readonly judgedAgainst: RunInfo['judgedAgainst'];
}

export interface Comparison {
  readonly format: typeof COMPARISON_FORMAT;
  readonly baseline: ComparedRun;
  readonly current: ComparedRun;
  /** What makes the two runs less comparable: another provider, another case set, another standard. */
  readonly notes: readonly string[];
  /** Cases by change. */
  readonly counts: { readonly [K in CaseChangeKind]: number };
  /** The cases that changed, regressions first, then in the current run's order. */
  readonly cases: readonly CaseChange[];
}

const SERIOUSNESS: readonly CaseChangeKind[] = ['regression', 'changed', 'fix', 'new', 'removed', 'rejudged'];

export function compareRuns(baseline: RecordedRun, current: RecordedRun): Comparison {
  const before = new Map(baseline.cases.map((result) => [result.id, result]));
  const after = new Map(current.cases.map((result) => [result.id, result]));
  const changes: CaseChange[] = [];
  const selectedBefore = new Set(selectCases(current.cases, baseline.run.filters).map((result) => result.id));
  for (const result of current.cases) {
    const earlier = before.get(result.id);
    if (earlier === undefined && !selectedBefore.has(result.id)) continue;
    const change = earlier === undefined ? newCase(result) : compareCase(earlier, result);
    if (change !== undefined) changes.push(change);
  }
  // A case one run's --grep or --tag left out was not removed or added: it is not compared.
  const selectedNow = new Set(selectCases(baseline.cases, current.run.filters).map((result) => result.id));
  for (const result of baseline.cases) {
    if (!after.has(result.id) && selectedNow.has(result.id)) changes.push(removedCase(result));
  }
  const ordered = [...changes].sort((a, b) => SERIOUSNESS.indexOf(a.kind) - SERIOUSNESS.indexOf(b.kind));
  const counts = Object.fromEntries(SERIOUSNESS.map((kind) => [kind, changes.filter((change) => change.kind === kind).length])) as Comparison['counts'];
  return {
    format: COMPARISON_FORMAT,
    baseline: comparedRun(baseline),
    current: comparedRun(current),
    notes: notesOn(baseline.run, current.run),
    counts,
    cases: ordered,
  };
}

export function hasRegression(comparison: Comparison): boolean {
  return comparison.counts.regression > 0;
}

function compareCase(baseline: CaseResult, current: CaseResult): CaseChange | undefined {
  const steps = stepIds(baseline, current).flatMap((stepId) => {
    const change = compareStep(stepId, checkOf(baseline, stepId), checkOf(current, stepId), current.verdict);
    return change === undefined ? [] : [change];
  });
  const verdictChanged = baseline.verdict !== current.verdict;
  if (steps.length === 0 && !verdictChanged) return undefined;
  const kind = steps.length === 0 ? verdictOnlyChange(baseline.verdict, current.verdict) : mostSerious(steps.map((step) => step.kind));
  return {
    id: current.id,
    title: current.title,
    kind,
    baselineVerdict: baseline.verdict,
    currentVerdict: current.verdict,
    ...(steps.length === 0 || current.checks.length === 0 ? { note: current.message } : {}),
    steps,
  };
}

function compareStep(stepId: string, baseline: CheckResult | undefined, current: CheckResult | undefined, currentVerdict: Verdict): StepChange | undefined {
  const before = baseline === undefined ? undefined : stateOf(baseline);
  const after = current === undefined ? undefined : stateOf(current);
  const states = { ...(before === undefined ? {} : { baseline: before }), ...(after === undefined ? {} : { current: after }) };
  if (before === undefined || after === undefined) {
    // A call made in one run only: the case stopped earlier in the other, or the step is new or gone.
    const lostGoodStep = before !== undefined && before.standing !== 'unexpected' && !ACCEPTED_VERDICTS.has(currentVerdict);
    return { stepId, kind: lostGoodStep ? 'regression' : 'changed', ...states };
  }
  if (behaviourKey(before.observed) === behaviourKey(after.observed)) {
    return before.standing === after.standing ? undefined : { stepId, kind: 'rejudged', ...states };
  }
  if (before.standing !== 'unexpected' && after.standing === 'unexpected') return { stepId, kind: 'regression', ...states };
  if (before.standing !== 'expected' && after.standing === 'expected') return { stepId, kind: 'fix', ...states };
  return { stepId, kind: 'changed', ...states };
}

/** A case whose steps all look the same but whose verdict changed: it did not run, or ended otherwise. */
function verdictOnlyChange(baseline: Verdict, current: Verdict): CaseChangeKind {
  if (ACCEPTED_VERDICTS.has(baseline) && baseline !== 'SKIP' && !ACCEPTED_VERDICTS.has(current)) return 'regression';
  if (!ACCEPTED_VERDICTS.has(baseline) && ACCEPTED_VERDICTS.has(current) && current !== 'SKIP') return 'fix';
  return 'changed';
}

function mostSerious(kinds: readonly CaseChangeKind[]): CaseChangeKind {
  return SERIOUSNESS.find((kind) => kinds.includes(kind)) ?? 'changed';
}

function newCase(result: CaseResult): CaseChange {
  return { id: result.id, title: result.title, kind: 'new', currentVerdict: result.verdict, steps: [] };
}

function removedCase(result: CaseResult): CaseChange {
  return { id: result.id, title: result.title, kind: 'removed', baselineVerdict: result.verdict, steps: [] };
}

function stateOf(check: CheckResult): StepState {
  return { observed: stableObservation(check.observed), standing: standingOf(check) };
}

function checkOf(result: CaseResult, stepId: string): CheckResult | undefined {
  return result.checks.find((check) => check.stepId === stepId);
}

/** The current run's steps in its order, then the steps only the baseline made. */
function stepIds(baseline: CaseResult, current: CaseResult): string[] {
  const ids = current.checks.map((check) => check.stepId);
  return [...ids, ...baseline.checks.map((check) => check.stepId).filter((id) => !ids.includes(id))];
}

function comparedRun(recorded: RecordedRun): ComparedRun {
  const { provider, providerVersion, providerBuild, host, startedAt, judgedAgainst } = recorded.run;
  return { ...(recorded.origin === undefined ? {} : { origin: recorded.origin }), provider, providerVersion, ...(providerBuild === undefined ? {} : { providerBuild }), host, startedAt, judgedAgainst };
}

function notesOn(baseline: RunInfo, current: RunInfo): string[] {
  const notes: string[] = [];
  for (const [which, run] of [['baseline', baseline], ['current', current]] as const) {
    if (run.filters.grep !== undefined || run.filters.tags.length > 0) {
      notes.push(`the ${which} run selected cases (${describeFilters(run.filters)}): only cases both runs selected are compared`);
    }
  }
  if (baseline.provider !== current.provider) notes.push(`the runs are of different providers (${baseline.provider}, ${current.provider})`);
  if (baseline.caseSet.sha256 !== current.caseSet.sha256) {
    notes.push(`the case sets differ (${baseline.caseSet.count} and ${current.caseSet.count} cases loaded): what a step documents may have changed too`);
  }
  if (baseline.judgedAgainst !== current.judgedAgainst) {
    notes.push(`the runs judged by different standards (${baseline.judgedAgainst}, ${current.judgedAgainst}): standings are not comparable where a step has a Windows reference`);
  }
  if (baseline.provider === current.provider && baseline.expectations.sha256 !== current.expectations.sha256) {
    notes.push(`the ${current.provider} expectations differ: a step may be recorded in one run and unexpected in the other`);
  }
  return notes;
}

function describeFilters(filters: RunInfo['filters']): string {
  return [...(filters.grep === undefined ? [] : [`--grep ${filters.grep}`]), ...filters.tags.map((tag) => `--tag ${tag}`)].join(' ');
}
