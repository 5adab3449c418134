/**
 * A case's verdict in mocha's terms. Mocha knows three states — passed,
 * pending, failed — and reporters show a test's title, its failure's message
 * and stack, and a diff where the error carries `expected` and `actual`:
 *
 * - PASS, KNOWN → passed. The test's `context` (the field mochawesome's
 *   addContext fills, set here without depending on it) carries the verdict,
 *   and for KNOWN the deviation: each check, documented against observed,
 *   with the reason the expectations file gives.
 * - SKIP → pending. Mocha's skip takes no reason and its reporters have no
 *   place for one, so the reason goes first in the test's context (`skipped
 *   because`), where mochawesome and any reporter reading `test.context`
 *   show it. The title stays the case id: a reason differs by provider
 *   (a capability one lacks), and a title that changed with it would break
 *   a test's history in CI.
 * - FAIL, XPASS → an AssertionError whose expected and actual are, a line per
 *   check behind the verdict, what the page documents (for XPASS: what the
 *   expectations file records) and what the provider did.
 * - ERROR, TIMEOUT, CRASH → a CaseVerdictError naming the verdict.
 *
 * Every error's message starts with the verdict, then the one line the
 * CLI's junit.xml shows; its stack holds the text junit.xml gives in full and
 * one frame: the case in its YAML file, where an editor can jump.
 */
import { AssertionError } from 'node:assert';
import { describeExpected, describeOutcome } from '../harness/judging/results/describe-outcome.js';
import type { CaseResult, CheckResult, Verdict } from '../harness/judging/results/result.js';
import { describeCaseFindings, toOneLine } from '../reporters/check-findings.js';
import { junitMessage, junitText } from '../reporters/junit.js';
import { clauseName } from '../harness/language/clauses/clause.js';

/** A red verdict that is not a comparison gone wrong: ERROR, TIMEOUT, CRASH. */
export class CaseVerdictError extends Error {
  constructor(
    readonly verdict: Verdict,
    message: string,
  ) {
    super(message);
    this.name = 'CaseVerdictError';
  }
}

export type MochaOutcome =
  | { readonly state: 'passed' }
  | { readonly state: 'pending'; readonly reason: string }
  | { readonly state: 'failed'; readonly error: Error };

/** Where the case is written: an absolute path, its line and column. */
export interface CaseLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export function mochaOutcome(result: CaseResult, location: CaseLocation): MochaOutcome {
  switch (result.verdict) {
    case 'PASS':
    case 'KNOWN':
      return { state: 'passed' };
    case 'SKIP':
      return { state: 'pending', reason: toOneLine(result.message) };
    case 'FAIL':
      return { state: 'failed', error: withCaseStack(comparisonError(result, (check) => describeExpected(check.expected)), result, location) };
    case 'XPASS':
      return { state: 'failed', error: withCaseStack(comparisonError(result, recordedOutcome), result, location) };
    case 'ERROR':
    case 'TIMEOUT':
    case 'CRASH':
      return { state: 'failed', error: withCaseStack(new CaseVerdictError(result.verdict, headline(result)), result, location) };
  }
}

/** One entry of a test's `context`, in the shape mochawesome shows. */
export interface ContextEntry {
  readonly title: string;
  readonly value: string;
}

/** What a verdict's message is, where it is more than a message. */
const MESSAGE_TITLE: { readonly [V in Verdict]?: string } = { KNOWN: 'deviation', SKIP: 'skipped because' };

/** What a test's context holds, for every verdict: the verdict, the case, where it is, and what the verdict rests on. */
export function caseContext(result: CaseResult): ContextEntry[] {
  const findings = describeCaseFindings(result);
  return [
    { title: 'verdict', value: result.verdict },
    { title: 'case', value: result.title },
    { title: 'file', value: `${result.file}:${result.line}` },
    { title: 'clauses', value: result.clauses.map(clauseName).join(', ') },
    { title: MESSAGE_TITLE[result.verdict] ?? 'message', value: result.message },
    ...(findings.length === 0 ? [] : [{ title: 'checks', value: findings.join('\n') }]),
    ...(result.logExcerpt === undefined ? [] : [{ title: 'provider.log, last lines written during the case', value: result.logExcerpt }]),
  ];
}

function headline(result: CaseResult): string {
  return `${result.verdict}: ${junitMessage(result)}`;
}

/** Documented (or recorded) against observed, a line per check behind the verdict, as mocha's diff shows them. */
function comparisonError(result: CaseResult, expectedOf: (check: CheckResult) => string): AssertionError {
  const checks = result.checks.filter((check) => check.explainsVerdict);
  return new AssertionError({
    message: headline(result),
    expected: checks.map((check) => `${check.stepId}: ${expectedOf(check)}`).join('\n'),
    actual: checks.map((check) => `${check.stepId}: ${describeOutcome(check.observed)}`).join('\n'),
  });
}

/** For XPASS: what the expectations file says the provider does, which it no longer did. */
function recordedOutcome(check: CheckResult): string {
  return check.known === undefined ? describeExpected(check.expected) : describeOutcome(check.known.recorded);
}

/**
 * The stack every reporter prints under the message: the whole account of
 * the case (junit.xml's text), then one frame at the case in its YAML file.
 * Mocha's reporters split a stack at its first `at` frame, so the account
 * reads as part of the message.
 */
function withCaseStack<E extends Error>(error: E, result: CaseResult, location: CaseLocation): E {
  const account = junitText(result)
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
  error.stack = `${error.name}: ${error.message}\n${account}\n    at ${result.id} (${location.file}:${location.line}:${location.column})`;
  return error;
}
