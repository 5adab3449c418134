/**
 * A known deviation of one provider, as listed in expectations/<provider>.yaml
 * (cases/README.md, "For provider authors").
 */
import type { Outcome, SourceLocation } from '../../language/cases/case.js';

export interface Deviation {
  /** The id of the case. */
  readonly case: string;
  /** The id of the step in that case (`WSAConnect`, `WSAConnect#2`, or its `id:`). */
  readonly step: string;
  /** What the provider was observed to do; seeing exactly this again makes the case KNOWN. */
  readonly observed: Outcome;
  /** Why this is believed to be a deviation. */
  readonly reason: string;
  /** URL of the bug report, if there is one. */
  readonly bug?: string;
  /** Where the entry is written. */
  readonly location: SourceLocation;
}
