/**
 * junit.xml for CI, valid against the Apache Ant JUnit schema
 * (test/support/JUnit.xsd). That schema is strict, and it shapes this file:
 *
 * - `<testsuites>` may carry no attributes, so the run's totals go in a
 *   comment under it instead.
 * - Each `<testsuite>` (one per case file) needs name, timestamp (no time
 *   zone, no fraction: we write UTC), hostname, tests, failures, errors,
 *   time, and inside `<testsuites>` also id and package; `skipped` is
 *   optional and given. Its children come in a fixed order: `<properties>`,
 *   the `<testcase>`s, `<system-out>`, `<system-err>`, all but the test
 *   cases required.
 * - A `<testcase>` has only name, classname and time, and at most one child
 *   among `<skipped>`, `<error>`, `<failure>`: no `<properties>`, no
 *   `<system-out>`. `<skipped>` is declared without a type, so it takes any
 *   attributes and any content.
 *
 * Naming, stable across edits of a case's title:
 * - a test case is named by the case id; its class name is the case file's
 *   path inside the case set, without extension, `/` as `.`
 *   (`tcp-blocking` for cases/tcp-blocking.yaml), and so is its suite's name;
 * - what the test case itself cannot hold goes in its suite's properties,
 *   keyed by case id: `<id>.title`, `<id>.verdict` and, for KNOWN,
 *   `<id>.deviation`.
 *
 * Verdict mapping:
 * - PASS    → a test case with no child.
 * - FAIL    → `<failure type="FAIL">`: the provider did not do what the page documents.
 * - XPASS   → `<failure type="XPASS">`: the run is red because the expectations
 *             file is stale, a failed assertion about the provider, not a harness fault.
 * - ERROR, TIMEOUT, CRASH → `<error type="ERROR|TIMEOUT|CRASH">`: the case could
 *             not be judged (harness/fixture trouble, a hang, a dead provider).
 * - SKIP    → `<skipped type="SKIP" message="reason">`.
 * - KNOWN   → `<skipped type="KNOWN" message="KNOWN deviation: …">`, the deviation
 *             and the documented and observed outcomes in its text. The Ant
 *             schema leaves no other per-test place that CI tools show and
 *             that keeps the run green; it is how pytest reports an expected
 *             failure (xfail). Both count in the suite's `skipped`.
 * Failure and skipped messages state documented against observed in one
 * line; the element's text has the title, file:line and each check in full.
 *
 * An incomplete run (stopped, or a results file cut short) must not read as
 * "all passed": every suite carries an `incomplete` property with the reason,
 * and one more suite, `winsock-conformance.run`, holds a test case
 * `run-complete` with `<error type="INCOMPLETE">`. CI systems count and show
 * an error test case (a property alone none of them shows); both the Ant and
 * the Jenkins (Surefire) schema accept it.
 */
import * as path from 'node:path';

import type { CaseResult, RunInfo, RunSummary, Verdict } from '../harness/judging/results/result.js';
import { describeCaseFindings, describeFindingsInOneLine, toOneLine } from './check-findings.js';
import { EndOfRunFileReporter } from './end-of-run-file-reporter.js';
import { escapeXmlAttribute, escapeXmlText } from './escape.js';
import { formatSummaryLine } from './summary.js';

export const JUNIT_FILE_NAME = 'junit.xml';

const SUITES_NAME = 'winsock-conformance';
/** The suite and test case that stand for the run itself, present only when it is incomplete. */
const RUN_SUITE_NAME = `${SUITES_NAME}.run`;
const RUN_CASE_NAME = 'run-complete';

type JUnitChild = 'none' | 'failure' | 'error' | 'skipped';

const JUNIT_CHILD: { readonly [V in Verdict]: JUnitChild } = {
  PASS: 'none',
  KNOWN: 'skipped',
  FAIL: 'failure',
  XPASS: 'failure',
  ERROR: 'error',
  TIMEOUT: 'error',
  CRASH: 'error',
  SKIP: 'skipped',
};

export class JUnitReporter extends EndOfRunFileReporter {
  constructor(outDir: string) {
    super(outDir, JUNIT_FILE_NAME);
  }

