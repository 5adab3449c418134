/**
 * The documentation pages the cases are written against, each a folder of
 * spec/ (format in spec/README.md): the page as text, and the catalogue of
 * its clauses — every sentence under a stable id. Cases cite a page's clauses
 * by id and quote them; the coverage report counts them, page by page.
 */
import type { SourceLocation } from '../yaml/problem.js';

export const CLAUSE_KINDS = ['rule', 'informative'] as const;
export type ClauseKind = (typeof CLAUSE_KINDS)[number];

export interface Clause {
  /** Stable id within its page: `errors.WSAEFAULT.namelen-too-small`. */
  readonly id: string;
  /** The part of the page it is in: `Remarks`, `Error codes`… */
  readonly section: string;
  /** `rule`: a case could check it; `informative`: overview, lead-in, availability. */
  readonly kind: ClauseKind;
  /** The clause as the page has it, verbatim. */
  readonly text: string;
  /** Which occurrence of `text` on the page, when the page has it more than once. */
  readonly occurrence?: number;
  /** The error (WSAGetLastError name) the clause documents as an outcome. */
  readonly error?: string;
  /** Where the clause's entry is written in the catalogue. */
  readonly location: SourceLocation;
}

/**
 * One condition for which clauses give different outcomes: clauses of one page (WSAConnect's error table
 * makes a non-NULL lpGQOS WSAEINVAL; its Remarks say lpGQOS is then ignored), or of several pages of the
 * family (connect's page disconnects a datagram socket for a name whose address is zeros, WSAConnect's
 * only for a name that is zeros entirely). It is recorded once, in the catalogue of one of its pages.
 * Each side is held by a case of its own, with its one outcome, and the errata list the disagreement.
 */
export interface Disagreement {
  /** Stable, unique on the page: `lpGQOS-not-null`. */
  readonly id: string;
  /** The one condition the sides speak of. */
  readonly condition: string;
  /** At least two clauses, at least one of them of the catalogue's own page, each with what it makes of the condition. */
  readonly sides: readonly DisagreementSide[];
  /** Where it is written in the catalogue. */
  readonly location: SourceLocation;
}

export interface DisagreementSide {
  /** The page of the clause: the catalogue's own unless the side names another (`page: connect`). */
  readonly page: string;
  readonly clause: string;
  readonly says: string;
  /**
   * The cases that hold the side, by their id as written, each with where it is listed: given when the clause
   * is also cited by cases of other conditions. Absent, every case citing the clause holds the side.
   */
  readonly cases?: readonly { readonly id: string; readonly location: SourceLocation }[];
  /** Where the side's clause, and its page (the clause's place for a side of the catalogue's own page), are written. */
  readonly location: { readonly clause: SourceLocation; readonly page: SourceLocation };
}

/** The two kinds of disagreement, as the errata name them. */
export const DISAGREEMENT_KINDS = {
  self: 'the page disagrees with itself',
  pages: 'the pages disagree with each other',
} as const;
export type DisagreementKind = (typeof DISAGREEMENT_KINDS)[keyof typeof DISAGREEMENT_KINDS];

/** Whether the sides are all of one page, or of several. */
export function disagreementKind(disagreement: { readonly sides: readonly Pick<DisagreementSide, 'page'>[] }): DisagreementKind {
  const pages = new Set(disagreement.sides.map((side) => side.page));
  return pages.size > 1 ? DISAGREEMENT_KINDS.pages : DISAGREEMENT_KINDS.self;
}

/** One documentation page: a folder of spec/ holding the files of PAGE_FILES. */
export interface Page {
  /**
   * Its folder's name, which cases cite it by (`page: WSAConnect`): the name
   * of the call the page documents, as the case language spells it.
   */
  readonly name: string;
  /** The page's files, relative to the project root. */
  readonly files: { readonly [role in keyof typeof PAGE_FILES]: string };
  /** In the order of the page. */
  readonly clauses: readonly Clause[];
  readonly byId: ReadonlyMap<string, Clause>;
  /** Where the page disagrees with itself, or with other pages, as its catalogue records it. */
  readonly disagreements: readonly Disagreement[];
}

/** Every page of a spec folder, in the order of their names. */
export interface PageSet {
  /** The spec folder, relative to the project root. */
  readonly folder: string;
  readonly pages: readonly Page[];
  readonly byName: ReadonlyMap<string, Page>;
}

/**
 * What a page's folder holds, by role. The recorded coverage is optional (a
 * page whose every clause is covered needs none); the others are required.
 */
export const PAGE_FILES = {
  /** The page as plain text, not edited. */
  text: 'page.txt',
  /** Its clause catalogue (spec/clauses.schema.json). */
  catalogue: 'clauses.yaml',
  /** Why the clauses no case covers have none (spec/coverage.schema.json). */
  coverage: 'coverage.yaml',
  /** Where the page comes from, under what licence, and what was changed. */
  note: 'README.md',
} as const;

/** A page's name, and so its folder's: a call's name (`WSAConnect`, `connect`, `ConnectEx`). */
export const PAGE_NAME_PATTERN = '^[A-Za-z][A-Za-z0-9_]*$';

/** A clause of a page that a case derives from. */
export interface ClauseCitation {
  /** The page's name: `WSAConnect`. */
  readonly page: string;
  /** Stable id of the clause on that page, e.g. `errors.WSAEISCONN` or `remarks.all-zero-address`. */
  readonly id: string;
  /** A short verbatim quote from the clause, enough to find it by. */
  readonly quote: string;
}

/**
 * How lists that mix pages name a cited clause: `WSAConnect/errors.WSAEFAULT`,
 * the page's folder then the id, as one word to search for.
 */
export function clauseName(citation: { readonly page: string; readonly id: string }): string {
  return `${citation.page}/${citation.id}`;
}
