/**
 * A comparison of two runs as text for a terminal or a CI log: which runs,
 * the counts, then each case that changed with its steps, the most serious
 * first. Observations read as in every report (`SOCKET_ERROR WSAEACCES`),
 * with ports and handles masked (`127.0.0.1:*`).
 */
import type { CaseChange, CaseChangeKind, ComparedRun, Comparison, StepChange, StepState } from '../harness/uses/baselines/compare.js';
import { describeOutcome } from '../harness/judging/results/describe-outcome.js';
import { plural } from './plural.js';
import { providerLabel } from '../harness/judging/results/provider-label.js';

export const CHANGE_HEADINGS: { readonly [K in CaseChangeKind]: string } = {
  regression: 'REGRESSION',
  fix: 'FIX',
  changed: 'CHANGED',
  rejudged: 'REJUDGED',
  new: 'NEW',
  removed: 'REMOVED',
};

const COUNT_WORDS: { readonly [K in CaseChangeKind]: readonly [string, string] } = {
  regression: ['regression', 'regressions'],
  fix: ['fix', 'fixes'],
  changed: ['changed', 'changed'],
  rejudged: ['re-judged', 're-judged'],
  new: ['new case', 'new cases'],
  removed: ['removed case', 'removed cases'],
};

export function comparisonText(comparison: Comparison): string {
  const lines = [
    `baseline: ${describeRun(comparison.baseline)}`,
    `current:  ${describeRun(comparison.current)}`,
    ...comparison.notes.map((note) => `note: ${note}`),
    countsLine(comparison),
  ];
  for (const change of comparison.cases) lines.push('', ...caseLines(change));
  return `${lines.join('\n')}\n`;
}

export function countsLine(comparison: Comparison): string {
  const kinds = Object.keys(COUNT_WORDS) as CaseChangeKind[];
  const parts = kinds.map((kind) => plural(comparison.counts[kind], ...COUNT_WORDS[kind]));
  return comparison.cases.length === 0 ? `no change (${parts.join(', ')})` : parts.join(', ');
}

export function describeRun(run: ComparedRun): string {
  const where = run.origin === undefined ? '' : `${run.origin}: `;
  const standard = run.judgedAgainst === 'docs' ? '' : `, judged against ${run.judgedAgainst}`;
  return `${where}${providerLabel(run)} on ${run.host}, ${run.startedAt}${standard}`;
}

/** `PASS → FAIL`; a dash for the run that does not have the case. */
export function verdictChange(change: CaseChange): string {
  return [change.baselineVerdict ?? '—', change.currentVerdict ?? '—'].join(' → ');
}

function caseLines(change: CaseChange): string[] {
  const verdicts = verdictChange(change);
  const lines = [`${CHANGE_HEADINGS[change.kind]} ${change.id} (${verdicts}): ${change.title}`];
  // A case that made no call now (SKIP, or an ERROR before its first step) is one line, not one per step it lost.
  const madeNothingNow = change.steps.length > 0 && change.steps.every((step) => step.current === undefined);
  if (madeNothingNow) lines.push(`  made no call now; before: ${change.steps.map((step) => `${step.stepId} ${describeState(step.baseline)}`).join(', ')}`);
  else for (const step of change.steps) lines.push(`  ${stepLine(step)}`);
  if (change.note !== undefined) lines.push(`  now: ${change.note}`);
  return lines;
}

export function stepLine(step: StepChange): string {
  return `${step.stepId} [${step.kind}]: was ${describeState(step.baseline)}; now ${describeState(step.current)}`;
}

function describeState(state: StepState | undefined): string {
  if (state === undefined) return 'not made';
  return `${describeOutcome(state.observed)} (${state.standing})`;
}
