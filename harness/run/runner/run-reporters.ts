/**
 * The run's reporters as the runner feeds them, where a file that cannot be
 * written (OutputNotWritten: a full disk) ends the run instead of crashing
 * it. The reporter that failed gets no further record, so results.jsonl
 * never skips a case and goes on; the run is halted as a stop would halt
 * it; and the failure is thrown once every process of the run has ended.
 */
import { OutputNotWritten } from '../../common/files/output-not-written.js';
import type { CaseResult, RunInfo, RunSummary } from '../../judging/results/result.js';
import type { CaseHeader, Reporter } from './reporter.js';

export class RunReporters {
  private readonly failed = new Set<Reporter>();
  private firstFailure: OutputNotWritten | undefined;

  constructor(
    private readonly reporters: readonly Reporter[],
    /** Called once, with the first failure: the run takes no further case. */
    private readonly halt: (failure: OutputNotWritten) => void,
  ) {}

  /** Nothing has run yet: a reporter that cannot start ends the run at once, by throwing. */
  async start(run: RunInfo, total: number): Promise<void> {
    for (const reporter of this.reporters) await reporter.start(run, total);
  }

  caseStarted(header: CaseHeader): void {
    for (const reporter of this.reporters) reporter.caseStarted?.(header);
  }

  caseEnded(header: CaseHeader): void {
    for (const reporter of this.reporters) reporter.caseEnded?.(header);
  }

  async caseFinished(result: CaseResult): Promise<void> {
    for (const reporter of this.reporters) await this.guarded(reporter, () => reporter.caseFinished(result));
  }

  async end(summary: RunSummary): Promise<void> {
    for (const reporter of this.reporters) await this.guarded(reporter, () => reporter.end(summary));
  }

  /** A file of the run other than a report (the provider's log) could not be written. */
  fail(failure: OutputNotWritten): void {
    if (this.firstFailure !== undefined) return;
    this.firstFailure = failure;
    this.halt(failure);
  }

  /** Throws the first write failure of the run, if there was one. */
  throwIfFailed(): void {
    if (this.firstFailure !== undefined) throw this.firstFailure;
  }

  private async guarded(reporter: Reporter, write: () => void | Promise<void>): Promise<void> {
    if (this.failed.has(reporter)) return;
    try {
      await write();
    } catch (error) {
      if (!(error instanceof OutputNotWritten)) throw error;
      this.failed.add(reporter);
      this.fail(error);
    }
  }
}
