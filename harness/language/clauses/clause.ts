/**
 * The clause catalogue of the documentation page (spec/clauses.yaml, format
 * in spec/README.md): every sentence of the page under a stable id. Cases
 * cite clauses by id and quote them; the coverage report counts them.
 */
import type { SourceLocation } from '../yaml/problem.js';

export const CLAUSE_KINDS = ['rule', 'informative'] as const;
export type ClauseKind = (typeof CLAUSE_KINDS)[number];

export interface Clause {
  /** Stable id: `errors.WSAEFAULT.namelen-too-small`. */
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

export interface ClauseCatalogue {
  /** The catalogue file, relative to the project root. */
  readonly file: string;
  /** The page the texts come from, relative to the project root. */
  readonly page: string;
  /** In the order of the page. */
  readonly clauses: readonly Clause[];
  readonly byId: ReadonlyMap<string, Clause>;
}

/** Where the project keeps its catalogue, relative to the project root. */
export const CLAUSE_CATALOGUE_FILE = 'spec/clauses.yaml';
