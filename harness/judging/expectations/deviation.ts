/**
 * A known deviation of one provider, as listed in expectations/<provider>.yaml
 * (cases/README.md, "For provider authors").
 */
import type { Outcome, SourceLocation } from '../../language/cases/case.js';
import type { Variation } from '../../language/cases/variations.js';

export interface Deviation {
  /** The id of the case: a case's own id, or, in an expectations file, the id of a case as written with variations (each then gets the entry). */
  readonly case: string;
  /** For a case as written with variations: the values of the variations the entry holds for (`when: { call: connect }`); absent, all of them. */
  readonly when?: Variation;
  /** The id of the step in that case (`WSAConnect`, `WSAConnect#2`, or its `id:`). */
  readonly step: string;
  /** What the provider was observed to do; seeing exactly this again makes the case KNOWN. */
  readonly observed: Outcome;
  /** Why this is believed to be a deviation. */
  readonly reason: string;
  /** The provider versions it holds for (`8.0`, `10`): a version is that one or starts with it and a dot. Absent: every version. */
  readonly versions?: readonly string[];
  /** URL of the bug report, if there is one. */
  readonly bug?: string;
  /** Where the entry is written. */
  readonly location: SourceLocation;
}

/** Whether `deviation` holds for a run of the provider at `version` (undefined: the run's provider has no version to match). */
export function holdsFor(deviation: Deviation, version: string | undefined): boolean {
  if (deviation.versions === undefined) return true;
  return version !== undefined && deviation.versions.some((listed) => version === listed || version.startsWith(`${listed}.`));
}

/** Whether some version could be held for by both: two entries for one step must not. */
export function versionsOverlap(first: Pick<Deviation, 'versions'>, second: Pick<Deviation, 'versions'>): boolean {
  if (first.versions === undefined || second.versions === undefined) return true;
  const within = (version: string, listed: string) => version === listed || version.startsWith(`${listed}.`);
  return first.versions.some((a) => second.versions?.some((b) => within(a, b) || within(b, a)));
}
