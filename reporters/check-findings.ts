/**
 * What a report says about the checks behind a verdict (the judge marks
 * them): the documented-vs-observed text for each. Shared by the console
 * and JUnit reporters so a failure reads the same in a terminal and in CI.
 */
import type { CaseResult, CheckResult, KnownDeviation } from '../harness/results/result.js';
import { describeCall, describeExpected, describeOutcome } from '../harness/results/describe-outcome.js';

/**
 * Lines explaining one check, meant to be indented under a heading:
 *
 *     step connect: WSAConnect(s=3, name=127.0.0.1:5000)
 *       documented: SOCKET_ERROR WSAEWOULDBLOCK
 *       observed:   0
 *       mismatch:   returns 0, documented SOCKET_ERROR
 */
export function describeCheckFinding(check: CheckResult): string[] {
  const lines = [
    `step ${check.stepId}: ${describeCall(check.call, check.args)}`,
    `  documented: ${describeExpected(check.expected)}`,
    `  observed:   ${describeOutcome(check.observed)}`,
  ];
  if (check.known !== undefined) {
    lines.push(`  ${check.passed ? 'was listed: ' : 'deviation: '} ${describeDeviationReason(check.known)}`);
    lines.push(`  recorded:   ${describeOutcome(check.known.recorded)}`);
  }
  if (check.mismatch !== undefined) lines.push(`  mismatch:   ${check.mismatch}`);
  return lines;
}

/**
 * Every line a report shows under a non-passing case: where it was cut
 * short (TIMEOUT, CRASH), then each explaining check.
 */
export function describeCaseFindings(result: CaseResult): string[] {
  const lines: string[] = [];
  if (result.interruptedAt !== undefined) lines.push(`interrupted at step ${result.interruptedAt}`);
  for (const check of result.checks.filter((entry) => entry.explainsVerdict)) lines.push(...describeCheckFinding(check));
  return lines;
}

/** One line per covered check: `KNOWN deviation: reason (bug); documented …; observed …`. */
export function describeKnownDeviations(result: CaseResult): string[] {
  return result.checks.filter(isCoveredByDeviation).map(
    (check) =>
      `KNOWN deviation: ${describeDeviationReason(check.known)}; ` +
      `documented ${describeExpected(check.expected)}; observed ${describeOutcome(check.observed)}`,
  );
}

/** A failing check whose observation is the one the provider's expectations recorded. */
function isCoveredByDeviation(check: CheckResult): check is CheckResult & { readonly known: KnownDeviation } {
  return !check.passed && check.known !== undefined;
}

function describeDeviationReason(deviation: KnownDeviation): string {
  return deviation.bug === undefined ? deviation.reason : `${deviation.reason} (${deviation.bug})`;
}
