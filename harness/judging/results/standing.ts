/**
 * How one check stood, in three words that compare across runs: it saw what
 * it was judged against (`expected`: the page, or Windows when the run judged
 * by it), it saw a deviation listed for the provider exactly as recorded
 * (`recorded`), or it saw something nothing explains (`unexpected`).
 */
import type { CheckResult } from './result.js';

export const STANDINGS = ['expected', 'recorded', 'unexpected'] as const;
export type Standing = (typeof STANDINGS)[number];

export function standingOf(check: Pick<CheckResult, 'passed' | 'known'>): Standing {
  if (check.passed) return 'expected';
  return check.known === undefined ? 'unexpected' : 'recorded';
}
