/**
 * A case cites clauses of the page by id, with a quote to find each by. Both
 * must hold against the catalogue: the id names a catalogued clause, and the
 * quote is part of that clause's text, verbatim.
 */
import { problemAt, type Problem, type SourceLocation } from '../yaml/problem.js';
import { didYouMean } from '../yaml/suggest.js';
import type { ClauseCatalogue } from './clause.js';
import { squashSpaces } from './text.js';

export interface Citation {
  readonly id: string;
  readonly quote: string;
}

/** How much of a clause's text a message shows. */
const SHOWN_TEXT = 100;

/** `locate(index, key)` is where the `key` of the `index`th citation is written. */
export function citationProblems(
  citations: readonly Citation[],
  catalogue: ClauseCatalogue,
  locate: (index: number, key: keyof Citation) => SourceLocation,
): Problem[] {
  return citations.flatMap((citation, index): Problem[] => {
    const clause = catalogue.byId.get(citation.id);
    if (clause === undefined) {
      const hint = didYouMean(citation.id, catalogue.byId.keys()) || `; the ids are listed in ${catalogue.file}`;
      return [problemAt(locate(index, 'id'), `clause "${citation.id}" is not in the catalogue${hint}`)];
    }
    if (clause.text.includes(citation.quote)) return [];
    const spacing = squashSpaces(clause.text).includes(squashSpaces(citation.quote))
      ? ' (it differs only in spacing: the page has no-break spaces in places)'
      : '';
    return [
      problemAt(
        locate(index, 'quote'),
        `the quote is not in the text of clause "${clause.id}"${spacing}; quote part of it verbatim: ${JSON.stringify(shortened(clause.text))}`,
      ),
    ];
  });
}

function shortened(text: string): string {
  return text.length <= SHOWN_TEXT ? text : `${text.slice(0, SHOWN_TEXT - 1)}…`;
}
