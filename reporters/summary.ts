/**
 * Counting a run and saying it in one line. Reporters never count on their
 * own: the runner hands them the RunSummary made here, so every report
 * agrees on the numbers.
 */
import { ACCEPTED_VERDICTS, VERDICTS } from '../harness/results/result.js';
import type { CaseResult, RunSummary, Verdict, VerdictCounts } from '../harness/results/result.js';

export function summarize(results: readonly CaseResult[], durationMs: number): RunSummary {
  const counts = Object.fromEntries(VERDICTS.map((verdict) => [verdict, 0])) as Record<Verdict, number>;
  for (const result of results) counts[result.verdict] += 1;
  return {
    counts: counts satisfies VerdictCounts,
    total: results.length,
    durationMs,
    // An empty run is green: nothing was rejected. Whether running no case
    // at all is an error (a filter matching nothing) is the runner's call.
    green: results.every((result) => ACCEPTED_VERDICTS.has(result.verdict)),
  };
}

/**
 * The words of the summary line, in the order it prints them. This is not
 * VERDICTS' order: the line puts what a reader acts on first.
 */
const SUMMARY_WORDS: readonly (readonly [Verdict, string])[] = [
  ['PASS', 'passed'],
  ['FAIL', 'failed'],
  ['KNOWN', 'known'],
  ['SKIP', 'skipped'],
  ['XPASS', 'xpass'],
  ['ERROR', 'error'],
  ['TIMEOUT', 'timeout'],
  ['CRASH', 'crash'],
];

/** Always shown, even when zero, so CI can parse the line with one fixed pattern. */
const ALWAYS_SHOWN: ReadonlySet<Verdict> = new Set<Verdict>(['PASS', 'FAIL']);

/** `12 passed, 1 failed, 4 known, 1 timeout`: passed and failed always, the rest only when non-zero. */
export function formatSummaryLine(summary: RunSummary): string {
  return SUMMARY_WORDS.filter(([verdict]) => ALWAYS_SHOWN.has(verdict) || summary.counts[verdict] > 0)
    .map(([verdict, word]) => `${summary.counts[verdict]} ${word}`)
    .join(', ');
}
