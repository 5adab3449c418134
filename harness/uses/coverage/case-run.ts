/**
 * What a run did with one case, as coverage needs it, read from its result:
 * the verdict, the documented steps it checked, and where it stopped short.
 */
import type { CaseResult } from '../../judging/results/result.js';
import type { CaseRun, StopPoint } from './compute.js';

export function caseRunOf(result: CaseResult): CaseRun {
  const checked = new Set(result.checks.filter((check) => check.kind === 'documented').map((check) => check.stepId));
  const stoppedAt = stopPoint(result);
  return { verdict: result.verdict, checked, ...(stoppedAt === undefined ? {} : { stoppedAt }) };
}

/**
 * Where a case stopped: a set-up step that failed (a run ends a case there), with the listed deviation's reason
 * or else the mismatch; a case ended by a TIMEOUT or a CRASH names the step that was running; a skipped case
 * gives the skip's reason.
 */
function stopPoint(result: CaseResult): StopPoint | undefined {
  if (result.verdict === 'SKIP') return { why: `skipped: ${result.message}` };
  if (result.interruptedAt !== undefined) return { step: result.interruptedAt, why: result.message };
  const last = result.checks.at(-1);
  if (last === undefined || last.kind !== 'setup' || last.passed) return undefined;
  return { step: last.stepId, why: last.known?.reason ?? last.mismatch ?? result.message };
}
