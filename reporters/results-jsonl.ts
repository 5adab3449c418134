/**
 * results.jsonl: the run's record of truth, one JSON object per line
 * (reporters/results.schema.json; README, "results.jsonl").
 *
 *     {"type":"run","format":1, ...RunInfo}   first line, written at start
 *     {"type":"case", ...CaseResult}      one per finished case, in finishing order
 *     {"type":"summary", ...RunSummary}   last line, only if the run got to its end
 *
 * Cases are appended synchronously as they finish, so a run that is killed
 * (or whose harness crashes) keeps every case it finished; readResults
 * reads such an incomplete file back. A line that cannot be written whole
 * (a full disk) is cut off again, so the file never ends in half a record,
 * and the run line is written whole or not at all: the file either starts a
 * run or is absent (harness/common/files/whole-writes.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { makeFolder } from '../harness/common/files/make-folder.js';
import { appendWholeLine, discardEarlier, writeWholeFile } from '../harness/common/files/whole-writes.js';
import { PAGE_OF_UNNAMED_CITATIONS, RESULTS_FORMAT, VERDICTS } from '../harness/judging/results/result.js';
import type { CaseResult, RunInfo, RunSummary } from '../harness/judging/results/result.js';
import type { Reporter } from '../harness/run/runner/reporter.js';

export const RESULTS_FILE_NAME = 'results.jsonl';

export class JsonLinesReporter implements Reporter {
  /** Path of the results.jsonl this reporter writes. */
  readonly file: string;

  constructor(private readonly outDir: string) {
    this.file = path.join(outDir, RESULTS_FILE_NAME);
  }

  start(run: RunInfo): void {
    makeFolder(this.outDir);
    discardEarlier(this.file);
    writeWholeFile(this.file, toLine({ type: 'run', format: RESULTS_FORMAT, ...run }));
  }

  caseFinished(result: CaseResult): void {
    appendWholeLine(this.file, toLine({ type: 'case', ...result }));
  }

  end(summary: RunSummary): void {
    appendWholeLine(this.file, toLine({ type: 'summary', ...summary }));
  }
}

function toLine(record: object): string {
  return `${JSON.stringify(record)}\n`;
}

export interface ResultsFile {
  readonly run: RunInfo;
  readonly cases: readonly CaseResult[];
  /** Absent when the run did not reach its end (killed, crashed, still running). */
  readonly summary?: RunSummary;
  /** True when a partly written last line was dropped. */
  readonly truncated: boolean;
}

/**
 * Reads a results.jsonl back. A missing summary line and a partly written
 * last line are expected after a killed run and tolerated; anything else
 * malformed is an error naming the line, and so is a file of another format
 * version than this harness reads.
 */
export function readResults(file: string): ResultsFile {
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split('\n');
  // Only an unterminated last line can be a partial write: every complete
  // record was written together with its newline.
  const lastLineIsPartial = !text.endsWith('\n');
  let run: RunInfo | undefined;
  const cases: CaseResult[] = [];
  let summary: RunSummary | undefined;
  let truncated = false;

  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const where = `${file}:${index + 1}`;
    const isLast = index === lines.length - 1;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      if (isLast && lastLineIsPartial) {
        truncated = true;
        return;
      }
      throw new Error(`${where}: not a JSON line`);
    }
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      throw new Error(`${where}: not a JSON object`);
    }
    const { type, ...fields } = record as { readonly type?: unknown; readonly [key: string]: unknown };
    if (run === undefined && type !== 'run') throw new Error(`${where}: the first record must be of type "run"`);
    if (summary !== undefined) throw new Error(`${where}: record after the summary`);
    switch (type) {
      case 'run': {
        if (run !== undefined) throw new Error(`${where}: a second "run" record`);
        const { format, ...info } = fields;
        if (format !== RESULTS_FORMAT) throw new Error(`${where}: ${formatProblem(format)}`);
        // The casts trust the writer (JsonLinesReporter) for the fields;
        // only what readers branch on is checked.
        run = info as unknown as RunInfo;
        break;
      }
      case 'case':
        if (typeof fields.id !== 'string' || !(VERDICTS as readonly unknown[]).includes(fields.verdict)) {
          throw new Error(`${where}: a "case" record needs a string id and a known verdict`);
        }
        cases.push(withCitedPages(fields as unknown as CaseResult));
        break;
      case 'summary':
        summary = fields as unknown as RunSummary;
        break;
      default:
        throw new Error(`${where}: unknown record type ${JSON.stringify(type)}`);
    }
  });

  if (run === undefined) throw new Error(`${file}: no "run" record; not a results file`);
  return summary === undefined ? { run, cases, truncated } : { run, cases, summary, truncated };
}

/** The result with every citation's page, also when it was written before citations named theirs. */
function withCitedPages(result: CaseResult): CaseResult {
  const written: readonly { readonly page?: string; readonly id: string; readonly quote: string }[] = result.clauses;
  return { ...result, clauses: written.map(({ page = PAGE_OF_UNNAMED_CITATIONS, id, quote }) => ({ page, id, quote })) };
}

function formatProblem(format: unknown): string {
  if (format === undefined) {
    return `the "run" record has no format version: the file was written by a harness older than results format ${RESULTS_FORMAT}; run the cases again with this one`;
  }
  return `results format ${JSON.stringify(format)}, but this harness reads format ${RESULTS_FORMAT}; read it with the harness version that wrote it`;
}
