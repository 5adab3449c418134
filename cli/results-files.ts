/** Results files named on the command line, read or refused with one clear message. */
import { messageOf } from '../harness/common/message-of.js';
import type { RecordedRun } from '../harness/judging/results/recorded-run.js';
import { readResults, type ResultsFile } from '../reporters/results-jsonl.js';
import { UsageError } from './exit-status.js';

export function readResultsFile(file: string): ResultsFile {
  try {
    return readResults(file);
  } catch (error) {
    throw new UsageError(`cannot read ${file} as a results file: ${messageOf(error)}`);
  }
}

/** A results file as a recorded run, named by the path it was given as. */
export function readRecordedRun(file: string): RecordedRun {
  const { run, cases } = readResultsFile(file);
  return { run, cases, origin: file };
}
