/**
 * Everything the coverage report needs, loaded as a run loads it: the pages
 * of a spec folder, the cases of a folder checked against them, and each
 * page's recorded reasons; all their problems together, or the coverage.
 */
import { findCaseFiles, loadCases } from '../../language/cases/load.js';
import { loadPages } from '../../language/clauses/load.js';
import type { Problem } from '../../language/yaml/problem.js';
import { computeCoverage, type CaseRun, type Coverage } from './compute.js';
import { loadRecordedCoverage, type RecordedCoverage } from './recorded.js';

export interface CoverageSources {
  /** The project root: files are named relative to it. */
  readonly root: string;
  /** The spec folder: one folder per page. */
  readonly specDir: string;
  /** The folder of case files. */
  readonly casesDir: string;
  /** What a run did with each case, by case id (from its results.jsonl): verdicts, and the steps it checked. */
  readonly runs?: ReadonlyMap<string, CaseRun>;
}

export function loadCoverage({ root, specDir, casesDir, runs }: CoverageSources): { readonly coverage: Coverage } | { readonly problems: readonly Problem[] } {
  const loadedPages = loadPages(specDir, root);
  if (loadedPages.pages === undefined) return { problems: loadedPages.problems };
  const { pages } = loadedPages;
  const cases = loadCases(findCaseFiles(casesDir), root, pages);
  const problems: Problem[] = [...cases.problems];
  const recorded = new Map<string, RecordedCoverage>();
  for (const page of pages.pages) {
    const loaded = loadRecordedCoverage(page, root);
    if (loaded.recorded === undefined) problems.push(...loaded.problems);
    else recorded.set(page.name, loaded.recorded);
  }
  if (problems.length > 0) return { problems };
  return { coverage: computeCoverage({ pages, cases: cases.cases, recorded, ...(runs === undefined ? {} : { runs }) }) };
}
