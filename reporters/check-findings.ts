/**
 * What a report says about the checks behind a verdict (the judge marks
 * them): the documented-vs-observed text for each. Shared by the console
 * and JUnit reporters so a failure reads the same in a terminal and in CI.
 */
import type { CaseResult, CheckResult, KnownDeviation } from '../harness/judging/results/result.js';
import { describeCall, describeExpected, describeOutcome } from '../harness/judging/results/describe-outcome.js';

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

/**
 * One check in one line, for the places that show a single line (a JUnit
 * failure message): `connect: documented SOCKET_ERROR WSAEWOULDBLOCK; observed 0`,
 * then the listed deviation when one applies.
 */
export function describeCheckInOneLine(check: CheckResult): string {
  const documented = check.kind === 'setup' ? 'set-up step must succeed' : `documented ${describeExpected(check.expected)}`;
  const line = `${check.stepId}: ${documented}; observed ${describeOutcome(check.observed)}`;
  if (check.known === undefined) return line;
  return check.passed
    ? `${line}; listed deviation not seen (recorded ${describeOutcome(check.known.recorded)})`
    : `${line}; known deviation: ${describeDeviationReason(check.known)}`;
}

/**
 * The checks behind the verdict in one line, ` | ` between checks; the
 * case's message when no check explains it (a SKIP, an ERROR before any call).
 */
export function describeFindingsInOneLine(result: CaseResult): string {
  const checks = result.checks.filter((check) => check.explainsVerdict);
  return toOneLine(checks.length === 0 ? result.message : checks.map(describeCheckInOneLine).join(' | '));
}

/** Line breaks (and the spaces around them) as one space: messages from errors may span lines. */
export function toOneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

function describeDeviationReason(deviation: KnownDeviation): string {
  return deviation.bug === undefined ? deviation.reason : `${deviation.reason} (${deviation.bug})`;
}
