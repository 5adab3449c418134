/**
 * junit.xml for CI, valid against the Apache Ant JUnit schema
 * (shared/junit/JUnit.xsd). That schema is strict, and it shapes this file:
 *
 * - `<testsuites>` may carry no attributes, so the run's totals go in a
 *   comment under it instead.
 * - Each `<testsuite>` (one per case file) needs name, timestamp (no time
 *   zone, no fraction: we write UTC), hostname, tests, failures, errors,
 *   time, and inside `<testsuites>` also id and package; `skipped` is
 *   optional and given. Its children come in a fixed order: `<properties>`,
 *   the `<testcase>`s, `<system-out>`, `<system-err>`, all but the test
 *   cases required.
 * - A `<testcase>` has only name, classname and time (no `file`), and at
 *   most one child among `<skipped>`, `<error>`, `<failure>`; it cannot hold
 *   `<system-out>`.
 *
 * Verdict mapping:
 * - PASS    → a test case with no child.
 * - FAIL    → `<failure type="FAIL">`: the provider did not do what the page documents.
 * - XPASS   → `<failure type="XPASS">`: the run is red because the expectations
 *             file is stale, a failed assertion about the provider, not a harness fault.
 * - ERROR, TIMEOUT, CRASH → `<error type="ERROR|TIMEOUT|CRASH">`: the case could
 *             not be judged (harness/fixture trouble, a hang, a dead provider).
 * - SKIP    → `<skipped message="reason">`, counted in the suite's `skipped`.
 *             The schema declares `<skipped>` without a type, i.e. any
 *             attributes and content, so the reason fits in `message`.
 * - KNOWN   → a passing test case, as it leaves the run green. The note
 *             "KNOWN deviation: …" cannot go in the test case (no
 *             `<system-out>` there), so it goes in the suite's
 *             `<system-out>`, one line per deviation, prefixed by the case id.
 */
import type { CaseResult, RunInfo, RunSummary, Verdict } from '../harness/results/result.js';
import { describeCaseFindings, describeKnownDeviations } from './check-findings.js';
import { EndOfRunFileReporter } from './end-of-run-file-reporter.js';
import { escapeXmlAttribute, escapeXmlText } from './escape.js';
import { formatSummaryLine } from './summary.js';

export const JUNIT_FILE_NAME = 'junit.xml';

const SUITES_NAME = 'winsock-conformance';

type JUnitChild = 'none' | 'failure' | 'error' | 'skipped';

const JUNIT_CHILD: { readonly [V in Verdict]: JUnitChild } = {
  PASS: 'none',
  KNOWN: 'none',
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
  [...groupByFile(results)].forEach(([file, cases], id) => lines.push(...renderSuite(run, file, cases, id)));
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

function renderSuite(run: RunInfo, file: string, cases: readonly CaseResult[], id: number): string[] {
  const count = (child: JUnitChild): number => cases.filter((result) => JUNIT_CHILD[result.verdict] === child).length;
  const knownNotes = cases.flatMap((result) =>
    describeKnownDeviations(result).map((note) => `${result.id}: ${note}`),
  );
  return [
    `  <testsuite${attributes({
      name: nonEmptyToken(file, '(unknown file)'),
      tests: cases.length,
      failures: count('failure'),
      errors: count('error'),
      skipped: count('skipped'),
      time: toSeconds(cases.reduce((total, result) => total + result.durationMs, 0)),
      timestamp: suiteTimestamp(run, cases),
      hostname: nonEmptyToken(run.host, 'localhost'),
      id,
      package: toClassName(file),
    })}>`,
    '    <properties>',
    `      <property${attributes({ name: 'provider', value: run.provider })}/>`,
    `      <property${attributes({ name: 'providerVersion', value: run.providerVersion })}/>`,
    `      <property${attributes({ name: 'harnessVersion', value: run.harnessVersion })}/>`,
    '    </properties>',
    ...cases.flatMap(renderTestCase),
    knownNotes.length === 0 ? '    <system-out/>' : `    <system-out>${escapeXmlText(knownNotes.join('\n'))}</system-out>`,
    '    <system-err/>',
    '  </testsuite>',
  ];
}

function renderTestCase(result: CaseResult): string[] {
  const open = `    <testcase${attributes({
    name: `${result.id}: ${result.title}`,
    classname: toClassName(result.file),
    time: toSeconds(result.durationMs),
  })}`;
  const child = JUNIT_CHILD[result.verdict];
  switch (child) {
    case 'none':
      return [`${open}/>`];
    case 'skipped':
      return [`${open}>`, `      <skipped${attributes({ message: result.message })}/>`, '    </testcase>'];
    case 'failure':
    case 'error': {
      const body = [`at ${result.file}:${result.line}`, ...describeCaseFindings(result)].join('\n');
      return [
        `${open}>`,
        `      <${child}${attributes({ message: result.message, type: result.verdict })}>${escapeXmlText(body)}</${child}>`,
        '    </testcase>',
      ];
    }
  }
}

function attributes(values: { readonly [name: string]: string | number }): string {
  return Object.entries(values)
    .map(([name, value]) => ` ${name}="${escapeXmlAttribute(String(value))}"`)
    .join('');
}

/** `cases/tcp/connect.yaml` → `cases.tcp.connect`, the Java-like class name CI tools group by. */
function toClassName(file: string): string {
  const dotted = file
    .replace(/\.ya?ml$/i, '')
    .replace(/^\.[\\/]/, '')
    .replace(/[\\/]+/g, '.');
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
