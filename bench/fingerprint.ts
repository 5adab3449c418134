/** What must not change between two runs of a case, for the determinism check. */
import type { CaseResult } from '../harness/judging/results/result.js';
import { stableObservation } from '../harness/judging/results/stable-observation.js';

/** A case as far as determinism goes: its verdict and, per step, what was observed, volatile values masked (durations are left out). */
export function fingerprint(result: CaseResult): string {
  return JSON.stringify({ verdict: result.verdict, checks: result.checks.map((check) => [check.stepId, stableObservation(check.observed)]) });
}
