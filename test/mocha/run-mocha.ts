/** Runs mocha on the conformance suite as a user would (`mocha --config conformance.mocharc.cjs`), and reads what its reporters wrote. */
import { expect } from 'chai';
import { join } from 'node:path';
import type { CaseResult, Verdict } from '../../harness/judging/results/result.js';
import { VARIABLES } from '../../mocha/settings.js';
import { toClassName } from '../../reporters/junit.js';
import { PROJECT_ROOT, runProcess, type CliRun } from '../integration/cli.js';

export const MOCHA = join(PROJECT_ROOT, 'node_modules', 'mocha', 'bin', 'mocha.js');
export const CONFORMANCE_CONFIG = join(PROJECT_ROOT, 'conformance.mocharc.cjs');
export const RECORD_REPORTER = join(PROJECT_ROOT, 'test', 'support', 'record-reporter.cjs');
/** The case set with one case of each verdict but CRASH, on the POSIX provider, and its deviations. */
export const OUTCOME_CASES = join(PROJECT_ROOT, 'test', 'mocha', 'cases');
export const OUTCOME_EXPECTATIONS = join(PROJECT_ROOT, 'test', 'mocha', 'expectations');

/** The variables of the suite under mocha; those not given are unset, whatever the outer environment says. */
export interface SuiteVariables {
  readonly WINSOCK_CONFORMANCE_PROVIDER: string;
  readonly WINSOCK_CONFORMANCE_CASES?: string;
  readonly WINSOCK_CONFORMANCE_EXPECTATIONS?: string;
  readonly WINSOCK_CONFORMANCE_AGAINST?: string;
  readonly WINSOCK_CONFORMANCE_LOG_DIR?: string;
}

export function runMocha(args: readonly string[], variables: SuiteVariables, options: { readonly command?: readonly string[]; readonly extraEnv?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.extraEnv };
  for (const name of Object.values(VARIABLES)) delete env[name];
  Object.assign(env, variables);
  const [file, ...prefix] = [...(options.command ?? []), process.execPath];
  return runProcess(file ?? process.execPath, [...prefix, MOCHA, '--config', CONFORMANCE_CONFIG, ...args], env);
}

/** One test as test/support/record-reporter.cjs wrote it. */
export interface RecordedTest {
  readonly type: string;
  readonly file: string;
  readonly title: string;
  readonly fullTitle: string;
  readonly suite: string;
  readonly state: 'passed' | 'failed' | 'pending';
  readonly context?: readonly { readonly title: string; readonly value: string }[];
  readonly error?: {
    readonly name: string;
    readonly message: string;
    readonly expected?: unknown;
    readonly actual?: unknown;
    readonly verdict?: string;
    readonly stack: string;
    readonly showsDiff: boolean;
  };
}

export function recordedTests(stdout: string): RecordedTest[] {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as RecordedTest);
}

/** A test case of mocha's xunit report: its name and class name, and its failure text or `skipped`. */
export interface XunitTest {
  readonly classname: string;
  readonly name: string;
  readonly outcome: 'passed' | 'failed' | 'skipped';
  readonly failure?: string;
}

export function xunitTests(xml: string): XunitTest[] {
  const pattern = /<testcase classname="([^"]*)" name="([^"]*)"[^>]*?(?:\/>|>([\s\S]*?)<\/testcase>)/g;
  return [...xml.matchAll(pattern)].map(([, classname = '', name = '', body]) => {
    if (body === undefined) return { classname: unescapeXml(classname), name: unescapeXml(name), outcome: 'passed' };
    if (body.startsWith('<skipped')) return { classname: unescapeXml(classname), name: unescapeXml(name), outcome: 'skipped' };
    const failure = /^<failure>([\s\S]*)<\/failure>$/.exec(body)?.[1] ?? '';
    return { classname: unescapeXml(classname), name: unescapeXml(name), outcome: 'failed', failure: unescapeXml(failure) };
  });
}

/** Mocha's xunit reporter writes characters as numeric references (`&#x27;`), and the XML five by name. */
function unescapeXml(text: string): string {
  const named: Readonly<Record<string, string>> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
  return text.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|quot|apos|amp);/gi, (_, entity: string) =>
    entity.startsWith('#x') || entity.startsWith('#X')
      ? String.fromCodePoint(Number.parseInt(entity.slice(2), 16))
      : entity.startsWith('#')
        ? String.fromCodePoint(Number(entity.slice(1)))
        : (named[entity] ?? ''),
  );
}

/** The counts the spec reporter ends with. */
export function specCounts(stdout: string): { passing: number; pending: number; failing: number } {
  const count = (word: string) => Number(new RegExp(`^\\s+(\\d+) ${word}`, 'm').exec(stdout)?.[1] ?? 0);
  return { passing: count('passing'), pending: count('pending'), failing: count('failing') };
}

const XUNIT_OUTCOME: { readonly [V in Verdict]: XunitTest['outcome'] } = {
  PASS: 'passed',
  KNOWN: 'passed',
  SKIP: 'skipped',
  FAIL: 'failed',
  XPASS: 'failed',
  ERROR: 'failed',
  TIMEOUT: 'failed',
  CRASH: 'failed',
};

/**
 * Mocha's xunit report holds a test for every case of the CLI's run and for
 * no other, in the suite of its case file, in the state its verdict maps to
 * (a failure naming the verdict), each named by its case id alone, so the
 * same case has the same name on every provider.
 */
export function expectSameVerdicts(xunit: readonly XunitTest[], results: readonly CaseResult[], casesDir: string): void {
  expect(xunit.length, 'a test per case').to.equal(results.length);
  for (const result of results) {
    const test = xunit.find((candidate) => candidate.name === result.id);
    expect(test, `the test of ${result.id} (${result.verdict})`).to.not.equal(undefined);
    expect(test?.classname, result.id).to.equal(toClassName(result.file, casesDir));
    expect(test?.outcome, `${result.id}: ${result.verdict}`).to.equal(XUNIT_OUTCOME[result.verdict]);
    if (test?.outcome === 'failed') expect(test.failure, result.id).to.match(new RegExp(`^${result.verdict}: `));
  }
}
