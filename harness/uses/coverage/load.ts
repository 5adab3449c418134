/**
 * Everything the coverage report needs, loaded as a run loads it: the
 * project's clause catalogue, the cases of a folder checked against it, and
 * the recorded reasons; all their problems together, or the coverage.
 */
import { findCaseFiles, loadCases } from '../../language/cases/load.js';
import { CLAUSE_CATALOGUE_FILE } from '../../language/clauses/clause.js';
import { loadClauseCatalogue } from '../../language/clauses/load.js';
import type { Verdict } from '../../judging/results/result.js';
import type { Problem } from '../../language/yaml/problem.js';
import { computeCoverage, type Coverage } from './compute.js';
import { loadRecordedCoverage, RECORDED_COVERAGE_FILE } from './recorded.js';

export interface CoverageSources {
  /** The project root: the catalogue and the recorded reasons are read from its spec/. */
  readonly root: string;
  /** The folder of case files. */
  readonly casesDir: string;
  /** Verdicts of a run by case id (from its results.jsonl), to show beside the cases. */
  readonly verdicts?: ReadonlyMap<string, Verdict>;
}

export function loadCoverage({ root, casesDir, verdicts }: CoverageSources): { readonly coverage: Coverage } | { readonly problems: readonly Problem[] } {
  const clauses = loadClauseCatalogue(CLAUSE_CATALOGUE_FILE, root);
  if (clauses.catalogue === undefined) return { problems: clauses.problems };
  const { catalogue } = clauses;
  const cases = loadCases(findCaseFiles(casesDir), root, catalogue);
  const recorded = loadRecordedCoverage(RECORDED_COVERAGE_FILE, root, catalogue);
  const problems = [...cases.problems, ...recorded.problems];
  if (recorded.recorded === undefined || problems.length > 0) return { problems };
  return { coverage: computeCoverage({ catalogue, cases: cases.cases, recorded: recorded.recorded, ...(verdicts === undefined ? {} : { verdicts }) }) };
}
