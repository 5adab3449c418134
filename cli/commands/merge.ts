/**
 * `winsock-conformance merge RESULTS... --out DIR`: the result matrix of
 * several runs (harness/uses/matrix/build.ts) as one self-contained page,
 * matrix.html, and as data, matrix.json.
 */
import { resolve } from 'node:path';
import { buildMatrix } from '../../harness/uses/matrix/build.js';
import { writeMatrix } from '../../reporters/matrix-page.js';
import { EXIT, UsageError } from '../exit-status.js';
import { readRecordedRun } from '../results-files.js';
import { loadSuiteKnowledge } from '../suite-knowledge.js';
import type { Terminal } from '../terminal.js';
import { plural } from '../../reporters/plural.js';

export function mergeCommand(resultsFiles: readonly string[], options: { readonly out?: string; readonly name?: readonly string[] }, terminal: Terminal): number {
  const names = options.name ?? [];
  if (names.length > resultsFiles.length) {
    throw new UsageError(`${names.length} --name options for ${plural(resultsFiles.length, 'results file', 'results files')}: give at most one name per file, in the files' order`);
  }
  const runs = resultsFiles.map((file, index) => {
    const name = names[index];
    return { ...readRecordedRun(file), ...(name === undefined ? {} : { name }) };
  });
  const knowledge = loadSuiteKnowledge();
  const matrix = buildMatrix(runs, knowledge.referenceNotes, knowledge.errata);
  const written = writeMatrix(resolve(options.out ?? 'matrix'), matrix);
  const flagged = matrix.cases.reduce((count, testCase) => count + testCase.steps.filter((step) => step.possibleDocumentationError).length, 0);
  terminal.log(`${runs.length} runs in ${matrix.columns.length} columns, ${matrix.cases.length} cases; ${plural(matrix.errata.length, 'documentation erratum', 'documentation errata')}, ${plural(flagged, 'possible documentation error', 'possible documentation errors')}`);
  terminal.log(`matrix: ${written.join(', ')}`);
  return EXIT.green;
}
