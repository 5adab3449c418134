/**
 * Shared by the loader tests: where the project is, and problems as the
 * command line prints them, which is what the tests assert on.
 */
import { fileURLToPath } from 'node:url';
import { formatProblem, loadCases, type LoadedCases } from '../../harness/language/cases/load.js';
import { CLAUSE_CATALOGUE_FILE, type ClauseCatalogue } from '../../harness/language/clauses/clause.js';
import { loadClauseCatalogue } from '../../harness/language/clauses/load.js';

/** Tests run from dist/test/cases/; the project root is three levels up. Samples are read from the source tree. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** A sample file's path relative to the project root, as problems name it. */
export function casesSample(name: string): string {
  return `test/cases/samples/${name}`;
}

/** The project's clause catalogue, which case files are checked against. */
export function projectCatalogue(): ClauseCatalogue {
  const loaded = loadClauseCatalogue(CLAUSE_CATALOGUE_FILE, PROJECT_ROOT);
  if (loaded.catalogue === undefined) throw new Error(`${CLAUSE_CATALOGUE_FILE} has problems: ${loaded.problems.map(formatProblem).join('; ')}`);
  return loaded.catalogue;
}

export function load(...files: string[]): LoadedCases & { messages: string[] } {
  const loaded = loadCases(files, PROJECT_ROOT, projectCatalogue());
  return { ...loaded, messages: loaded.problems.map(formatProblem) };
}
