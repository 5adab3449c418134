/**
 * The in-memory form of a conformance case, as loaded from cases/*.yaml.
 * The YAML format is documented in cases/README.md and checked by
 * cases/case.schema.json before anything here is built.
 */

import type { PeerSpec } from '../../../fixtures/catalogue.js';
import type { ClauseCitation } from '../clauses/clause.js';
import type { SourceLocation } from '../yaml/problem.js';
import type { EphemeralPorts } from './raw-case.js';
import type { Variation } from './variations.js';

export type { SourceLocation } from '../yaml/problem.js';
export type { PeerKind, PeerSpec } from '../../../fixtures/catalogue.js';
export type { ClauseCitation } from '../clauses/clause.js';
export type { EphemeralPorts } from './raw-case.js';

/**
 * A value in a case. Strings that start with `$` are references to earlier
 * results (`$s`, `$server.port`), resolved when the step runs; `$$` escapes a
 * literal dollar. Everything else is taken as written.
 */
export type Value = string | number | boolean | null | readonly Value[] | { readonly [key: string]: Value };

/**
 * What a call is documented to produce. `returns` is a number or one of the
 * symbolic results; `error` is the WSAGetLastError name when the call failed;
 * any other key matches an output of the call (a socket address, received
 * data, select's readiness…). Values may be matchers (see harness/judging/verdicts/match.ts).
 */
export type Outcome = { readonly [key: string]: Value };

/**
 * One outcome the page documents for a step. When the page allows several
 * (two of its clauses disagree, or it leaves a choice), each may be named
 * (`as: rejected`), so that results say which one was seen.
 */
export interface Alternative {
  readonly name?: string;
  readonly outcome: Outcome;
}

/** The key of an outcome as written that names its alternative; it is not compared. */
export const ALTERNATIVE_NAME_KEY = 'as';

export interface Step {
  /** Stable id within the case: `id:` if given, else the call name (with `#n` when repeated). */
  readonly id: string;
  /** The name of a declared call (harness/language/calls/). */
  readonly call: string;
  readonly args: { readonly [name: string]: Value };
  /** Name under which the call's result is kept for later steps (`$name`). */
  readonly as?: string;
  /**
   * The documented outcome(s); several mean the page allows any of them.
   * Absent: the step is set-up, and it must simply succeed.
   */
  readonly expect?: readonly Alternative[];
  readonly location: SourceLocation;
}

/** The outcomes the page documents for a step, without their names; undefined for a set-up step. */
export function documentedOutcomes(step: Step): readonly Outcome[] | undefined {
  return step.expect?.map((alternative) => alternative.outcome);
}

export interface Case {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  readonly clauses: readonly ClauseCitation[];
  readonly tags: readonly string[];
  readonly peers: readonly PeerSpec[];
  readonly steps: readonly Step[];
  /** Per-case time limit in milliseconds, from when the provider is ready; past it the provider process is killed and the case is TIMEOUT. */
  readonly timeoutMs: number;
  /** The case must run with no other case at the same time. */
  readonly alone: boolean;
  /** Where it runs: the machine's loopback, or the run's private network namespace (harness/run/private-network/). */
  readonly network: 'loopback' | 'private';
  /** For a case made from one combination of a written case's variations: the id as written and the combination. */
  readonly variation?: CaseVariation;
  /**
   * Why this variation is never run, when the case as written excludes it (`excluded:`): it is reported
   * SKIP with this reason, so that an exclusion is seen in every report and never a silent gap.
   */
  readonly excluded?: string;
  /**
   * For a private case that runs alone: the local ports the private network's implicit binds take while it
   * runs, in place of the namespace's range (so that a case can exhaust them); restored after it.
   */
  readonly ephemeralPorts?: EphemeralPorts;
  readonly location: SourceLocation;
}

/** Which written case a case was made from, and with which values of its variations. */
export interface CaseVariation {
  /** The id as written in the case file (`tcp.blocking.reconnect-is-wsaeisconn`), without the variation's tags. */
  readonly writtenId: string;
  readonly values: Variation;
}

export const DEFAULT_CASE_TIMEOUT_MS = 5000;

/** Whether the case is run in the private network: an excluded variation is not run at all, and is reported SKIP beside the others. */
export function runsInPrivateNetwork(testCase: Case): boolean {
  return testCase.network === 'private' && testCase.excluded === undefined;
}

/** Whether the case cites the clause `clause` of the page `page`. */
export function citesClause(testCase: Case, page: string, clause: string): boolean {
  return testCase.clauses.some((citation) => citation.page === page && citation.id === clause);
}
