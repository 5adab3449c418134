/**
 * Case files as every command loads them: their citations checked against
 * the pages of a spec folder (the harness's own spec/ unless told another),
 * whatever folder the cases come from, and the pages' problems reported with
 * theirs.
 */
import type { PageSet } from '../clauses/clause.js';
import { loadPages } from '../clauses/load.js';
import { PROJECT_ROOT, SPEC_DIR } from '../../common/project-paths.js';
import { loadCases, type LoadedCases } from './load.js';

/** The cases, their problems and the pages' (and the pages, when they loaded). */
export function loadCaseSet(files: readonly string[], root: string, specDir: string = SPEC_DIR): LoadedCases & { readonly pages?: PageSet } {
  const pages = loadPages(specDir, PROJECT_ROOT);
  const loaded = loadCases(files, root, pages.pages);
  return { cases: loaded.cases, problems: [...pages.problems, ...loaded.problems], ...(pages.pages === undefined ? {} : { pages: pages.pages }) };
}
