/** What must not change between two runs of a case, for the determinism check. */
import type { CaseResult } from '../harness/results/result.js';

/** Keys whose values change from run to run by design: ephemeral ports, socket handles. */
const VOLATILE_KEYS = new Set(['port', 'handle']);

/** A case as far as determinism goes: its verdict and, per step, what was observed, volatile values masked (durations are left out). */
export function fingerprint(result: CaseResult): string {
  return JSON.stringify({ verdict: result.verdict, checks: result.checks.map((check) => [check.stepId, mask(check.observed)]) });
}

function mask(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(mask);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, VOLATILE_KEYS.has(key) ? '*' : mask(field)]));
}
