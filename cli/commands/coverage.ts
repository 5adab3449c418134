/**
 * `winsock-conformance coverage [--json] [--results FILE]`: page by page,
 * every clause and every code of the page's error table, with the cases that
 * cover it and the address families they cover it over (given a results file,
 * each case's verdict and whether the run reached and checked the steps under
 * the clause) or the reason recorded in the page's coverage.yaml why none
 * does; then the totals. Exit status 1 when something is neither, only
 * planned, or (with results) not reached by the run.
 */
import { resolve } from 'node:path';
import type { CaseRun } from '../../harness/uses/coverage/compute.js';
import { caseRunOf } from '../../harness/uses/coverage/case-run.js';
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
    ...(options.results === undefined ? {} : { runs: runsOf(options.results) }),
  });
  if ('problems' in loaded) throw new BadInput(loaded.problems);
  const { coverage } = loaded;
  terminal.stdout.write(options.json === true ? `${JSON.stringify(coverageJson(coverage), null, 2)}\n` : renderCoverageText(coverage));
  return gapsOf(coverage) === 0 ? EXIT.green : EXIT.red;
}

/** What the run of the results file did with each case, by case id. */
function runsOf(file: string): Map<string, CaseRun> {
  return new Map(readResultsFile(file).cases.map((result) => [result.id, caseRunOf(result)]));
}
