/**
 * The one interface every reporter implements. The runner calls these in
 * order: start once, then caseStarted/caseFinished per case, then end once.
 * Cases run side by side, but caseFinished comes in case order (a case that
 * ended early waits for those before it); caseEnded tells, in the order cases
 * really end, that one has, for a reporter that shows what is under way.
 * File reporters write their file in `end` (results.jsonl is the exception:
 * it appends each case as it finishes, so a killed run loses nothing).
 */
import type { CaseResult, RunInfo, RunSummary } from '../../judging/results/result.js';

export interface CaseHeader {
  readonly id: string;
  readonly title: string;
  /** 0-based position of the case in the run. */
  readonly index: number;
  readonly total: number;
}

export interface Reporter {
  start(run: RunInfo, total: number): void | Promise<void>;
  caseStarted?(header: CaseHeader): void;
  /** The case has ended; its caseFinished follows once the cases before it have. */
  caseEnded?(header: CaseHeader): void;
  caseFinished(result: CaseResult): void | Promise<void>;
  end(summary: RunSummary): void | Promise<void>;
}
