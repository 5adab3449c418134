/**
 * Turns a case's checks and the way it ended into one verdict. The checks
 * carry what the page documents and what was observed; the provider's listed
 * deviations decide only whether a difference is already known.
 */
import type { Deviation } from '../expectations/deviation.js';
import type { CheckResult, Verdict } from '../results/result.js';
import { describeExpected, describeOutcome } from '../../reporters/describe-outcome.js';
import { matchValue } from './match.js';
import type { Termination } from './termination.js';

export interface Judgement {
  readonly verdict: Verdict;
  readonly message: string;
  readonly checks: readonly CheckResult[];
  readonly interruptedAt?: string;
}

export function judge(checks: readonly CheckResult[], termination: Termination, deviations: readonly Deviation[]): Judgement {
  const annotated = checks.map((check) => withKnownDeviation(check, deviations));
  switch (termination.kind) {
    case 'skip':
      return { verdict: 'SKIP', message: termination.reason, checks: annotated };
    case 'error':
      return { verdict: 'ERROR', message: termination.detail, checks: annotated, ...interrupted(termination.stepId) };
    case 'timeout':
      return judgeInterrupted(annotated, termination.stepId, 'TIMEOUT', timeoutMessage(termination), deviations);
    case 'crash':
      return judgeInterrupted(annotated, termination.stepId, 'CRASH', `${termination.stepId}: ${termination.detail}`, deviations);
    case 'completed':
      return judgeCompleted(annotated, deviations);
  }
}

function judgeCompleted(checks: readonly CheckResult[], deviations: readonly Deviation[]): Judgement {
  const unexplained = checks.find((check) => !check.passed && !check.known);
  if (unexplained) return { verdict: 'FAIL', message: failureMessage(unexplained, deviations), checks };
  const fixed = checks.filter((check) => check.passed && check.known);
  if (fixed.length > 0) {
    const ids = fixed.map((check) => check.stepId).join(', ');
    return { verdict: 'XPASS', message: `listed deviation not seen any more: ${ids} behaved as documented`, checks };
  }
  const known = checks.filter((check) => !check.passed && check.known);
  if (known.length > 0) {
    const reasons = known.map((check) => `${check.stepId}: ${check.known?.reason ?? ''}`).join('; ');
    return { verdict: 'KNOWN', message: reasons, checks };
  }
  return { verdict: 'PASS', message: `${checks.length} checks as documented`, checks };
}

/** A call that killed or hung the provider is KNOWN only if the provider's expectations list exactly that. */
function judgeInterrupted(
  checks: readonly CheckResult[],
  stepId: string,
  verdict: 'TIMEOUT' | 'CRASH',
  what: string,
  deviations: readonly Deviation[],
): Judgement {
  const unexplained = checks.find((check) => !check.passed && !check.known);
  const listed = deviations.find((deviation) => deviation.step === stepId && deviation.observed['interrupted'] === verdict);
  // A listed interruption does not excuse an earlier check that failed without being listed.
  if (listed && unexplained) return { verdict: 'FAIL', message: `${failureMessage(unexplained, deviations)}; then ${what}`, checks, interruptedAt: stepId };
  if (listed) return { verdict: 'KNOWN', message: `${what} (listed: ${listed.reason})`, checks, interruptedAt: stepId };
  return { verdict, message: what, checks, interruptedAt: stepId };
}

function withKnownDeviation(check: CheckResult, deviations: readonly Deviation[]): CheckResult {
  const deviation = deviations.find((candidate) => candidate.step === check.stepId);
  if (!deviation) return check;
  // On a passing check the entry is attached too, so reports can show what was recorded before it was fixed (XPASS).
  if (!check.passed && matchValue(deviation.observed, check.observed) !== undefined) return check;
  return {
    ...check,
    known: { reason: deviation.reason, recorded: deviation.observed, ...(deviation.bug ? { bug: deviation.bug } : {}) },
  };
}

function failureMessage(check: CheckResult, deviations: readonly Deviation[]): string {
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
