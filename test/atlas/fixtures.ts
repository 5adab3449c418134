/** A small catalogue, the reference samples' cases and references, and runs of the broadcast case: what the atlas tests build from. */
import type { Clause, ClauseCatalogue } from '../../harness/language/clauses/clause.js';
import { findErrata } from '../../harness/judging/windows-reference/errata.js';
import { loadReferences } from '../../harness/judging/windows-reference/load.js';
import type { CaseResult, CheckResult, Observation, Verdict } from '../../harness/judging/results/result.js';
import type { RecordedRun } from '../../harness/judging/results/recorded-run.js';
import { load, PROJECT_ROOT } from '../cases/helpers.js';
import { RUN } from '../reporters/sample-results.js';

const sample = (name: string): string => `test/references/samples/${name}`;

const location = { file: 'spec/clauses.yaml', line: 1, column: 1 };
const CLAUSES: readonly Clause[] = [
  { id: 'remarks.dgram.broadcast', section: 'Remarks', kind: 'rule', text: 'Otherwise, WSAConnect will fail with the error code WSAEACCES.', error: 'WSAEACCES', location },
  { id: 'remarks.unchecked', section: 'Remarks', kind: 'rule', text: 'A rule no case checks.', location },
  { id: 'remarks.background', section: 'Remarks', kind: 'informative', text: 'Some background.', location },
];

export const CATALOGUE: ClauseCatalogue = {
  file: 'spec/clauses.yaml',
  page: 'spec/WSAConnect.txt',
  clauses: CLAUSES,
  byId: new Map(CLAUSES.map((clause) => [clause.id, clause])),
};

export function check(stepId: string, observed: Observation, passed: boolean): CheckResult {
  return { stepId, call: stepId, args: {}, kind: 'documented', expected: [], observed, passed, differingKeys: [], durationMs: 1, explainsVerdict: false };
}

export function broadcastRun(provider: string, verdict: Verdict, checks: CheckResult[], message = 'm'): RecordedRun {
  const result: CaseResult = { id: 'udp.broadcast', title: 't', file: 'f', line: 1, clauses: [], tags: [], provider, verdict, message, checks, durationMs: 1, startedAt: RUN.startedAt };
  return { run: { ...RUN, provider, providerVersion: `${provider} 1.0`, host: 'h' }, cases: [result] };
}

export function atlasInputs() {
  const { cases } = load(sample('cases.yaml'));
  const { references } = loadReferences(sample('valid.yaml'), PROJECT_ROOT, cases);
  return { cases, references, errata: findErrata(cases, references) };
}

