import { expect } from 'chai';
import type { Outcome } from '../../harness/language/cases/case.js';
import type { Deviation } from '../../harness/judging/expectations/deviation.js';
import type { ObservedCheck, Observation } from '../../harness/judging/results/result.js';
import { judge } from '../../harness/judging/verdicts/judge.js';
import type { Termination } from '../../harness/judging/verdicts/termination.js';

const COMPLETED: Termination = { kind: 'completed' };
const CONNECTED: Outcome = { returns: 0 };
const REFUSED = { returns: 'SOCKET_ERROR', error: 'WSAECONNREFUSED' } satisfies Observation & Outcome;
const NOT_AVAILABLE = { returns: 'SOCKET_ERROR', error: 'WSAEADDRNOTAVAIL' } satisfies Observation & Outcome;

function documented(stepId: string, observed: Observation, passed: boolean, expected: Outcome = CONNECTED): ObservedCheck {
  return {
    stepId,
    call: 'WSAConnect',
    args: { s: 100 },
    kind: 'documented',
    expected: [expected],
    observed,
    passed,
    ...(passed ? { differingKeys: [] } : { mismatch: 'differs', differingKeys: ['returns'] }),
    durationMs: 1,
  };
}

const passing = (stepId: string): ObservedCheck => documented(stepId, { returns: 0 }, true);
const failing = (stepId: string, observed: Observation): ObservedCheck => documented(stepId, observed, false);

function setup(stepId: string, observed: Observation, passed: boolean): ObservedCheck {
  return { ...documented(stepId, observed, passed), call: 'socket', kind: 'setup', expected: [] };
}

function deviation(step: string, observed: Outcome, extra: Partial<Deviation> = {}): Deviation {
  return {
    case: 'a.case',
    step,
    observed,
    reason: `the provider does its own thing at ${step}`,
    location: { file: 'expectations/fake.yaml', line: 2, column: 5 },
    ...extra,
  };
}

