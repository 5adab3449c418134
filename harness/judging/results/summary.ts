/**
 * Counting a run. The runner hands the RunSummary made here to every
 * reporter, so that every report agrees on the numbers.
 */
import { ACCEPTED_VERDICTS, VERDICTS } from './result.js';
import type { CaseResult, RunSummary, Verdict, VerdictCounts } from './result.js';

export function summarize(results: readonly CaseResult[], durationMs: number, incomplete?: string): RunSummary {
  const counts = Object.fromEntries(VERDICTS.map((verdict) => [verdict, 0])) as Record<Verdict, number>;
  for (const result of results) counts[result.verdict] += 1;
  return {
    counts: counts satisfies VerdictCounts,
    total: results.length,
    durationMs,
    // An empty run is green: nothing was rejected. Whether running no case
    // at all is an error (a filter matching nothing) is the runner's call.
    green: results.every((result) => ACCEPTED_VERDICTS.has(result.verdict)),
    ...(incomplete === undefined ? {} : { incomplete }),
  };
}
