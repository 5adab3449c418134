/**
 * The cases that hold a side of a disagreement (spec/README.md): those that
 * cite the side's clause, narrowed to the ones the side lists, when it lists
 * them because the clause is also cited by cases of other conditions (an
 * error row of several). A listed case must be one of the suite's and cite
 * the clause in one of its variations; a case of another condition would
 * measure the wrong thing.
 */
import type { DisagreementSide, PageSet } from '../clauses/clause.js';
import { problemAt, type Problem } from '../yaml/problem.js';
import { didYouMean } from '../yaml/suggest.js';
import { citesClause, type Case } from './case.js';

/** A case's id as its file writes it: without its variation's tags. */
function writtenId(testCase: Case): string {
  return testCase.variation?.writtenId ?? testCase.id;
}

/** The cases (each variation its own) that hold `side`. */
export function holdersOf(side: DisagreementSide, cases: readonly Case[]): Case[] {
  const listed = side.cases === undefined ? undefined : new Set(side.cases.map((entry) => entry.id));
  return cases.filter((testCase) => citesClause(testCase, side.page, side.clause) && (listed === undefined || listed.has(writtenId(testCase))));
}

/** Each case a side lists that is not in `cases` (the whole suite), or that does not cite the side's clause. */
export function disagreementHolderProblems(pages: PageSet, cases: readonly Case[]): Problem[] {
  const ids = [...new Set(cases.map(writtenId))];
  return pages.pages.flatMap((page) =>
    page.disagreements.flatMap((disagreement) =>
      disagreement.sides.flatMap((side) =>
        (side.cases ?? []).flatMap(({ id, location }): Problem[] => {
          const written = cases.filter((testCase) => writtenId(testCase) === id);
          if (written.length === 0) return [problemAt(location, `case "${id}" is not in the suite${didYouMean(id, ids) || '; a side lists the cases that hold it by their id as written'}`)];
          if (written.some((testCase) => citesClause(testCase, side.page, side.clause))) return [];
          return [problemAt(location, `case "${id}" does not cite ${side.page}/${side.clause}: a case holds a side by citing its clause, in one of its variations at least`)];
        }),
      ),
    ),
  );
}
