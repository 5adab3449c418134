/**
 * Documentation errata: the documented steps where real Windows does what
 * the page does not allow — no outcome Windows gives (its reference) matches
 * any outcome the page documents for the step. Each is a finding about the
 * page, with the clauses the case cites and the source that shows Windows.
 */
import { documentedOutcomes, type Case, type ClauseCitation, type Outcome } from '../../language/cases/case.js';
import type { ReferenceNote } from '../results/result.js';
import { matchValue } from '../verdicts/match.js';
import type { WindowsReference } from './reference.js';
import { referenceNote } from './standard.js';

export interface Erratum {
  /** The case, with the clauses it cites: where the page says what Windows does not do. */
  readonly case: { readonly id: string; readonly title: string; readonly clauses: readonly ClauseCitation[] };
  readonly step: string;
  /** What the page documents, as the case writes it. */
  readonly documented: readonly Outcome[];
  readonly reference: ReferenceNote;
  /** The assertion that shows Windows, verbatim. */
  readonly quote: string;
  readonly note?: string;
}

export function findErrata(cases: readonly Case[], references: readonly WindowsReference[]): Erratum[] {
  const casesById = new Map(cases.map((testCase) => [testCase.id, testCase]));
  return references.flatMap((reference) => {
    const testCase = casesById.get(reference.case);
    const step = testCase?.steps.find((candidate) => candidate.id === reference.step);
    const documented = step === undefined ? undefined : documentedOutcomes(step);
    if (testCase === undefined || documented === undefined || pageAllows(documented, reference.windows)) return [];
    return [
      {
        case: { id: testCase.id, title: testCase.title, clauses: testCase.clauses },
        step: reference.step,
        documented,
        reference: referenceNote(reference),
        quote: reference.source.quote,
        ...(reference.note === undefined ? {} : { note: reference.note }),
      },
    ];
  });
}

/** Whether some outcome Windows gives is one the page documents. */
function pageAllows(documented: readonly Outcome[], windows: readonly Outcome[]): boolean {
  return windows.some((outcome) => documented.some((allowed) => matchValue(allowed, outcome) === undefined));
}
