/**
 * The common shape of reporters that write one file when the run ends
 * (JUnit, HTML): keep the run info and every result, render at `end`.
 * Subclasses only say which file and how to render it. The file is written
 * whole or not at all (write-whole-file.ts).
 */
import * as path from 'node:path';

import type { CaseResult, RunInfo, RunSummary } from '../harness/judging/results/result.js';
import { discardEarlier } from '../harness/common/files/whole-writes.js';
import type { Reporter } from '../harness/run/runner/reporter.js';
import { writeWholeFile } from './write-whole-file.js';

export abstract class EndOfRunFileReporter implements Reporter {
  /** Path of the file this reporter writes. */
  readonly file: string;
  private run: RunInfo | undefined;
  private readonly results: CaseResult[] = [];

  protected constructor(
    private readonly outDir: string,
    private readonly fileName: string,
  ) {
    this.file = path.join(outDir, fileName);
  }

  start(run: RunInfo): void {
    this.run = run;
    // A run that cannot write this report (a full disk) must not leave an earlier run's in its place.
    discardEarlier(this.file);
  }

  caseFinished(result: CaseResult): void {
    this.results.push(result);
  }

  end(summary: RunSummary): void {
    if (this.run === undefined) throw new Error(`${this.constructor.name}: end() called before start()`);
    writeWholeFile(this.outDir, this.fileName, this.render(this.run, this.results, summary));
  }

  protected abstract render(run: RunInfo, results: readonly CaseResult[], summary: RunSummary): string;
}
