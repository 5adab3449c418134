/**
 * What the merge, atlas and errata commands know besides runs: the suite's
 * cases, the Windows references and the errata they make, and the pages
 * with their clause catalogues — each loaded and checked as a run would, so a problem in
 * them is bad input with its file:line:column.
 */
import type { Case } from '../harness/language/cases/case.js';
import { loadCaseSet } from '../harness/language/cases/case-set.js';
import { disagreementHolderProblems } from '../harness/language/cases/disagreement-holders.js';
import { findCaseFiles } from '../harness/language/cases/load.js';
import type { PageSet } from '../harness/language/clauses/clause.js';
import { loadPages } from '../harness/language/clauses/load.js';
import { stepKey } from '../harness/uses/matrix/build.js';
import { CASES_DIR, PROJECT_ROOT, SPEC_DIR, WINDOWS_REFERENCES_FILE } from '../harness/common/project-paths.js';
import { findErrata, type Erratum } from '../harness/judging/windows-reference/errata.js';
import { loadReferences, type WindowsReference } from '../harness/judging/windows-reference/load.js';
import { referenceNote } from '../harness/judging/windows-reference/standard.js';
import type { ReferenceNote } from '../harness/judging/results/result.js';
import { BadInput } from '../harness/run/runner/run-suite.js';

export interface SuiteKnowledge {
  readonly cases: readonly Case[];
  readonly references: readonly WindowsReference[];
  /** The references by step (matrix/build.ts stepKey). */
  readonly referenceNotes: ReadonlyMap<string, ReferenceNote>;
  readonly errata: readonly Erratum[];
}

export function loadSuiteKnowledge(): SuiteKnowledge {
  const loaded = loadCaseSet(findCaseFiles(CASES_DIR), PROJECT_ROOT);
  const references = loadReferences(WINDOWS_REFERENCES_FILE, PROJECT_ROOT, loaded.cases);
  const holderProblems = loaded.pages === undefined ? [] : disagreementHolderProblems(loaded.pages, loaded.cases);
  const problems = [...loaded.problems, ...holderProblems, ...references.problems];
  if (problems.length > 0) throw new BadInput(problems);
  return {
    cases: loaded.cases,
    references: references.references,
    referenceNotes: new Map(references.references.map((reference) => [stepKey(reference.case, reference.step), referenceNote(reference)])),
    errata: findErrata(loaded.cases, references.references),
  };
}

export function loadSpecPages(): PageSet {
  const loaded = loadPages(SPEC_DIR, PROJECT_ROOT);
  if (loaded.pages === undefined) throw new BadInput(loaded.problems);
  return loaded.pages;
}
