/**
 * The shape of a case file as written, which the case schema
 * (harness/language/cases/case-schema.ts) guarantees once it has validated the data.
 * The loader turns these into the in-memory types of case.ts (defaults filled
 * in, ids given, locations added). Keep in step with that schema.
 */
import type { WrittenCitation } from '../clauses/citations.js';
import type { Outcome, PeerKind, Value } from './case.js';
import type { RawVariations, Variation } from './variations.js';

export interface RawCaseFile {
  readonly format: number;
  /** The page its citations cite unless they say another. */
  readonly page?: string;
  readonly cases: readonly unknown[];
}

export type RawPeer = PeerKind | { readonly kind: PeerKind; readonly family?: 'AF_INET' | 'AF_INET6' };

export interface RawStep {
  /** A declared call: the schema accepts no other name. */
  readonly call: string;
  /** Left out only by calls without required arguments. */
  readonly args?: { readonly [name: string]: Value };
  readonly as?: string;
  readonly expect?: Outcome | readonly Outcome[];
  readonly id?: string;
}

/** A citation as written; `when` limits it to the variations with those values (`when: { family: AF_INET6 }`). */
export interface RawCitation extends WrittenCitation {
  readonly when?: Variation;
}

/** Variations of a case that are made, to be seen, but never run: those `when` names, and why. */
export interface RawExclusion {
  readonly when: Variation;
  readonly reason: string;
}

/** The range the private network's implicit binds take their local ports from, while a case runs (Linux's ip_local_port_range). */
export interface EphemeralPorts {
  readonly first: number;
  readonly last: number;
}

export interface RawCase {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  readonly clauses: readonly RawCitation[];
  readonly tags?: readonly string[];
  readonly timeout?: number;
  readonly alone?: boolean;
  readonly network?: 'loopback' | 'private';
  readonly ephemeralPorts?: EphemeralPorts;
  readonly peers?: { readonly [name: string]: RawPeer };
  /** The dimensions the case holds over, each with its values: one case is built per combination. */
  readonly variations?: RawVariations;
  /** Variations that are made but not run, each with why (`when: { family: AF_INET6 }`). */
  readonly excluded?: readonly RawExclusion[];
  readonly steps: readonly RawStep[];
}
