/** What coverage reads of a case's result: the checked steps, and where a case stopped short. */
import { expect } from 'chai';
import { caseRunOf } from '../../harness/uses/coverage/case-run.js';
import type { CaseResult, CheckResult } from '../../harness/judging/results/result.js';
import { syntheticResults } from '../support/synthetic-results.js';

const [base] = syntheticResults(1, { green: true });
if (base === undefined) throw new Error('no synthetic result');

function check(stepId: string, kind: CheckResult['kind'], passed: boolean, more: Partial<CheckResult> = {}): CheckResult {
  return { stepId, call: stepId, args: {}, kind, expected: [], observed: { returns: 0 }, passed, differingKeys: [], durationMs: 1, explainsVerdict: !passed, ...more };
}

function resultWith(checks: readonly CheckResult[], more: Partial<CaseResult> = {}): CaseResult {
  return { ...base, checks, ...more } as CaseResult;
}

describe('caseRunOf', () => {
  it('records the documented steps a run checked, and no stop for a case that ran to its end', () => {
    const run = caseRunOf(resultWith([check('socket', 'setup', true), check('call', 'documented', false, { mismatch: 'returns 0' })], { verdict: 'FAIL' }));
    expect([...run.checked]).to.deep.equal(['call']);
    expect(run.verdict).to.equal('FAIL');
    expect(run.stoppedAt).to.equal(undefined);
  });

  it('names the set-up step a case stopped at, with the listed deviation\'s reason before the mismatch', () => {
    const known = { reason: 'Wine has no socket groups. More.', recorded: { returns: 'SOCKET_ERROR' } };
    const run = caseRunOf(resultWith([check('socket', 'setup', true), check('getsockopt', 'setup', false, { known, mismatch: 'returns SOCKET_ERROR' })], { verdict: 'KNOWN' }));
    expect(run.checked.size).to.equal(0);
    expect(run.stoppedAt).to.deep.equal({ step: 'getsockopt', why: 'Wine has no socket groups. More.' });
  });

  it("gives a skipped case's reason, with no step", () => {
    expect(caseRunOf(resultWith([], { verdict: 'SKIP', message: 'WSAConnectByList is not exported by this ws2_32' })).stoppedAt).to.deep.equal({ why: 'skipped: WSAConnectByList is not exported by this ws2_32' });
  });

  it('falls back on the mismatch, and names the running step of a case that timed out', () => {
    expect(caseRunOf(resultWith([check('bind', 'setup', false, { mismatch: 'error WSAEADDRINUSE' })])).stoppedAt).to.deep.equal({ step: 'bind', why: 'error WSAEADDRINUSE' });
    expect(caseRunOf(resultWith([], { verdict: 'TIMEOUT', interruptedAt: 'call', message: 'call did not return within 5000 ms' })).stoppedAt).to.deep.equal({ step: 'call', why: 'call did not return within 5000 ms' });
  });
});
