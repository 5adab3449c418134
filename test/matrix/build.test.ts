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

  it('marks a case where the columns differ, in verdict or at a step, and none where they agree', () => {
    const connects = (provider: string, observed: Observation, verdict: Verdict = 'PASS') => run(provider, 't', [result('a', verdict, [check('socket', { returns: 'socket', handle: 1 }), check('WSAConnect', observed)])]);
    const [same] = buildMatrix([connects('wine', refused), connects('posix', refused)], new Map(), []).cases;
    expect([same?.differs, same?.steps.map((step) => step.differs)]).to.deep.equal([false, [false, false]]);
    const [differing] = buildMatrix([connects('wine', refused), connects('posix', { returns: 0 }, 'FAIL')], new Map(), []).cases;
    expect([differing?.differs, differing?.steps.map((step) => step.differs)]).to.deep.equal([true, [false, true]]);
    const [unreached] = buildMatrix([connects('wine', refused), run('posix', 't', [result('a', 'CRASH', [check('socket', { returns: 'socket', handle: 1 })])])], new Map(), []).cases;
    expect(unreached?.steps.map((step) => step.differs), 'a call one column did not make').to.deep.equal([false, true]);
    const [skipped] = buildMatrix([connects('wine', refused), run('posix', 't', [result('a', 'SKIP', [])])], new Map(), []).cases;
    expect([skipped?.differs, skipped?.steps.map((step) => step.differs)], 'a skipped case differs by its verdict, not at each step').to.deep.equal([true, [false, false]]);
  });

  it('marks a step where a column did what its Windows reference says Windows does not', () => {
    const reference: ReferenceNote = { windows: [{ returns: 0 }], versions: 'all', source: 'src', url: 'https://example.org/x' };
    const references = new Map([[stepKey('a', 'WSAConnect'), reference]]);
    const connects = (provider: string, observed: Observation) => run(provider, 't', [result('a', 'PASS', [check('WSAConnect', observed)])]);
    const [unlike] = buildMatrix([connects('wine', { returns: 0 }), connects('posix', refused)], references, []).cases;
    expect([unlike?.differsFromWindows, unlike?.steps[0]?.differsFromWindows]).to.deep.equal([true, true]);
    const [alike] = buildMatrix([connects('wine', { returns: 0 }), connects('posix', { returns: 0 })], references, []).cases;
    expect(alike?.differsFromWindows).to.equal(false);
  });

  it('labels two runs of one provider apart: by the name given at merge, else by what differs (host, day, time)', () => {
    const posix = (startedAt: string, verdict: Verdict, extra: Partial<RunInfo> = {}) => run('posix', startedAt, [result('a', verdict, [check('WSAConnect', refused)])], extra);
    const labels = (runs: RecordedRun[]) => buildMatrix(runs, new Map(), []).columns.map((column) => column.label);
    expect(labels([posix('2026-12-01T10:00:00.000Z', 'PASS'), posix('2026-12-05T10:00:00.000Z', 'FAIL')])).to.deep.equal(['posix 1.0, 2026-12-01', 'posix 1.0, 2026-12-05']);
    expect(labels([posix('2026-12-05T09:00:00.000Z', 'PASS'), posix('2026-12-05T10:30:00.000Z', 'FAIL')])).to.deep.equal(['posix 1.0, 2026-12-05 09:00', 'posix 1.0, 2026-12-05 10:30']);
    expect(labels([posix('t', 'PASS', { host: 'ci-1' }), posix('t', 'FAIL', { host: 'ci-2' })])).to.deep.equal(['posix 1.0, on ci-1', 'posix 1.0, on ci-2']);
    const named = buildMatrix([{ ...posix('t', 'PASS'), name: 'before' }, { ...posix('t', 'FAIL'), name: 'after' }], new Map(), []);
    expect(named.columns.map((column) => [column.label, column.runs[0]?.name])).to.deep.equal([
      ['before: posix 1.0', 'before'],
      ['after: posix 1.0', 'after'],
    ]);
  });

  it("lines a case's variations up by their ids, each a row of its own", () => {
    const both = (provider: string, ipv6: Verdict) => run(provider, 't', [result('tcp.refused.ipv4', 'PASS', [check('WSAConnect', refused)]), result('tcp.refused.ipv6', ipv6, [check('WSAConnect', ipv6 === 'PASS' ? refused : { returns: 0 }, ipv6 === 'PASS')])]);
    const onlyIpv4 = run('native', 't', [result('tcp.refused.ipv4', 'PASS', [check('WSAConnect', refused)])]);
    const matrix = buildMatrix([both('wine', 'FAIL'), both('posix', 'PASS'), onlyIpv4], new Map(), []);
    expect(matrix.cases.map((entry) => [entry.id, entry.verdicts])).to.deep.equal([
      ['tcp.refused.ipv4', ['PASS', 'PASS', 'PASS']],
      ['tcp.refused.ipv6', [undefined, 'PASS', 'FAIL']],
    ]);
  });

  it('gives each step its Windows reference', () => {
    const reference: ReferenceNote = { windows: [{ returns: 0 }], versions: 'all', source: 'src', url: 'https://example.org/x' };
    const matrix = buildMatrix([run('wine', 't', [result('a', 'PASS', [check('WSAConnect', refused)])])], new Map([[stepKey('a', 'WSAConnect'), reference]]), []);
    expect(matrix.cases[0]?.steps[0]?.reference).to.deep.equal(reference);
    expect(matrix.format).to.equal(1);
  });
});
