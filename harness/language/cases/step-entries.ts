/**
 * Entries of other files that name a step of a case — a provider's listed
 * deviation (expectations/), a Windows reference (references/) — checked the
 * same way: the case exists, it has the step, and no other entry names the
 * same step. Problems are positioned at the entry.
 */
import type { Case, SourceLocation } from './case.js';
import { problemAt, type Problem } from '../yaml/problem.js';
import { didYouMean } from '../yaml/suggest.js';

export interface StepEntry {
  readonly case: string;
  readonly step: string;
  readonly location: SourceLocation;
}

/** An entry whose case and step exist, with them. */
export interface PlacedEntry<E extends StepEntry> {
  readonly entry: E;
  readonly testCase: Case;
  readonly stepIndex: number;
}

/**
 * The entries that name an existing case and step, each step once; a problem
 * for every other. `duplicate` words the problem of a second entry for a step,
 * given the line of the first.
 */
export function placeStepEntries<E extends StepEntry>(
  entries: readonly E[],
  cases: readonly Case[],
  duplicate: (entry: E, firstLine: number) => string,
  /** Whether two entries for one step hold at once (deviations of different provider versions do not); by default always. */
  clash: (first: E, second: E) => boolean = () => true,
): { placed: PlacedEntry<E>[]; problems: Problem[] } {
  const casesById = new Map(cases.map((testCase) => [testCase.id, testCase]));
  const earlierEntries = new Map<string, E[]>();
  const placed: PlacedEntry<E>[] = [];
  const problems: Problem[] = [];
  for (const entry of entries) {
    const testCase = casesById.get(entry.case);
    if (testCase === undefined) {
      problems.push(problemAt(entry.location, `no case has the id "${entry.case}"${didYouMean(entry.case, casesById.keys())}`));
      continue;
    }
    const steps = testCase.steps.map((step) => step.id);
    const stepIndex = steps.indexOf(entry.step);
    if (stepIndex === -1) {
      problems.push(problemAt(entry.location, `case "${entry.case}" has no step "${entry.step}"; its steps: ${steps.join(', ')}${didYouMean(entry.step, steps)}`));
      continue;
    }
    const key = JSON.stringify([entry.case, entry.step]);
    const earlier = earlierEntries.get(key) ?? [];
    const clashing = earlier.find((other) => clash(other, entry));
    if (clashing !== undefined) {
      problems.push(problemAt(entry.location, duplicate(entry, clashing.location.line)));
      continue;
    }
    earlierEntries.set(key, [...earlier, entry]);
    placed.push({ entry, testCase, stepIndex });
  }
  return { placed, problems };
}
