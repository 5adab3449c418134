/**
 * `winsock-conformance coverage [--json] [--results FILE]`: page by page,
 * every clause and every code of the page's error table, with the cases that
 * cover it (and, given a results file, their last verdicts) or the reason
 * recorded in the page's coverage.yaml why none does; then the totals. Exit
 * status 1 when something is neither.
 */
import { resolve } from 'node:path';
import { loadCoverage } from '../../harness/uses/coverage/load.js';
import { coverageJson, gapsOf, renderCoverageText } from '../../harness/uses/coverage/report.js';
import { CASES_DIR, PROJECT_ROOT, SPEC_DIR } from '../../harness/common/project-paths.js';
import { BadInput } from '../../harness/run/runner/run-suite.js';
import { EXIT } from '../exit-status.js';
import { readResultsFile } from '../results-files.js';
import type { Terminal } from '../terminal.js';

export interface CoverageOptions {
  readonly json?: boolean;
  readonly results?: string;
  readonly cases?: string;
  /** The folder of page folders (default: spec/). */
  readonly spec?: string;
}

export function coverageCommand(options: CoverageOptions, terminal: Terminal): number {
  const loaded = loadCoverage({
    root: PROJECT_ROOT,
    specDir: options.spec === undefined ? SPEC_DIR : resolve(options.spec),
    casesDir: options.cases === undefined ? CASES_DIR : resolve(options.cases),
    ...(options.results === undefined ? {} : { verdicts: verdictsOf(options.results) }),
  });
  if ('problems' in loaded) throw new BadInput(loaded.problems);
  const { coverage } = loaded;
  terminal.stdout.write(options.json === true ? `${JSON.stringify(coverageJson(coverage), null, 2)}\n` : renderCoverageText(coverage));
  return gapsOf(coverage) === 0 ? EXIT.green : EXIT.red;
}

function verdictsOf(file: string) {
  return new Map(readResultsFile(file).cases.map((result) => [result.id, result.verdict] as const));
}
