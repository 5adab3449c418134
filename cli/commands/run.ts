/** `winsock-conformance run`: the conformance suite against one provider. */
import { join, resolve } from 'node:path';
import { WORKER_SCRIPT } from '../../harness/common/project-paths.js';
import type { Provider } from '../../harness/stacks/providers/provider.js';
import type { Standard } from '../../harness/judging/results/result.js';
import { inputOptionsFor } from '../../harness/run/runner/inputs.js';
import type { Reporter } from '../../harness/run/runner/reporter.js';
import { RunStopped, runSuite } from '../../harness/run/runner/run-suite.js';
import { ConsoleReporter } from '../../reporters/console.js';
import { HtmlReporter } from '../../reporters/html.js';
import { JUnitReporter } from '../../reporters/junit.js';
import { writeComparison } from '../../reporters/comparison-file.js';
import { comparisonText } from '../../reporters/comparison-text.js';
import { JsonLinesReporter, readResults } from '../../reporters/results-jsonl.js';
import { EXIT } from '../exit-status.js';
import { readRecordedRun } from '../results-files.js';
import { statusOf } from './compare.js';
import { compareRuns } from '../../harness/uses/baselines/compare.js';
import { REPORT_NAMES, wantsColor, type ReportName } from '../options.js';
import type { Terminal } from '../terminal.js';

export interface RunOptions {
  readonly provider: Provider;
  readonly grep?: string;
  readonly tag?: readonly string[];
  readonly out?: string;
  readonly cases?: string;
  readonly expectations?: string;
  readonly reporter?: readonly ReportName[];
  readonly jobs: number;
  readonly against?: Standard;
  /** A results.jsonl to compare this run with once it ends (comparison.json beside the reports). */
  readonly baseline?: string;
}

export async function runCommand(options: RunOptions, terminal: Terminal, harnessVersion: string): Promise<number> {
  const outDir = resolve(options.out ?? 'reports');
  // A baseline that cannot be read is bad input, found before the provider starts.
  const baseline = options.baseline === undefined ? undefined : readRecordedRun(options.baseline);
  const jsonLines = new JsonLinesReporter(outDir);
  const reports = new Set(options.reporter ?? REPORT_NAMES);
  const reporters: Reporter[] = [
    ...(reports.has('console') ? [new ConsoleReporter({ stream: terminal.stdout, color: wantsColor(terminal.stdout.isTTY === true) })] : []),
    // The record of truth, always: `report` and every later comparison read it.
    jsonLines,
    ...(reports.has('junit') ? [new JUnitReporter(outDir)] : []),
    ...(reports.has('html') ? [new HtmlReporter(outDir, baseline)] : []),
  ];
  const stop = terminal.onStopSignal();
  const summary = await runSuite({
    ...inputOptionsFor(options.provider, options),
    filter: { ...(options.grep === undefined ? {} : { grep: options.grep }), tags: options.tag ?? [] },
    outDir,
    against: options.against ?? 'docs',
    workerScript: WORKER_SCRIPT,
    harnessVersion,
    reporters,
    log: terminal.log,
    stop,
    jobs: options.jobs,
  });
  const written = ['results.jsonl', ...(reports.has('junit') ? ['junit.xml'] : []), ...(reports.has('html') ? ['report.html'] : [])].map((file) => join(outDir, file));
  if (stop.aborted) {
    terminal.log(`reports: ${written.join(', ')}`);
    return stop.reason instanceof RunStopped && stop.reason.signal === 'SIGTERM' ? EXIT.SIGTERM : EXIT.SIGINT;
  }
  const status = summary.green ? EXIT.green : EXIT.red;
  if (baseline === undefined) {
    terminal.log(`reports: ${written.join(', ')}`);
    return status;
  }
  const { run, cases } = readResults(jsonLines.file);
  const comparison = compareRuns(baseline, { run, cases, origin: jsonLines.file });
  if (reports.has('console')) terminal.stdout.write(`\ncomparison with the baseline\n${comparisonText(comparison)}`);
  terminal.log(`reports: ${[...written, writeComparison(outDir, comparison)].join(', ')}`);
  return Math.max(status, statusOf(comparison));
}
