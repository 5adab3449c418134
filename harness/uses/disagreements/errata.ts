/**
 * Documentation errata of two kinds, "the page disagrees with itself" and
 * "the pages disagree with each other": for each disagreement a catalogue
 * records (clauses, of one page or of several, that give one condition
 * different outcomes), the cases that hold each side, and, given runs, what
 * each run's provider did: which side it follows, measured by the verdicts of
 * the sides' cases, never assumed. A side no case holds is listed as such:
 * no run can say whether a provider follows it.
 */
import type { Case } from '../../language/cases/case.js';
import { holdersOf } from '../../language/cases/disagreement-holders.js';
import { disagreementKind, type DisagreementKind, type PageSet } from '../../language/clauses/clause.js';
import type { Verdict } from '../../judging/results/result.js';
import { providerLabel } from '../../judging/results/provider-label.js';
import type { RecordedRun } from '../../judging/results/recorded-run.js';

/** What a run did with the cases of one side. */
export type SideStanding =
  /** Every case of the side that ran passed: the provider does what this clause says. */
  | 'follows'
  /** A case of the side failed or is a listed deviation: the provider does something else. */
  | 'departs'
  /** No case of the side ran to a verdict on the page's outcome (skipped, or the run does not have it). */
  | 'not run';

export interface SideInRun {
  /** The run, as reports name it: provider, version and build. */
  readonly run: string;
  readonly standing: SideStanding;
  /** Each case of the side with its verdict in that run (absent when the run does not have it). */
  readonly verdicts: readonly { readonly case: string; readonly verdict?: Verdict }[];
}

export interface DisagreementSide {
  /** The clause's page: the catalogue's own, or, between pages, another. */
  readonly page: string;
  readonly clause: string;
  /** The clause's words on the page. */
  readonly text: string;
  readonly says: string;
  /** The cases that hold this side (that cite the clause, or those of them the side lists); none, and no run can tell whether a provider follows it. */
  readonly cases: readonly string[];
  /** What each run given did with them, in the order of the runs. */
  readonly runs: readonly SideInRun[];
}

export interface DisagreementErratum {
  readonly kind: DisagreementKind;
  /** The page whose catalogue records it. */
  readonly page: string;
  readonly id: string;
  readonly condition: string;
  readonly sides: readonly DisagreementSide[];
  /** For each run given, in their order, the sides it follows, and those it cannot tell of. */
  readonly runs: readonly RunFollowing[];
}

/** Which sides of one disagreement a run follows, named `page/clause`. */
export interface RunFollowing {
  readonly run: string;
  /** The sides whose cases all passed in the run; none when it departs from each side it ran. */
  readonly follows: readonly string[];
  /** The sides no case of which ran to a verdict, or that no case holds. */
  readonly cannotTell: readonly string[];
}

export function findDisagreements(pages: PageSet, cases: readonly Case[], runs: readonly RecordedRun[]): DisagreementErratum[] {
  return pages.pages.flatMap((page) =>
    page.disagreements.map((disagreement): DisagreementErratum => ({
      kind: disagreementKind(disagreement),
      page: page.name,
      id: disagreement.id,
      condition: disagreement.condition,
      ...withRuns(
        runs,
        disagreement.sides.map((side): DisagreementSide => {
          const holding = holdersOf(side, cases).map((testCase) => testCase.id);
          const text = pages.byName.get(side.page)?.byId.get(side.clause)?.text ?? '';
          return { page: side.page, clause: side.clause, text, says: side.says, cases: holding, runs: runs.map((run) => sideInRun(run, holding)) };
        }),
      ),
    })),
  );
}

/** The sides, and what each run makes of them taken together. */
function withRuns(runs: readonly RecordedRun[], sides: readonly DisagreementSide[]): { sides: readonly DisagreementSide[]; runs: readonly RunFollowing[] } {
  const named = (standing: SideStanding, index: number) =>
    sides.filter((side) => side.runs[index]?.standing === standing).map((side) => `${side.page}/${side.clause}`);
  return { sides, runs: runs.map((run, index) => ({ run: providerLabel(run.run), follows: named('follows', index), cannotTell: named('not run', index) })) };
}

function sideInRun(run: RecordedRun, cases: readonly string[]): SideInRun {
  const verdictOf = new Map(run.cases.map((result) => [result.id, result.verdict]));
  const verdicts = cases.map((id) => {
    const verdict = verdictOf.get(id);
    return verdict === undefined ? { case: id } : { case: id, verdict };
  });
  const seen = verdicts.flatMap((entry) => (entry.verdict === undefined || entry.verdict === 'SKIP' ? [] : [entry.verdict]));
  const standing: SideStanding = seen.length === 0 ? 'not run' : seen.every((verdict) => verdict === 'PASS' || verdict === 'XPASS') ? 'follows' : 'departs';
  return { run: providerLabel(run.run), standing, verdicts };
}
