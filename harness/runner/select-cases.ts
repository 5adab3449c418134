/** `--grep` and `--tag`: which of the loaded cases a run takes. */
import type { Case } from '../cases/case.js';

export interface CaseFilter {
  /** Case-insensitive text that the id or the title must contain. */
  readonly grep?: string;
  /** The case must carry at least one of these tags (none given: every case). */
  readonly tags: readonly string[];
}

export function selectCases(cases: readonly Case[], filter: CaseFilter): Case[] {
  const needle = filter.grep?.toLowerCase();
  return cases.filter(
    (testCase) =>
      (needle === undefined || [testCase.id, testCase.title].some((text) => text.toLowerCase().includes(needle))) &&
      (filter.tags.length === 0 || filter.tags.some((tag) => testCase.tags.includes(tag))),
  );
}
