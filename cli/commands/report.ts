/**
 * `winsock-conformance report RESULTS.jsonl --out DIR`: renders JUnit and HTML
 * from any results file — one copied from CI, or the partial file of a run
 * that was killed, whose reports then say it is incomplete.
 */
import { resolve } from 'node:path';
import type { CaseResult, RunInfo, RunSummary } from '../../harness/judging/results/result.js';
import { summarize } from '../../harness/judging/results/summary.js';
import type { Reporter } from '../../harness/run/runner/reporter.js';
import { HtmlReporter } from '../../reporters/html.js';
import { JUnitReporter } from '../../reporters/junit.js';
import type { ResultsFile } from '../../reporters/results-jsonl.js';
import { EXIT } from '../exit-status.js';
import { readRecordedRun, readResultsFile } from '../results-files.js';
import type { ReportName } from '../options.js';
import type { Terminal } from '../terminal.js';

export interface ReportOptions {
  readonly out?: string;
  readonly reporter?: readonly ReportName[];
  /** A results.jsonl whose run the HTML report marks changes since. */
  readonly baseline?: string;
}

type FileReporter = Reporter & { readonly file: string };

export async function reportCommand(resultsFile: string, options: ReportOptions, terminal: Terminal): Promise<number> {
  const results = readResultsFile(resultsFile);
  const baseline = options.baseline === undefined ? undefined : readRecordedRun(options.baseline);
  const outDir = resolve(options.out ?? 'reports');
  const wanted = new Set(options.reporter ?? ['junit', 'html']);
  const reporters: FileReporter[] = [
    ...(wanted.has('junit') ? [new JUnitReporter(outDir)] : []),
    ...(wanted.has('html') ? [new HtmlReporter(outDir, baseline)] : []),
  ];
  const summary = results.summary ?? summarize(results.cases, 0, `the results file is incomplete: ${whyIncomplete(results)}`);
  await replay(reporters, results.run, results.cases, summary);
  const note = summary.incomplete === undefined ? '' : ` (incomplete: ${summary.incomplete})`;
  terminal.log(`${results.cases.length} cases from ${resultsFile}${note}`);
  terminal.log(`reports: ${reporters.map((reporter) => reporter.file).join(', ')}`);
  return EXIT.green;
}

/** Feeds recorded results to reporters as the runner would have. */
export async function replay(reporters: readonly Reporter[], run: RunInfo, cases: readonly CaseResult[], summary: RunSummary): Promise<void> {
  for (const reporter of reporters) await reporter.start(run, cases.length);
  for (const result of cases) {
    for (const reporter of reporters) await reporter.caseFinished(result);
  }
  for (const reporter of reporters) await reporter.end(summary);
}

function whyIncomplete(results: ResultsFile): string {
  return results.truncated ? 'its last line was cut short' : 'it has no summary line (the run did not reach its end)';
}
