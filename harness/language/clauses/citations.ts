/**
 * A case cites clauses of the pages by id, with a quote to find each by. The
 * page is the citation's own `page:`, else its file's. All three must hold
 * against the pages: the page is one of them, the id names a clause of its
 * catalogue, and the quote is part of that clause's text, verbatim.
 */
import { problemAt, type Problem, type SourceLocation } from '../yaml/problem.js';
import { didYouMean } from '../yaml/suggest.js';
import { clauseName, disagreementKind, DISAGREEMENT_KINDS, type ClauseCitation, type PageSet } from './clause.js';
import { squashSpaces } from './text.js';

/** A citation as a case file writes it: without `page`, it cites its file's page. */
export interface WrittenCitation {
  readonly page?: string;
  readonly id: string;
  readonly quote: string;
}

/** How much of a clause's text a message shows. */
const SHOWN_TEXT = 100;

type Locate = (index: number, key: keyof WrittenCitation) => SourceLocation;

/** Each citation with its page: its own, else `filePage` (the file's `page:`); a problem for one that has neither. */
export function withPages(citations: readonly WrittenCitation[], filePage: string | undefined, locate: Locate): { citations: ClauseCitation[] } | { problems: Problem[] } {
  const problems: Problem[] = [];
  const resolved = citations.flatMap(({ page = filePage, id, quote }, index) => {
    if (page !== undefined) return [{ page, id, quote }];
    problems.push(problemAt(locate(index, 'id'), `clause "${id}" of which page? Say \`page: NAME\` at the top of the file (the page most of its cases cite) or in this citation`));
    return [];
  });
  return problems.length > 0 ? { problems } : { citations: resolved };
}

/**
 * What does not hold of `citations` against `pages`. A citation's page that
 * is missing is reported at its `page:` (the file's is checked once, by the
 * loader, before its cases). Two sides of one disagreement are sought among
 * the citations `together` keeps: those that hold together, in one variation of the case.
 */
export function citationProblems(citations: readonly ClauseCitation[], pages: PageSet, locate: Locate, together: (index: number) => boolean = () => true): Problem[] {
  return [...eachCitationProblems(citations, pages, locate), ...bothSidesProblems(citations, pages, locate, together)];
}

/**
 * Where pages disagree (a page with itself, or pages with each other), each side is held by a case of its own,
 * with its one outcome: a case citing two sides of one disagreement could only accept both outcomes, and so
 * could fail on neither. The rule holds per variation: a case varied over the call may cite WSAConnect's side
 * in one variation and connect's in the other.
 */
function bothSidesProblems(citations: readonly ClauseCitation[], pages: PageSet, locate: Locate, together: (index: number) => boolean): Problem[] {
  return pages.pages.flatMap((page) =>
    page.disagreements.flatMap((disagreement) => {
      const sides = new Set(disagreement.sides.map((side) => clauseName({ page: side.page, id: side.clause })));
      const self = disagreementKind(disagreement) === DISAGREEMENT_KINDS.self;
      const name = (citation: ClauseCitation) => (self ? citation.id : clauseName(citation));
      const cited = citations.flatMap((citation, index) => (together(index) && sides.has(clauseName(citation)) ? [{ citation, index }] : []));
      const first = cited[0]?.citation;
      // A side cited twice is still one side (a case varied over the call may cite its page's clause by default and by name).
      const others = cited.filter(({ citation }, position) => cited.findIndex((entry) => clauseName(entry.citation) === clauseName(citation)) === position).slice(1);
      return first === undefined
        ? []
        : others.map(({ citation, index }) =>
            problemAt(
              locate(index, 'id'),
              `"${name(citation)}" and "${name(first)}" are two sides of the ${self ? "page's" : "pages'"} disagreement ${disagreement.id} (${page.files.catalogue}); cite one side per case, and hold the other in a case of its own`,
            ),
          );
    }),
  );
}

function eachCitationProblems(citations: readonly ClauseCitation[], pages: PageSet, locate: Locate): Problem[] {
  return citations.flatMap((citation, index): Problem[] => {
    const page = pages.byName.get(citation.page);
    if (page === undefined) return [unknownPage(citation.page, pages, locate(index, 'page'))];
    const clause = page.byId.get(citation.id);
    if (clause === undefined) {
      const elsewhere = pages.pages.filter((other) => other.byId.has(citation.id)).map((other) => other.name);
      const hint =
        didYouMean(citation.id, page.byId.keys()) ||
        (elsewhere.length > 0 ? `; ${elsewhere.join(' and ')} has it: cite it with \`page: ${elsewhere[0]}\`` : `; the ids are listed in ${page.files.catalogue}`);
      return [problemAt(locate(index, 'id'), `clause "${citation.id}" is not in the catalogue of ${page.name}${hint}`)];
    }
    if (clause.text.includes(citation.quote)) return [];
    const spacing = squashSpaces(clause.text).includes(squashSpaces(citation.quote))
      ? ' (it differs only in spacing: the page has no-break spaces in places)'
      : '';
    return [
      problemAt(
        locate(index, 'quote'),
        `the quote is not in the text of clause "${clause.id}" of ${page.name}${spacing}; quote part of it verbatim: ${JSON.stringify(shortened(clause.text))}`,
      ),
    ];
  });
}

/** A `page:` naming no page of `pages`, wherever it is written. */
export function unknownPage(name: string, pages: PageSet, at: SourceLocation): Problem {
  const hint = didYouMean(name, pages.byName.keys()) || `; the pages are ${pages.pages.map((page) => page.name).join(', ')}`;
  return problemAt(at, `page "${name}" is not a folder of ${pages.folder}/${hint}`);
}

function shortened(text: string): string {
  return text.length <= SHOWN_TEXT ? text : `${text.slice(0, SHOWN_TEXT - 1)}…`;
}
