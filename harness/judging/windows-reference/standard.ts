/**
 * What a run judges against. By default the page (`docs`): each documented
 * step's `expect`. With `windows`, a step that has a Windows reference is
 * judged against what Windows does instead, and every other step against the
 * page. Either way each check of a step with a reference carries it, so that
 * every report can show three things side by side: what the page documents,
 * what Windows does, and what the provider did.
 *
 * A listed deviation records how a provider differs from the page. Judged by
 * Windows, an entry whose recorded observation is what Windows does is no
 * deviation any more (the provider does what Windows does) and is dropped;
 * an entry that differs from Windows too still applies.
 */
import { documentedOutcomes, type Case, type Outcome, type Step } from '../../language/cases/case.js';
import type { Deviation } from '../expectations/deviation.js';
import type { CaseResult, CheckResult, ReferenceNote, Standard } from '../results/result.js';
import { matchValue } from '../verdicts/match.js';
import { describeSource, sourceUrl, type WindowsReference } from './reference.js';

export interface JudgedInputs {
  readonly cases: readonly Case[];
  readonly deviations: readonly Deviation[];
  /** Adds the references (and, judged by Windows, the page's outcome) to a case's checks. */
  annotate(result: CaseResult): CaseResult;
}

export function judgeAgainst(standard: Standard, cases: readonly Case[], deviations: readonly Deviation[], references: readonly WindowsReference[]): JudgedInputs {
  const byStep = new Map(references.map((reference) => [stepKey(reference.case, reference.step), reference]));
  const referenceOf = (caseId: string, stepId: string) => byStep.get(stepKey(caseId, stepId));
  const documentedOf = new Map(
    cases.flatMap((testCase) => testCase.steps.map((step) => [stepKey(testCase.id, step.id), documentedOutcomes(step)] as const)),
  );
  return {
    cases: standard === 'windows' ? cases.map((testCase) => withWindowsOutcomes(testCase, referenceOf)) : cases,
    deviations: standard === 'windows' ? deviations.filter((deviation) => !isWhatWindowsDoes(deviation, referenceOf(deviation.case, deviation.step))) : deviations,
    annotate(result) {
      const checks = result.checks.map((check): CheckResult => {
        const reference = referenceOf(result.id, check.stepId);
        if (reference === undefined) return check;
        const documented = documentedOf.get(stepKey(result.id, check.stepId));
        return {
          ...check,
          reference: referenceNote(reference),
          ...(standard === 'windows' && documented !== undefined ? { documented } : {}),
        };
      });
      return { ...result, checks };
    },
  };
}

/** The note a check carries: the outcome as written, which Windows, and the source in one line with its address. */
export function referenceNote(reference: WindowsReference): ReferenceNote {
  return {
    windows: reference.windows,
    versions: reference.versions,
    source: describeSource(reference.source),
    url: sourceUrl(reference.source),
  };
}

function withWindowsOutcomes(testCase: Case, referenceOf: (caseId: string, stepId: string) => WindowsReference | undefined): Case {
  const steps = testCase.steps.map((step): Step => {
    const reference = referenceOf(testCase.id, step.id);
    return reference === undefined ? step : { ...step, expect: reference.windows.map((outcome) => ({ outcome })) };
  });
  return { ...testCase, steps };
}

/** Whether a deviation recorded what Windows does: some alternative Windows gives matches the recorded observation. */
function isWhatWindowsDoes(deviation: Deviation, reference: WindowsReference | undefined): boolean {
  return reference !== undefined && reference.windows.some((outcome: Outcome) => matchValue(outcome, deviation.observed) === undefined);
}

function stepKey(caseId: string, stepId: string): string {
  return JSON.stringify([caseId, stepId]);
}
