/**
 * `winsock-conformance coverage [--json] [--results FILE]`: every clause of
 * the page and every code of its error table, with the cases that cover it
 * (and, given a results file, their last verdicts) or the reason recorded in
 * spec/coverage.yaml why none does. Exit status 1 when something is neither.
 */
import { resolve } from 'node:path';
import { loadCoverage } from '../../harness/uses/coverage/load.js';
import { coverageJson, renderCoverageText } from '../../harness/uses/coverage/report.js';
import { CASES_DIR, PROJECT_ROOT } from '../../harness/common/project-paths.js';
import { BadInput } from '../../harness/run/runner/run-suite.js';
import { readResults } from '../../reporters/results-jsonl.js';
import { messageOf } from '../../harness/common/message-of.js';
import { EXIT, UsageError } from '../exit-status.js';
import type { Terminal } from '../terminal.js';

export interface CoverageOptions {
  readonly json?: boolean;
  readonly results?: string;
  readonly cases?: string;
}

export function coverageCommand(options: CoverageOptions, terminal: Terminal): number {
  const loaded = loadCoverage({
    root: PROJECT_ROOT,
    casesDir: options.cases === undefined ? CASES_DIR : resolve(options.cases),
    ...(options.results === undefined ? {} : { verdicts: verdictsOf(options.results) }),
  });
  if ('problems' in loaded) throw new BadInput(loaded.problems);
  const { coverage } = loaded;
  terminal.stdout.write(options.json === true ? `${JSON.stringify(coverageJson(coverage), null, 2)}\n` : renderCoverageText(coverage));
  const gaps = coverage.missing.clauses.length + coverage.missing.errors.length + coverage.stale.length;
  return gaps === 0 ? EXIT.green : EXIT.red;
}

function verdictsOf(file: string) {
  try {
    return new Map(readResults(file).cases.map((result) => [result.id, result.verdict] as const));
  } catch (error) {
    throw new UsageError(`cannot read ${file} as a results file: ${messageOf(error)}`);
  }
}
