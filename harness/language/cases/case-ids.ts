/**
 * Case ids are unique across all files: results, expectations and baselines
 * refer to cases by id alone.
 */
import type { Case, SourceLocation } from './case.js';
import { problemAt, type Problem } from '../yaml/problem.js';

/** A built case with where its `id` is written, for messages about the id. */
export interface LocatedCase {
  readonly case: Case;
  readonly idLocation: SourceLocation;
}

/**
 * Keeps the first case of each id and reports every later one where its id is
 * written, naming where the first is.
 */
export function keepUniqueCaseIds(cases: readonly LocatedCase[]): { unique: LocatedCase[]; problems: Problem[] } {
  const firstById = new Map<string, LocatedCase>();
  const problems: Problem[] = [];
  for (const located of cases) {
    const first = firstById.get(located.case.id);
    if (first === undefined) {
      firstById.set(located.case.id, located);
      continue;
    }
    const { file, line } = first.idLocation;
    problems.push(
      problemAt(
        located.idLocation,
        `duplicate case id "${located.case.id}"; first defined at ${file}:${line}; case ids must be unique across all files`,
      ),
    );
  }
  return { unique: [...firstById.values()], problems };
}
