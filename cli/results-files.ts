/** Results files named on the command line, read or refused with one clear message. */
import { readFileSync } from 'node:fs';
import { messageOf } from '../harness/common/message-of.js';
import type { RecordedRun } from '../harness/judging/results/recorded-run.js';
import { readResults, type ResultsFile } from '../reporters/results-jsonl.js';
import { UsageError } from './exit-status.js';

export function readResultsFile(file: string): ResultsFile {
  let results: ResultsFile;
  try {
    results = readResults(file);
  } catch (error) {
    throw new UsageError(`cannot read ${file} as a results file: ${messageOf(error)}`);
  }
  // A run writes each case once: a second record of one (two files joined, a run appended to another) would be
  // counted, reported and compared twice, and which of the two verdicts stands could not be told.
  const repeated = firstRepeatedCase(results.cases.map((result) => result.id));
  if (repeated !== undefined) {
    const [first, second] = caseLines(file, repeated);
    throw new UsageError(
      `cannot read ${file} as a results file: ${file}:${second ?? '?'}: case "${repeated}" is recorded again (first at line ${first ?? '?'}); ` +
        'a run records each case once: keep one run per file, and join runs with `merge` instead',
    );
  }
  return results;
}

/** A results file as a recorded run, named by the path it was given as. */
export function readRecordedRun(file: string): RecordedRun {
  const { run, cases } = readResultsFile(file);
  return { run, cases, origin: file };
}

function firstRepeatedCase(ids: readonly string[]): string | undefined {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) return id;
    seen.add(id);
  }
  return undefined;
}

/** The 1-based lines of `file` that record case `id`; the file has been read whole as a results file already. */
function caseLines(file: string, id: string): number[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line, index) => {
      try {
        const record = JSON.parse(line) as { readonly type?: unknown; readonly id?: unknown };
        return record.type === 'case' && record.id === id ? [index + 1] : [];
      } catch {
        return [];
      }
    });
}
