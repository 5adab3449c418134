import { expect } from 'chai';
import { compareRuns, hasRegression, type Comparison } from '../../harness/uses/baselines/compare.js';
import type { Outcome } from '../../harness/language/cases/case.js';
import type { CaseResult, CheckResult, Observation, RunInfo, Verdict } from '../../harness/judging/results/result.js';
import type { RecordedRun } from '../../harness/judging/results/recorded-run.js';
import { comparisonText } from '../../reporters/comparison-text.js';
import { RUN } from '../reporters/sample-results.js';

type Standing = 'expected' | 'recorded' | 'unexpected';

function check(stepId: string, observed: Observation, standing: Standing = 'expected'): CheckResult {
  return {
    stepId,
    call: 'WSAConnect',
    args: {},
    kind: 'documented',
    expected: [{ returns: 0 }],
    observed,
    passed: standing === 'expected',
    differingKeys: [],
    durationMs: 1,
    explainsVerdict: false,
    ...(standing === 'recorded' ? { known: { reason: 'listed', recorded: observed as Outcome } } : {}),
  };
}

function caseResult(id: string, verdict: Verdict, checks: CheckResult[], message = 'why'): CaseResult {
  return { id, title: `title of ${id}`, file: 'cases/x.yaml', line: 1, clauses: [], tags: [], provider: 'wine', verdict, message, checks, durationMs: 1, startedAt: RUN.startedAt };
}

function recorded(cases: CaseResult[], run: Partial<RunInfo> = {}, origin = 'run.jsonl'): RecordedRun {
  return { run: { ...RUN, filters: { tags: [] }, ...run }, cases, origin };
}

const socketCheck = (handle: number) => check('socket', { returns: 'socket', handle });
const connected = (port: number) => check('getsockname', { returns: 0, name: { family: 'AF_INET', address: '127.0.0.1', port } });

function kinds(comparison: Comparison): Record<string, string> {
  return Object.fromEntries(comparison.cases.map((change) => [change.id, `${change.kind}: ${change.steps.map((step) => `${step.stepId} ${step.kind}`).join(', ')}`]));
}

