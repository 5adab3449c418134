/**
 * What a report says about the checks behind a verdict: which checks to
 * show, and the documented-vs-observed text for each. Shared by the console
 * and JUnit reporters so a failure reads the same in a terminal and in CI.
 */
import type { CaseResult, CheckResult, KnownDeviation } from '../harness/results/result.js';
import { describeCall, describeExpected, describeOutcome } from './describe-outcome.js';

/**
 * The checks that explain a case's verdict, leaving out those that went as
 * documented.
 * - FAIL, ERROR, TIMEOUT, CRASH: the failed checks no listed deviation
 *   covers (those are what made the case red); all failed checks if every
 *   one is covered.
 * - KNOWN: the checks covered by a listed deviation.
 * - XPASS: the checks that carry a listed deviation yet passed, i.e. the
 *   deviation was not seen. The judge (harness/verdicts/judge.ts) does not
 *   annotate passed checks with their deviation, so usually none does; then
 *   the documented checks, which show the provider now doing as documented.
 * - PASS, SKIP: none.
 */
export function explainingChecks(result: CaseResult): readonly CheckResult[] {
  const { checks } = result;
  switch (result.verdict) {
    case 'PASS':
    case 'SKIP':
      return [];
    case 'KNOWN':
      return checks.filter(isCoveredByDeviation);
    case 'XPASS': {
      const deviationNotSeen = checks.filter((check) => check.passed && check.known !== undefined);
      return deviationNotSeen.length > 0 ? deviationNotSeen : checks.filter((check) => check.kind === 'documented');
    }
    case 'FAIL':
    case 'ERROR':
    case 'TIMEOUT':
    case 'CRASH': {
      const failed = checks.filter((check) => !check.passed);
      const unexplained = failed.filter((check) => !isCoveredByDeviation(check));
      return unexplained.length > 0 ? unexplained : failed;
    }
  }
}

/** A failing check whose observation is the one the provider's expectations recorded. (A passing check may carry
 * its listed deviation too: that is an XPASS, the deviation is gone.) */
function isCoveredByDeviation(check: CheckResult): check is CheckResult & { readonly known: KnownDeviation } {
  return !check.passed && check.known !== undefined;
}

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
  for (const check of explainingChecks(result)) lines.push(...describeCheckFinding(check));
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

function describeDeviationReason(deviation: KnownDeviation): string {
  return deviation.bug === undefined ? deviation.reason : `${deviation.reason} (${deviation.bug})`;
}
