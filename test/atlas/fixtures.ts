/** A small page, the reference samples' cases and references, and runs of the broadcast case: what the atlas tests build from. */
import type { Clause, Page, PageSet } from '../../harness/language/clauses/clause.js';
import { findErrata } from '../../harness/judging/windows-reference/errata.js';
import { loadReferences } from '../../harness/judging/windows-reference/load.js';
import type { CaseResult, CheckResult, Observation, Verdict } from '../../harness/judging/results/result.js';
import type { RecordedRun } from '../../harness/judging/results/recorded-run.js';
import { load, PROJECT_ROOT } from '../cases/helpers.js';
import { RUN } from '../reporters/sample-results.js';

const sample = (name: string): string => `test/references/samples/${name}`;

const location = { file: 'spec/WSAConnect/clauses.yaml', line: 1, column: 1 };
const CLAUSES: readonly Clause[] = [
  { id: 'remarks.dgram.broadcast', section: 'Remarks', kind: 'rule', text: 'Otherwise, WSAConnect will fail with the error code WSAEACCES.', error: 'WSAEACCES', location },
  { id: 'remarks.unchecked', section: 'Remarks', kind: 'rule', text: 'A rule no case checks.', location },
  { id: 'remarks.background', section: 'Remarks', kind: 'informative', text: 'Some background.', location },
];

/** A page named `name` with `clauses`, its files where spec/ would have them. */
export function pageOf(name: string, clauses: readonly Clause[]): Page {
  const files = { text: `spec/${name}/page.txt`, catalogue: `spec/${name}/clauses.yaml`, coverage: `spec/${name}/coverage.yaml`, note: `spec/${name}/README.md` };
  return { name, files, clauses, byId: new Map(clauses.map((clause) => [clause.id, clause])), disagreements: [] };
}

export function pageSetOf(...pages: Page[]): PageSet {
  return { folder: 'spec', pages, byName: new Map(pages.map((page) => [page.name, page])) };
}

export const PAGES: PageSet = pageSetOf(pageOf('WSAConnect', CLAUSES));

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