describe('compareRuns', () => {
  it('finds nothing between a run and itself, nor where only handles and ephemeral ports differ', () => {
    const baseline = recorded([caseResult('a', 'PASS', [socketCheck(216), connected(50123)])]);
    expect(compareRuns(baseline, baseline).cases).to.deep.equal([]);
    const again = recorded([caseResult('a', 'PASS', [socketCheck(220), connected(40000)])]);
    const comparison = compareRuns(baseline, again);
    expect(comparison.cases).to.deep.equal([]);
    expect(hasRegression(comparison)).to.equal(false);
    expect(comparison.notes).to.deep.equal([]);
  });

  it('keeps port 0 apart from a bound port: not bound is behaviour', () => {
    const comparison = compareRuns(recorded([caseResult('a', 'PASS', [connected(50123)])]), recorded([caseResult('a', 'FAIL', [check('getsockname', { returns: 0, name: { family: 'AF_INET', address: '0.0.0.0', port: 0 } }, 'unexpected')])]));
    expect(kinds(comparison)).to.deep.equal({ a: 'regression: getsockname regression' });
  });

  it('calls a step a regression when it saw the documented or the recorded outcome and now sees something nothing explains', () => {
    const baseline = recorded([
      caseResult('documented', 'PASS', [check('WSAConnect', { returns: 'SOCKET_ERROR', error: 'WSAEACCES' })]),
      caseResult('recorded', 'KNOWN', [check('WSAConnect', { returns: 'SOCKET_ERROR', error: 'WSAEINVAL' }, 'recorded')]),
    ]);
    const current = recorded([
      caseResult('documented', 'FAIL', [check('WSAConnect', { returns: 0 }, 'unexpected')]),
      caseResult('recorded', 'FAIL', [check('WSAConnect', { returns: 'SOCKET_ERROR', error: 'WSAEFAULT' }, 'unexpected')]),
    ]);
    const comparison = compareRuns(baseline, current);
    expect(kinds(comparison)).to.deep.equal({ documented: 'regression: WSAConnect regression', recorded: 'regression: WSAConnect regression' });
    expect(comparison.counts.regression).to.equal(2);
    expect(comparison.cases[0]?.steps[0]).to.deep.equal({
      stepId: 'WSAConnect',
      kind: 'regression',
      baseline: { observed: { returns: 'SOCKET_ERROR', error: 'WSAEACCES' }, standing: 'expected' },
      current: { observed: { returns: 0 }, standing: 'unexpected' },
    });
    expect(hasRegression(comparison)).to.equal(true);
  });

  it('calls a fix what now sees the documented outcome, a change any other new observation, and re-judged the same observation judged otherwise', () => {
    const baseline = recorded([
      caseResult('fixed', 'KNOWN', [check('WSAConnect', { returns: 'SOCKET_ERROR', error: 'WSAECONNABORTED' }, 'recorded')]),
      caseResult('moved', 'FAIL', [check('WSAConnect', { returns: 'SOCKET_ERROR', error: 'WSAEINVAL' }, 'unexpected')]),
      caseResult('listed', 'FAIL', [check('WSAConnect', { returns: 0 }, 'unexpected')]),
    ]);
    const current = recorded([
      caseResult('fixed', 'XPASS', [check('WSAConnect', { returns: 0 })]),
      caseResult('moved', 'FAIL', [check('WSAConnect', { returns: 'SOCKET_ERROR', error: 'WSAEFAULT' }, 'unexpected')]),
      caseResult('listed', 'KNOWN', [check('WSAConnect', { returns: 0 }, 'recorded')]),
    ]);
    expect(kinds(compareRuns(baseline, current))).to.deep.equal({
      moved: 'changed: WSAConnect changed',
      fixed: 'fix: WSAConnect fix',
      listed: 'rejudged: WSAConnect rejudged',
    });
  });

  it('calls it a regression when a red case no longer reaches a step that was good, and a change when a case is skipped now', () => {
    const baseline = recorded([
      caseResult('crashes', 'PASS', [socketCheck(1), check('WSAConnect', { returns: 0 })]),
      caseResult('skipped', 'PASS', [socketCheck(1), check('WSAConnect', { returns: 0 })]),
    ]);
    const current = recorded([
      caseResult('crashes', 'CRASH', [socketCheck(2)]),
      caseResult('skipped', 'SKIP', [], 'needs connect data'),
    ]);
    const comparison = compareRuns(baseline, current);
    expect(kinds(comparison)).to.deep.equal({ crashes: 'regression: WSAConnect regression', skipped: 'changed: socket changed, WSAConnect changed' });
    expect(comparison.cases.find((change) => change.id === 'skipped')?.note).to.equal('needs connect data');
  });

  it('tells a verdict that changed with no step to show it: a case that stopped making calls', () => {
    const baseline = recorded([caseResult('peerless', 'PASS', []), caseResult('later', 'SKIP', [])]);
    const current = recorded([caseResult('peerless', 'ERROR', [], 'could not start peer'), caseResult('later', 'ERROR', [], 'boom')]);
    const comparison = compareRuns(baseline, current);
    expect(kinds(comparison)).to.deep.equal({ peerless: 'regression: ', later: 'changed: ' });
    expect(comparison.cases[0]).to.deep.include({ baselineVerdict: 'PASS', currentVerdict: 'ERROR', note: 'could not start peer' });
  });

  it("lines a case's variations up by their ids: each variation changes on its own, and a new one is new", () => {
    const refused = check('WSAConnect', { returns: 'SOCKET_ERROR', error: 'WSAECONNREFUSED' });
    const accepted = check('WSAConnect', { returns: 0 }, 'unexpected');
    const baseline = recorded([caseResult('tcp.refused.ipv4', 'PASS', [refused]), caseResult('tcp.refused.ipv6', 'PASS', [refused])]);
    const current = recorded([
      caseResult('tcp.refused.ipv4', 'PASS', [refused]),
      caseResult('tcp.refused.ipv6', 'FAIL', [accepted]),
      caseResult('tcp.refused.connect.ipv4', 'PASS', [refused]),
    ]);
    expect(kinds(compareRuns(baseline, current))).to.deep.equal({ 'tcp.refused.ipv6': 'regression: WSAConnect regression', 'tcp.refused.connect.ipv4': 'new: ' });
  });

  it('lists new and removed cases, and notes what makes two runs less comparable', () => {
    const baseline = recorded([caseResult('old', 'PASS', [])], { caseSet: { count: 1, sha256: '1'.repeat(64) } });
    const current = recorded([caseResult('new', 'FAIL', [])], { provider: 'posix', caseSet: { count: 1, sha256: '2'.repeat(64) }, judgedAgainst: 'windows' });
    const comparison = compareRuns(baseline, current);
    expect(kinds(comparison)).to.deep.equal({ new: 'new: ', old: 'removed: ' });
    expect(comparison.counts).to.deep.include({ new: 1, removed: 1, regression: 0 });
    expect(comparison.notes).to.deep.equal([
      'the runs are of different providers (wine, posix)',
      'the case sets differ (1 and 1 cases loaded): what a step documents may have changed too',
      'the runs judged by different standards (docs, windows): standings are not comparable where a step has a Windows reference',
    ]);
    expect(comparison.current).to.deep.equal({ origin: 'run.jsonl', provider: 'posix', providerVersion: RUN.providerVersion, host: RUN.host, startedAt: RUN.startedAt, judgedAgainst: 'windows' });
  });

  it("compares only the cases both runs selected: a case another run's --grep or --tag left out is neither new nor removed", () => {
    const tagged = (id: string, tags: string[]): CaseResult => ({ ...caseResult(id, 'PASS', []), tags });
    const full = recorded([tagged('udp.a', ['udp']), tagged('tcp.b', ['tcp'])]);
    const onlyUdp = recorded([tagged('udp.a', ['udp'])], { filters: { tags: ['udp'] } });
    expect(compareRuns(full, onlyUdp).cases).to.deep.equal([]);
    expect(compareRuns(onlyUdp, full).cases).to.deep.equal([]);
    expect(compareRuns(full, onlyUdp).notes).to.deep.equal(['the current run selected cases (--tag udp): only cases both runs selected are compared']);
    const grep = recorded([tagged('udp.a', ['udp'])], { filters: { grep: 'UDP.', tags: [] } });
    expect(compareRuns(full, grep).cases).to.deep.equal([]);
    expect(kinds(compareRuns(full, recorded([tagged('udp.a', ['udp'])])))).to.deep.equal({ 'tcp.b': 'removed: ' });
  });
});

