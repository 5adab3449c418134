/** `--grep` and `--tag`: which of the loaded cases a run takes. */
import type { Case } from '../../language/cases/case.js';

export interface CaseFilter {
  /** Case-insensitive text that the id or the title must contain. */
  readonly grep?: string;
  /** The case must carry at least one of these tags (none given: every case). */
  readonly tags: readonly string[];
}

/** The cases (or results of cases: anything with an id, a title and tags) that `filter` selects. */
export function selectCases<C extends Pick<Case, 'id' | 'title' | 'tags'>>(cases: readonly C[], filter: CaseFilter): C[] {
  const needle = filter.grep?.toLowerCase();
  return cases.filter(
    (testCase) =>
      (needle === undefined || [testCase.id, testCase.title].some((text) => text.toLowerCase().includes(needle))) &&
      (filter.tags.length === 0 || filter.tags.some((tag) => testCase.tags.includes(tag))),
  );
}
