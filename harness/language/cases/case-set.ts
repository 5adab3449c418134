/**
 * Case files as every command loads them: their citations checked against
 * the harness's own clause catalogue (spec/clauses.yaml), whatever folder the
 * cases come from, and the catalogue's problems reported with theirs.
 */
import { CLAUSE_CATALOGUE_FILE } from '../clauses/clause.js';
import { loadClauseCatalogue } from '../clauses/load.js';
import { PROJECT_ROOT } from '../../common/project-paths.js';
import { loadCases, type LoadedCases } from './load.js';

export function loadCaseSet(files: readonly string[], root: string): LoadedCases {
  const clauses = loadClauseCatalogue(CLAUSE_CATALOGUE_FILE, PROJECT_ROOT);
  const loaded = loadCases(files, root, clauses.catalogue);
  return { cases: loaded.cases, problems: [...clauses.problems, ...loaded.problems] };
}