  protected override render(run: RunInfo, results: readonly CaseResult[], summary: RunSummary): string {
    return renderJUnitXml(run, results, summary);
  }
}

/** The whole junit.xml; exported so a report can be rebuilt from a results.jsonl. */
export function renderJUnitXml(run: RunInfo, results: readonly CaseResult[], summary: RunSummary): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<testsuites>',
    // A comment must not contain `--`; the summary line never does.
    `  <!-- ${SUITES_NAME}: ${formatSummaryLine(summary)}; ${summary.total} cases in ${toSeconds(summary.durationMs)} s -->`,
  ];
  const suites = [...groupByFile(results)];
  suites.forEach(([file, cases], id) => lines.push(...renderSuite(run, file, cases, id, summary.incomplete)));
  if (summary.incomplete !== undefined) lines.push(...renderIncompleteRun(run, summary, summary.incomplete, suites.length));
  lines.push('</testsuites>', '');
  return lines.join('\n');
}

/** Cases grouped by case file, files in the order their first case finished. */
function groupByFile(results: readonly CaseResult[]): Map<string, CaseResult[]> {
  const groups = new Map<string, CaseResult[]>();
  for (const result of results) {
    const group = groups.get(result.file);
    if (group === undefined) groups.set(result.file, [result]);
    else group.push(result);
  }
  return groups;
}

function renderSuite(run: RunInfo, file: string, cases: readonly CaseResult[], id: number, incomplete: string | undefined): string[] {
  const count = (child: JUnitChild): number => cases.filter((result) => JUNIT_CHILD[result.verdict] === child).length;
  const className = toClassName(file, run.casesDir);
  return renderSuiteElement(
    {
      name: className,
      tests: cases.length,
      failures: count('failure'),
      errors: count('error'),
      skipped: count('skipped'),
      time: toSeconds(cases.reduce((total, result) => total + result.durationMs, 0)),
      timestamp: suiteTimestamp(run, cases),
      hostname: nonEmptyToken(run.host, 'localhost'),
      id,
      package: className,
    },
    [...runProperties(run, incomplete), ['file', file], ...cases.flatMap(caseProperties)],
    cases.flatMap((result) => renderTestCase(result, className)),
  );
}

/** The suite that says the run is incomplete: one test case in error, which every CI system counts and shows. */
function renderIncompleteRun(run: RunInfo, summary: RunSummary, incomplete: string, id: number): string[] {
  const message = `the run is incomplete: ${toOneLine(incomplete)}`;
  const text = [message, `Only the ${summary.total} case(s) that finished are in this report; the cases that did not run have no result here.`].join('\n');
  return renderSuiteElement(
    {
      name: RUN_SUITE_NAME,
      tests: 1,
      failures: 0,
      errors: 1,
      skipped: 0,
      time: toSeconds(summary.durationMs),
      timestamp: suiteTimestamp(run, []),
      hostname: nonEmptyToken(run.host, 'localhost'),
      id,
      package: RUN_SUITE_NAME,
    },
    runProperties(run, incomplete),
    [
      `    <testcase${attributes({ name: RUN_CASE_NAME, classname: RUN_SUITE_NAME, time: toSeconds(0) })}>`,
      `      <error${attributes({ message, type: 'INCOMPLETE' })}>${escapeXmlText(text)}</error>`,
      '    </testcase>',
    ],
  );
}

/** What every suite says of the run: the provider and harness, and why it is incomplete when it is. */
function runProperties(run: RunInfo, incomplete: string | undefined): [string, string][] {
  return [
    ['provider', run.provider],
    ['providerVersion', run.providerVersion],
    ...(run.providerBuild === undefined ? [] : [['providerBuild', `${run.providerBuild.name}: ${run.providerBuild.origin}`] as [string, string]]),
    ['harnessVersion', run.harnessVersion],
    ...(incomplete === undefined ? [] : [['incomplete', incomplete] as [string, string]]),
  ];
}

/** A `<testsuite>` with its children in the order the Ant schema requires. */
function renderSuiteElement(suite: { readonly [name: string]: string | number }, properties: readonly [string, string][], testCases: readonly string[]): string[] {
  return [
    `  <testsuite${attributes(suite)}>`,
    '    <properties>',
    ...properties.map(([name, value]) => `      <property${attributes({ name, value })}/>`),
    '    </properties>',
    ...testCases,
    '    <system-out/>',
    '    <system-err/>',
    '  </testsuite>',
  ];
}

