/**
 * A run's counts in one line. Reporters never count on their own: the runner
 * hands them the RunSummary of harness/judging/results/summary.ts, so every report
 * agrees on the numbers.
 */
import type { RunSummary, Verdict } from '../harness/judging/results/result.js';

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
