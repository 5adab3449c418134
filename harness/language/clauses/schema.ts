/**
 * The schema of a clause catalogue: spec/clauses.schema.json, written by
 * hand (it describes a file people write, not one generated from code), read
 * from the project's spec/ folder whichever spec folder the pages come from.
 */
import { compileSchemaFile, type CompiledSchema } from '../yaml/schema.js';
import type { Clause, Disagreement, DisagreementSide } from './clause.js';

/** An entry as written, which the schema guarantees: a clause without its location. */
export type RawClause = Omit<Clause, 'location'>;

/** A side as written: its page only when it is another page's clause, and without its location. */
export type RawDisagreementSide = Omit<DisagreementSide, 'page' | 'location' | 'cases'> & { readonly page?: string; readonly cases?: readonly string[] };

/** A disagreement as written: without its location. */
export type RawDisagreement = Omit<Disagreement, 'location' | 'sides'> & { readonly sides: readonly RawDisagreementSide[] };

export interface RawClauseCatalogue {
  readonly format: 2;
  readonly clauses: readonly RawClause[];
  readonly disagreements?: readonly RawDisagreement[];
}

/** This module is compiled to dist/harness/language/clauses/: the project root is four folders up. */
const SCHEMA_FILE = new URL('../../../../spec/clauses.schema.json', import.meta.url);

export function clauseCatalogueSchema(): CompiledSchema<RawClauseCatalogue> {
  return compileSchemaFile<RawClauseCatalogue>(SCHEMA_FILE);
}
