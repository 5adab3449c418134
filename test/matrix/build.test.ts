import { expect } from 'chai';
import { buildMatrix, stepKey } from '../../harness/uses/matrix/build.js';
import type { CaseResult, CheckResult, Observation, ReferenceNote, RunInfo, Verdict } from '../../harness/judging/results/result.js';
import type { RecordedRun } from '../../harness/judging/results/recorded-run.js';
import { RUN } from '../reporters/sample-results.js';

function check(stepId: string, observed: Observation, passed = true, known = false): CheckResult {
  return {
    stepId,
    call: stepId,
    args: {},
    kind: stepId === 'socket' ? 'setup' : 'documented',
    expected: stepId === 'socket' ? [] : [{ returns: 'SOCKET_ERROR', error: 'WSAEACCES' }],
    observed,
    passed,
    differingKeys: [],
    durationMs: 1,
    explainsVerdict: false,
    ...(known ? { known: { reason: 'listed', recorded: { returns: 0 } } } : {}),
  };
}

function result(id: string, verdict: Verdict, checks: CheckResult[]): CaseResult {
  return { id, title: `title of ${id}`, file: 'cases/x.yaml', line: 3, clauses: [{ page: 'WSAConnect', id: 'errors.WSAEACCES', quote: 'q' }], tags: [], provider: 'p', verdict, message: 'm', checks, durationMs: 1, startedAt: RUN.startedAt };
}

function run(provider: string, startedAt: string, cases: CaseResult[], extra: Partial<RunInfo> = {}): RecordedRun {
  return { run: { ...RUN, provider, providerVersion: `${provider} 1.0`, startedAt, ...extra }, cases, origin: `${provider}-${startedAt}.jsonl` };
}

const refused = { returns: 'SOCKET_ERROR', error: 'WSAEACCES' };

describe('buildMatrix', () => {
  it('puts runs that behaved identically at every step in one column, and others apart, in provider order', () => {
    const wine = (startedAt: string, handle: number) => run('wine', startedAt, [result('a', 'PASS', [check('socket', { returns: 'socket', handle }), check('WSAConnect', refused)])]);
    const posix = run('posix', 't3', [result('a', 'FAIL', [check('socket', { returns: 'socket', handle: 3 }), check('WSAConnect', { returns: 0 }, false)])]);
    const matrix = buildMatrix([wine('t1', 200), posix, wine('t2', 216)], new Map(), []);
    expect(matrix.columns.map((column) => [column.label, column.runs.map((entry) => entry.origin)])).to.deep.equal([
      ['posix 1.0', ['posix-t3.jsonl']],
      ['wine 1.0', ['wine-t1.jsonl', 'wine-t2.jsonl']],
    ]);
    const [testCase] = matrix.cases;
    expect(testCase?.verdicts).to.deep.equal(['FAIL', 'PASS']);
    expect(testCase?.steps.map((step) => [step.stepId, step.documentedText, step.cells.map((cell) => `${cell.text} (${cell.standing})`), step.runsAgree])).to.deep.equal([
      ['socket', 'success (set-up step)', ['socket handle=* (expected)', 'socket handle=* (expected)'], true],
      ['WSAConnect', 'SOCKET_ERROR WSAEACCES', ['0 (unexpected)', 'SOCKET_ERROR WSAEACCES (expected)'], false],
    ]);
  });

  it('says which calls a run did not make, and which cases it did not run', () => {
    const full = run('wine', 't1', [result('a', 'PASS', [check('socket', { returns: 'socket', handle: 1 }), check('WSAConnect', refused)]), result('b', 'PASS', [check('WSAConnect', refused)])]);
    const partial = run('posix', 't2', [result('a', 'CRASH', [check('socket', { returns: 'socket', handle: 1 })])]);
    const skipped = run('native', 't3', [result('a', 'SKIP', [])]);
    const matrix = buildMatrix([full, partial, skipped], new Map(), []);
    const cells = (caseId: string, stepId: string) => matrix.cases.find((entry) => entry.id === caseId)?.steps.find((step) => step.stepId === stepId)?.cells.map((cell) => [cell.state, cell.text]);
    expect(cells('a', 'WSAConnect')).to.deep.equal([['not-made', 'skipped'], ['not-made', 'not reached'], ['made', 'SOCKET_ERROR WSAEACCES']]);
    expect(cells('b', 'WSAConnect')).to.deep.equal([['not-run', 'not run'], ['not-run', 'not run'], ['made', 'SOCKET_ERROR WSAEACCES']]);
  });

  it('flags a possible documentation error where two providers or more observed the same, and not what the page documents', () => {
    const connects = (provider: string, startedAt: string, known: boolean) => run(provider, startedAt, [result('a', known ? 'KNOWN' : 'FAIL', [check('WSAConnect', { returns: 0 }, false, known)])]);
    const flagged = (runs: RecordedRun[]) => buildMatrix(runs, new Map(), []).cases[0]?.steps[0]?.possibleDocumentationError;
    expect(flagged([connects('wine', 't1', true), connects('posix', 't2', false)])).to.equal(true);
    expect(flagged([connects('wine', 't1', true), connects('wine', 't2', false)]), 'one provider twice is one witness').to.equal(false);
    const disagree = run('posix', 't2', [result('a', 'FAIL', [check('WSAConnect', { returns: 'SOCKET_ERROR', error: 'WSAEINVAL' }, false)])]);
    expect(flagged([connects('wine', 't1', true), disagree])).to.equal(false);
    const asDocumented = (provider: string) => run(provider, 't', [result('a', 'PASS', [check('WSAConnect', refused)])]);
    expect(flagged([asDocumented('wine'), asDocumented('posix')])).to.equal(false);
  });

  it('gives each step its Windows reference', () => {
    const reference: ReferenceNote = { windows: [{ returns: 0 }], versions: 'all', source: 'src', url: 'https://example.org/x' };
    const matrix = buildMatrix([run('wine', 't', [result('a', 'PASS', [check('WSAConnect', refused)])])], new Map([[stepKey('a', 'WSAConnect'), reference]]), []);
    expect(matrix.cases[0]?.steps[0]?.reference).to.deep.equal(reference);
    expect(matrix.format).to.equal(1);
  });
});