describe('comparisonText', () => {
  it('names both runs, counts the changes, and gives each changed step with what it was and is, masked', () => {
    const baseline = recorded([caseResult('a', 'PASS', [connected(50123), check('WSAConnect', { returns: 'SOCKET_ERROR', error: 'WSAEACCES' })])], {}, 'base.jsonl');
    const current = recorded([caseResult('a', 'FAIL', [connected(40000), check('WSAConnect', { returns: 0 }, 'unexpected')])], {}, 'now.jsonl');
    expect(comparisonText(compareRuns(baseline, current))).to.equal(
      [
        `baseline: base.jsonl: wine-9.0 on ci-runner-1, ${RUN.startedAt}`,
        `current:  now.jsonl: wine-9.0 on ci-runner-1, ${RUN.startedAt}`,
        '1 regression, 0 fixes, 0 changed, 0 re-judged, 0 new cases, 0 removed cases',
        '',
        'REGRESSION a (PASS → FAIL): title of a',
        '  WSAConnect [regression]: was SOCKET_ERROR WSAEACCES (expected); now 0 (unexpected)',
        '',
      ].join('\n'),
    );
    expect(comparisonText(compareRuns(baseline, baseline))).to.match(/^no change \(0 regressions, /m);
  });

  it('gives a case that made no call now in one line, with its message', () => {
    const baseline = recorded([caseResult('a', 'PASS', [socketCheck(3), check('WSAConnect', { returns: 0 })])]);
    const current = recorded([caseResult('a', 'SKIP', [], 'needs QOS')]);
    expect(comparisonText(compareRuns(baseline, current))).to.contain(
      'CHANGED a (PASS → SKIP): title of a\n  made no call now; before: socket socket handle=* (expected), WSAConnect 0 (expected)\n  now: needs QOS\n',
    );
  });
});