describe('judge', () => {
  describe('a completed case', () => {
    it('is PASS when every check passed, and leaves the checks as they were', () => {
      const checks = [setup('socket', { returns: 'socket', handle: 3 }, true), passing('WSAConnect')];
      const judgement = judge(checks, COMPLETED, []);
      expect(judgement).to.deep.equal({
        verdict: 'PASS',
        message: '2 checks as documented',
        checks: checks.map((check) => ({ ...check, explainsVerdict: false })),
      });
    });

    it('is FAIL for a failing check no deviation lists, naming the step, the documented and the observed outcome', () => {
      const judgement = judge([passing('socket'), failing('WSAConnect', REFUSED)], COMPLETED, [deviation('socket', { returns: 1 })]);
      expect(judgement.verdict).to.equal('FAIL');
      expect(judgement.message).to.equal('WSAConnect: documented 0; observed SOCKET_ERROR WSAECONNREFUSED');
    });

    it('is FAIL when the listed deviation recorded something else, and says what was recorded', () => {
      const judgement = judge([failing('WSAConnect', REFUSED)], COMPLETED, [deviation('WSAConnect', NOT_AVAILABLE)]);
      expect(judgement.verdict).to.equal('FAIL');
      expect(judgement.message).to.equal(
        'WSAConnect: documented 0; observed SOCKET_ERROR WSAECONNREFUSED (the listed deviation recorded SOCKET_ERROR WSAEADDRNOTAVAIL)',
      );
      expect(judgement.checks[0]?.known).to.equal(undefined);
    });

    it('is FAIL when a set-up step failed', () => {
      const judgement = judge([setup('socket', { returns: 'INVALID_SOCKET', error: 'WSAEAFNOSUPPORT' }, false)], COMPLETED, []);
      expect(judgement.verdict).to.equal('FAIL');
      expect(judgement.message).to.equal('socket: set-up step must succeed; observed INVALID_SOCKET WSAEAFNOSUPPORT');
    });

    it('is KNOWN when the failing check saw exactly what the deviation recorded, and marks the check', () => {
      const listed = deviation('WSAConnect', REFUSED, { bug: 'https://bugs.example/1' });
      const judgement = judge([passing('socket'), failing('WSAConnect', REFUSED)], COMPLETED, [listed]);
      expect(judgement.verdict).to.equal('KNOWN');
      expect(judgement.message).to.equal(`WSAConnect: ${listed.reason}`);
      expect(judgement.checks[1]?.known).to.deep.equal({ reason: listed.reason, recorded: REFUSED, bug: 'https://bugs.example/1' });
      expect(judgement.checks[0]?.known).to.equal(undefined);
    });

    it('compares the recorded observation partially, like an expectation', () => {
      const judgement = judge([failing('WSAConnect', { ...REFUSED, name: null })], COMPLETED, [deviation('WSAConnect', { error: 'WSAECONNREFUSED' })]);
      expect(judgement.verdict).to.equal('KNOWN');
    });

    it('is XPASS when a check with a listed deviation now behaves as documented, keeping what was recorded', () => {
      const judgement = judge([passing('socket'), passing('WSAConnect')], COMPLETED, [deviation('WSAConnect', REFUSED)]);
      expect(judgement.verdict).to.equal('XPASS');
      expect(judgement.message).to.equal('listed deviation not seen any more: WSAConnect behaved as documented');
      expect(judgement.checks[1]?.known?.recorded).to.deep.equal(REFUSED);
    });

    it('is XPASS rather than KNOWN when one listed deviation is fixed and another still seen', () => {
      const deviations = [deviation('WSAConnect', REFUSED), deviation('WSAConnect#2', REFUSED)];
      const judgement = judge([passing('WSAConnect'), failing('WSAConnect#2', REFUSED)], COMPLETED, deviations);
      expect(judgement.verdict).to.equal('XPASS');
    });

    it('is FAIL rather than XPASS when another check fails unexplained', () => {
      const judgement = judge([passing('WSAConnect'), failing('getsockname', REFUSED)], COMPLETED, [deviation('WSAConnect', REFUSED)]);
      expect(judgement.verdict).to.equal('FAIL');
      expect(judgement.message).to.match(/^getsockname: /);
    });
  });

  describe('the checks that explain the verdict', () => {
    const explaining = (checks: readonly ObservedCheck[], termination: Termination, deviations: readonly Deviation[] = []) =>
      judge(checks, termination, deviations)
        .checks.filter((check) => check.explainsVerdict)
        .map((check) => check.stepId);

    it('are none for PASS and SKIP', () => {
      expect(explaining([passing('socket'), passing('WSAConnect')], COMPLETED)).to.deep.equal([]);
      expect(explaining([], { kind: 'skip', reason: 'needs IPv6' })).to.deep.equal([]);
    });

    it('are the unexplained failures of a red case, not the passed set-up nor a covered deviation', () => {
      const checks = [passing('socket'), failing('WSAConnect', REFUSED), failing('getsockname', REFUSED)];
      expect(explaining(checks, COMPLETED, [deviation('getsockname', REFUSED)])).to.deep.equal(['WSAConnect']);
      expect(explaining([setup('bind', REFUSED, false)], COMPLETED)).to.deep.equal(['bind']);
    });

    it('are every failed check of a red case whose failures are all covered', () => {
      const crash: Termination = { kind: 'crash', stepId: 'WSAConnect#2', detail: 'gone' };
      expect(explaining([failing('WSAConnect', REFUSED)], crash, [deviation('WSAConnect', REFUSED)])).to.deep.equal(['WSAConnect']);
    });

    it('are the covered checks of a KNOWN case', () => {
      const checks = [passing('socket'), failing('WSAConnect', REFUSED), failing('getsockname', NOT_AVAILABLE)];
      const deviations = [deviation('WSAConnect', REFUSED), deviation('getsockname', NOT_AVAILABLE)];
      expect(explaining(checks, COMPLETED, deviations)).to.deep.equal(['WSAConnect', 'getsockname']);
    });

    it('are the checks whose listed deviation was not seen, for XPASS', () => {
      const checks = [passing('socket'), passing('WSAConnect'), failing('getsockname', NOT_AVAILABLE)];
      const deviations = [deviation('WSAConnect', REFUSED), deviation('getsockname', NOT_AVAILABLE)];
      expect(explaining(checks, COMPLETED, deviations)).to.deep.equal(['WSAConnect']);
    });
  });

  describe('an interrupted case', () => {
    const timeout: Termination = { kind: 'timeout', stepId: 'WSAConnect', limitMs: 500, inProvider: true };
    const crash: Termination = { kind: 'crash', stepId: 'WSAConnect', detail: 'the provider process exited with status 1' };

    it('is TIMEOUT, naming the step and the limit', () => {
      const judgement = judge([passing('socket')], timeout, []);
      expect(judgement).to.deep.include({
        verdict: 'TIMEOUT',
        interruptedAt: 'WSAConnect',
        message: "WSAConnect did not return within the case's 500 ms limit; the provider process was killed",
      });
    });

    it('does not say the provider was killed when the harness was waiting on a peer', () => {
      const waitingOnPeer: Termination = { kind: 'timeout', stepId: 'peer.datagrams', limitMs: 300, inProvider: false };
      expect(judge([], waitingOnPeer, []).message).to.equal("peer.datagrams did not complete within the case's 300 ms limit");
    });

    it('is KNOWN when the provider lists that step as interrupted by TIMEOUT', () => {
      const judgement = judge([], timeout, [deviation('WSAConnect', { interrupted: 'TIMEOUT' })]);
      expect(judgement.verdict).to.equal('KNOWN');
      expect(judgement.interruptedAt).to.equal('WSAConnect');
      expect(judgement.message).to.include('(listed: the provider does its own thing at WSAConnect)');
    });

    it('is CRASH, naming the step and what happened to the process', () => {
      const judgement = judge([passing('socket')], crash, []);
      expect(judgement).to.deep.include({ verdict: 'CRASH', interruptedAt: 'WSAConnect', message: 'WSAConnect: the provider process exited with status 1' });
    });

    it('is KNOWN when the provider lists observed: { interrupted: CRASH } for that step', () => {
      const judgement = judge([passing('socket')], crash, [deviation('WSAConnect', { interrupted: 'CRASH' })]);
      expect(judgement.verdict).to.equal('KNOWN');
      expect(judgement.message).to.equal('WSAConnect: the provider process exited with status 1 (listed: the provider does its own thing at WSAConnect)');
    });

    it('stays CRASH when the listed interruption is of another step or of another kind', () => {
      expect(judge([], crash, [deviation('socket', { interrupted: 'CRASH' })]).verdict).to.equal('CRASH');
      expect(judge([], crash, [deviation('WSAConnect', { interrupted: 'TIMEOUT' })]).verdict).to.equal('CRASH');
      expect(judge([], timeout, [deviation('WSAConnect', { interrupted: 'CRASH' })]).verdict).to.equal('TIMEOUT');
    });
  });

  describe('a case the harness could not carry out, or did not run', () => {
    it('is ERROR with the harness problem, and the step when there is one', () => {
      const atStep = judge([passing('socket')], { kind: 'error', detail: '$x: nothing is named x yet', stepId: 'bind' }, []);
      expect(atStep).to.deep.include({ verdict: 'ERROR', message: '$x: nothing is named x yet', interruptedAt: 'bind' });
      const beforeSteps = judge([], { kind: 'error', detail: 'could not start peer: EADDRINUSE' }, []);
      expect(beforeSteps.verdict).to.equal('ERROR');
      expect(beforeSteps).to.not.have.property('interruptedAt');
    });

    it('is SKIP with the reason', () => {
      expect(judge([], { kind: 'skip', reason: 'needs IPv6' }, [])).to.deep.equal({ verdict: 'SKIP', message: 'needs IPv6', checks: [] });
    });

    it('says "1 check", not "1 checks"', () => {
      expect(judge([passing('WSAConnect')], COMPLETED, []).message).to.equal('1 check as documented');
    });
  });
});
