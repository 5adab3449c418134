/**
 * A run as recorded: its run line and its case results. Whatever reads
 * results back (reporters/results-jsonl.ts) gives this much; baselines,
 * matrices and atlases work on it without knowing where it came from.
 */
import type { CaseResult, RunInfo } from './result.js';

export interface RecordedRun {
  readonly run: RunInfo;
  readonly cases: readonly CaseResult[];
  /** Where it was read from, for people: a path. */
  readonly origin?: string;
}
