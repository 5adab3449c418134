import { expect } from 'chai';
import Mocha from 'mocha';
import { caseContext, CaseVerdictError, mochaOutcome, type CaseLocation, type MochaOutcome } from '../../mocha/outcome.js';
import type { CaseResult } from '../../harness/judging/results/result.js';
import { CRASH_CASE, ERROR_CASE, FAIL_CASE, KNOWN_CASE, PASS_CASE, SKIP_CASE, TIMEOUT_CASE, XPASS_CASE } from '../reporters/sample-results.js';

const WHERE: CaseLocation = { file: '/project/cases/tcp/connect.yaml', line: 20, column: 5 };

function failure(outcome: MochaOutcome): Error {
  if (outcome.state !== 'failed') throw new Error(`expected a failure, got ${outcome.state}`);
  return outcome.error;
}

/** What mocha's reporters (spec, xunit…) decide: whether they print a diff of expected and actual (Base.showDiff is not in mocha's types). */
function showsDiff(error: Error): boolean {
  const base = Mocha.reporters.Base as unknown as { showDiff(error: Error): boolean };
  return base.showDiff(error);
}

describe('a verdict in mocha (mocha/outcome.ts)', () => {
  it('passes PASS and KNOWN', () => {
    expect(mochaOutcome(PASS_CASE, WHERE)).to.deep.equal({ state: 'passed' });
    expect(mochaOutcome(KNOWN_CASE, WHERE)).to.deep.equal({ state: 'passed' });
  });

  it('makes SKIP pending, with the reason on one line', () => {
    const reason = 'IPv6 loopback\n  is not available';
    expect(mochaOutcome({ ...SKIP_CASE, message: reason }, WHERE)).to.deep.equal({ state: 'pending', reason: 'IPv6 loopback is not available' });
  });

  it('fails FAIL with an AssertionError whose expected and actual are the documented and the observed outcome, a line per check', () => {
    const error = failure(mochaOutcome(FAIL_CASE, WHERE)) as Error & { expected: unknown; actual: unknown };
    expect(error.name).to.equal('AssertionError');
    expect(error.message).to.equal('FAIL: connect: documented SOCKET_ERROR WSAEWOULDBLOCK; observed 0');
    expect(error.expected).to.equal('connect: SOCKET_ERROR WSAEWOULDBLOCK');
    expect(error.actual).to.equal('connect: 0');
    expect(showsDiff(error)).to.equal(true);
  });

  it('fails XPASS with an AssertionError whose expected side is what the expectations file records', () => {
    const error = failure(mochaOutcome(XPASS_CASE, WHERE)) as Error & { expected: unknown; actual: unknown };
    expect(error.name).to.equal('AssertionError');
    expect(error.message).to.match(/^XPASS: listed deviation not seen any more: connect: /);
    expect(error.expected).to.equal('connect: 0');
    expect(error.actual).to.equal('connect: SOCKET_ERROR WSAECONNREFUSED');
    expect(showsDiff(error)).to.equal(true);
  });

  for (const result of [ERROR_CASE, TIMEOUT_CASE, CRASH_CASE]) {
    it(`fails ${result.verdict} with an error naming the verdict and what happened, and no diff`, () => {
      const error = failure(mochaOutcome(result, WHERE));
      expect(error).to.be.an.instanceOf(CaseVerdictError);
      expect((error as CaseVerdictError).verdict).to.equal(result.verdict);
      expect(error.message).to.equal(`${result.verdict}: ${result.message}`);
      expect(showsDiff(error)).to.equal(false);
    });
  }

  it("gives every red verdict a stack that tells the case in full and ends at the case's place in its file", () => {
    for (const result of [FAIL_CASE, XPASS_CASE, ERROR_CASE, TIMEOUT_CASE, CRASH_CASE]) {
      const stack = failure(mochaOutcome(result, WHERE)).stack ?? '';
      const lines = stack.split('\n');
      expect(lines[0], result.id).to.match(new RegExp(`^(AssertionError|CaseVerdictError): ${result.verdict}: `));
      expect(lines.at(-1), result.id).to.equal(`    at ${result.id} (/project/cases/tcp/connect.yaml:20:5)`);
      expect(stack, result.id).to.contain(`\n  ${result.title}\n`);
    }
    const fail = failure(mochaOutcome(FAIL_CASE, WHERE)).stack ?? '';
    expect(fail).to.contain('  step connect: WSAConnect(s=3, name=127.0.0.1:5000, namelen=16)\n    documented: SOCKET_ERROR WSAEWOULDBLOCK');
    expect(failure(mochaOutcome(CRASH_CASE, WHERE)).stack).to.contain('wine: Unhandled page fault on read access');
  });

  it('keeps, in the context of every test, the verdict, the case, its place and what the verdict rests on', () => {
    const context = (result: CaseResult) => new Map(caseContext(result).map(({ title, value }) => [title, value]));
    expect(context(PASS_CASE).get('verdict')).to.equal('PASS');
    expect(context(PASS_CASE).get('case')).to.equal('Title of tcp.blocking.success');
    expect(context(PASS_CASE).get('file')).to.equal('cases/tcp/connect.yaml:1');
    expect(context(PASS_CASE).get('clauses')).to.equal('WSAConnect/return-value');
    expect(context(PASS_CASE).has('checks')).to.equal(false);

    const known = context(KNOWN_CASE);
    expect(known.get('verdict')).to.equal('KNOWN');
    expect(known.get('deviation')).to.equal(KNOWN_CASE.message);
    expect(known.get('checks')).to.contain('deviation:  Wine accepts the any address (https://bugs.winehq.org/show_bug.cgi?id=12345)');
    expect(known.get('checks')).to.contain('documented: SOCKET_ERROR WSAEADDRNOTAVAIL');
    expect(known.get('checks')).to.contain('observed:   0');

    expect(context(SKIP_CASE).get('skipped because')).to.equal(SKIP_CASE.message);
    expect(context(SKIP_CASE).has('message')).to.equal(false);
    expect(context(CRASH_CASE).get('provider.log, last lines written during the case')).to.equal(CRASH_CASE.logExcerpt);
    // The shape mochawesome's addContext gives and its report shows: { title, value }.
    for (const entry of caseContext(FAIL_CASE)) expect(Object.keys(entry)).to.deep.equal(['title', 'value']);
  });
});