/** What a test case cannot carry itself (the schema allows it no properties), keyed by case id. */
function caseProperties(result: CaseResult): [string, string][] {
  const properties: [string, string][] = [
    [`${result.id}.title`, result.title],
    [`${result.id}.verdict`, result.verdict],
  ];
  if (result.verdict === 'KNOWN') properties.push([`${result.id}.deviation`, describeFindingsInOneLine(result)]);
  return properties;
}

function renderTestCase(result: CaseResult, className: string): string[] {
  const open = `    <testcase${attributes({
    name: nonEmptyToken(result.id, '(no id)'),
    classname: className,
    time: toSeconds(result.durationMs),
  })}`;
  const child = JUNIT_CHILD[result.verdict];
  if (child === 'none') return [`${open}/>`];
  const element = `<${child}${attributes({ message: junitMessage(result), type: result.verdict })}>${escapeXmlText(junitText(result))}</${child}>`;
  return [`${open}>`, `      ${element}`, '    </testcase>'];
}

/**
 * The one line a CI tool shows beside the test: documented against observed
 * for FAIL, XPASS and KNOWN; what happened for ERROR, TIMEOUT and CRASH; the
 * reason for SKIP.
 */
export function junitMessage(result: CaseResult): string {
  switch (result.verdict) {
    case 'FAIL':
      return describeFindingsInOneLine(result);
    case 'XPASS':
      return `listed deviation not seen any more: ${describeFindingsInOneLine(result)}`;
    case 'KNOWN':
      return `KNOWN deviation: ${describeFindingsInOneLine(result)}`;
    default:
      return toOneLine(result.message);
  }
}

/** The element's text: title, where the case is, every explaining check, and the provider's last output when recorded. */
export function junitText(result: CaseResult): string {
  const lines = [result.title, `at ${result.file}:${result.line}`, result.message, ...describeCaseFindings(result)];
  if (result.logExcerpt !== undefined) lines.push('provider.log, last lines written during the case:', result.logExcerpt);
  return lines.join('\n');
}

function attributes(values: { readonly [name: string]: string | number }): string {
  return Object.entries(values)
    .map(([name, value]) => ` ${name}="${escapeXmlAttribute(String(value))}"`)
    .join('');
}

/**
 * The Java-like class name CI tools group by: the case file's path inside
 * the case set, without extension, folders joined by dots
 * (`cases/tcp/connect.yaml` → `tcp.connect`). A file outside the set keeps
 * its path, less any leading `./` and `../`, so no name starts with a dot.
 */
export function toClassName(file: string, casesDir: string): string {
  const inside = path.posix.relative(casesDir, file);
  const relative = inside.startsWith('../') || path.posix.isAbsolute(inside) ? file : inside;
  const dotted = relative
    .replace(/\.ya?ml$/i, '')
    .replace(/^(?:\.{1,2}\/)+/, '')
    .replace(/^\/+/, '')
    .replace(/\/+/g, '.');
  return nonEmptyToken(dotted, 'cases');
}

/** The schema's name and hostname are tokens of at least one character. */
function nonEmptyToken(text: string, fallback: string): string {
  return text.trim() === '' ? fallback : text;
}

/** xs:decimal seconds; the schema allows no exponent, which toFixed never produces below 1e21. */
function toSeconds(ms: number): string {
  return Number.isFinite(ms) && ms > 0 ? (ms / 1000).toFixed(3) : '0.000';
}

/** When the suite's first case started (else when the run started), as the schema's zone-less ISO 8601 in UTC. */
function suiteTimestamp(run: RunInfo, cases: readonly CaseResult[]): string {
  const caseStarts = cases.map((result) => Date.parse(result.startedAt)).filter(Number.isFinite);
  const runStart = Date.parse(run.startedAt);
  const start = caseStarts.length > 0 ? Math.min(...caseStarts) : Number.isFinite(runStart) ? runStart : Date.now();
  return new Date(start).toISOString().slice(0, 19);
}
