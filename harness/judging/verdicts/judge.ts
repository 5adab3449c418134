/**
 * Turns a case's checks and the way it ended into one verdict. The checks
 * carry what the page documents and what was observed; the provider's listed
 * deviations decide only whether a difference is already known. The judge
 * also marks the checks that explain the verdict, so that reports only read.
 */
import type { Deviation } from '../expectations/deviation.js';
import { describeExpected, describeOutcome } from '../results/describe-outcome.js';
import type { CheckResult, KnownDeviation, ObservedCheck, Verdict } from '../results/result.js';
import { matchValue } from './match.js';
import type { Termination } from './termination.js';

export interface Judgement {
  readonly verdict: Verdict;
  readonly message: string;
  readonly checks: readonly CheckResult[];
  readonly interruptedAt?: string;
}

/** A check with the provider's listed deviation for its step, if any; not yet marked. */
type AnnotatedCheck = ObservedCheck & { readonly known?: KnownDeviation };

type Verdicted = Omit<Judgement, 'checks'>;

export function judge(checks: readonly ObservedCheck[], termination: Termination, deviations: readonly Deviation[]): Judgement {
  const annotated = checks.map((check) => withKnownDeviation(check, deviations));
  const verdicted = decide(annotated, termination, deviations);
  return { ...verdicted, checks: markExplaining(annotated, verdicted.verdict) };
}

function decide(checks: readonly AnnotatedCheck[], termination: Termination, deviations: readonly Deviation[]): Verdicted {
  switch (termination.kind) {
    case 'skip':
      return { verdict: 'SKIP', message: termination.reason };
    case 'error':
      return { verdict: 'ERROR', message: termination.detail, ...interrupted(termination.stepId) };
    case 'timeout':
      return judgeInterrupted(checks, termination.stepId, 'TIMEOUT', timeoutMessage(termination), deviations);
    case 'crash':
      return judgeInterrupted(checks, termination.stepId, 'CRASH', `${termination.stepId}: ${termination.detail}`, deviations);
    case 'completed':
      return judgeCompleted(checks, deviations);
  }
}

function judgeCompleted(checks: readonly AnnotatedCheck[], deviations: readonly Deviation[]): Verdicted {
  const unexplained = checks.find(isUnexplained);
  if (unexplained) return { verdict: 'FAIL', message: failureMessage(unexplained, deviations) };
  const fixed = checks.filter(isDeviationGone);
  if (fixed.length > 0) {
    const ids = fixed.map((check) => check.stepId).join(', ');
    return { verdict: 'XPASS', message: `listed deviation not seen any more: ${ids} behaved as documented` };
  }
  const known = checks.filter(isKnownDeviation);
  if (known.length > 0) {
    return { verdict: 'KNOWN', message: known.map((check) => `${check.stepId}: ${check.known.reason}`).join('; ') };
  }
  return { verdict: 'PASS', message: `${checks.length} ${checks.length === 1 ? 'check' : 'checks'} as documented` };
}

/** A call that killed or hung the provider is KNOWN only if the provider's expectations list exactly that. */
function judgeInterrupted(
  checks: readonly AnnotatedCheck[],
  stepId: string,
  verdict: 'TIMEOUT' | 'CRASH',
  what: string,
  deviations: readonly Deviation[],
): Verdicted {
  const unexplained = checks.find(isUnexplained);
  const listed = deviations.find((deviation) => deviation.step === stepId && deviation.observed['interrupted'] === verdict);
  // A listed interruption does not excuse an earlier check that failed without being listed.
  if (listed && unexplained) return { verdict: 'FAIL', message: `${failureMessage(unexplained, deviations)}; then ${what}`, interruptedAt: stepId };
  if (listed) return { verdict: 'KNOWN', message: `${what} (listed: ${listed.reason})`, interruptedAt: stepId };
  return { verdict, message: what, interruptedAt: stepId };
}

/**
 * The checks a report shows under a verdict:
 * - FAIL, ERROR, TIMEOUT, CRASH: the failed checks no listed deviation covers,
 *   or every failed check when each one is covered;
 * - KNOWN: the checks covered by a listed deviation;
 * - XPASS: the checks whose listed deviation was not seen;
 * - PASS, SKIP: none.
 */
function markExplaining(checks: readonly AnnotatedCheck[], verdict: Verdict): CheckResult[] {
  const explains = explainingPredicate(checks, verdict);
  return checks.map((check) => ({ ...check, explainsVerdict: explains(check) }));
}

function explainingPredicate(checks: readonly AnnotatedCheck[], verdict: Verdict): (check: AnnotatedCheck) => boolean {
  switch (verdict) {
    case 'PASS':
    case 'SKIP':
      return () => false;
    case 'KNOWN':
      return isKnownDeviation;
    case 'XPASS':
      return isDeviationGone;
    case 'FAIL':
    case 'ERROR':
    case 'TIMEOUT':
    case 'CRASH':
      return checks.some(isUnexplained) ? isUnexplained : (check) => !check.passed;
  }
}

function isUnexplained(check: AnnotatedCheck): boolean {
  return !check.passed && check.known === undefined;
}

function isKnownDeviation(check: AnnotatedCheck): check is AnnotatedCheck & { readonly known: KnownDeviation } {
  return !check.passed && check.known !== undefined;
}

function isDeviationGone(check: AnnotatedCheck): boolean {
  return check.passed && check.known !== undefined;
}

function withKnownDeviation(check: ObservedCheck, deviations: readonly Deviation[]): AnnotatedCheck {
  const deviation = deviations.find((candidate) => candidate.step === check.stepId);
  if (!deviation) return check;
  // A failing check that differs from what was recorded is not covered: the provider changed again.
  if (!check.passed && matchValue(deviation.observed, check.observed) !== undefined) return check;
  // On a passing check the entry is attached too, so reports can show what was recorded before it was fixed (XPASS).
  return {
    ...check,
    known: { reason: deviation.reason, recorded: deviation.observed, ...(deviation.bug ? { bug: deviation.bug } : {}) },
  };
}

function failureMessage(check: ObservedCheck, deviations: readonly Deviation[]): string {
  const documented = check.kind === 'setup' ? 'set-up step must succeed' : `documented ${describeExpected(check.expected)}`;
  const base = `${check.stepId}: ${documented}; observed ${describeOutcome(check.observed)}`;
  const listed = deviations.find((deviation) => deviation.step === check.stepId);
  return listed ? `${base} (the listed deviation recorded ${describeOutcome(listed.observed)})` : base;
}

function timeoutMessage(termination: Extract<Termination, { kind: 'timeout' }>): string {
  const limit = `within the case's ${termination.limitMs} ms limit`;
  return termination.inProvider
    ? `${termination.stepId} did not return ${limit}; the provider process was killed`
    : `${termination.stepId} did not complete ${limit}`;
}

function interrupted(stepId: string | undefined): { interruptedAt?: string } {
  return stepId === undefined ? {} : { interruptedAt: stepId };
}
