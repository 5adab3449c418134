import { expect } from 'chai';

import { describeCaseFindings, describeKnownDeviations, explainingChecks } from '../../reporters/check-findings.js';
import { ERROR_CASE, FAIL_CASE, KNOWN_CASE, PASS_CASE, SKIP_CASE, TIMEOUT_CASE, XPASS_CASE } from './sample-results.js';

const stepIds = (result: Parameters<typeof explainingChecks>[0]): string[] =>
  explainingChecks(result).map((check) => check.stepId);

describe('explainingChecks', () => {
  it('shows nothing for PASS and SKIP', () => {
    expect(stepIds(PASS_CASE)).to.deep.equal([]);
    expect(stepIds(SKIP_CASE)).to.deep.equal([]);
  });

  it('shows the failed checks of a red case, not the passed set-up', () => {
    expect(stepIds(FAIL_CASE)).to.deep.equal(['connect']);
    expect(stepIds(ERROR_CASE)).to.deep.equal(['bind']);
  });

  it('shows the covered checks of a KNOWN case', () => {
    expect(stepIds(KNOWN_CASE)).to.deep.equal(['connect', 'getpeername']);
  });

  it('shows the documented checks of an XPASS case, or the ones carrying the unseen deviation', () => {
    expect(stepIds(XPASS_CASE)).to.deep.equal(['connect']);
    const [connect] = XPASS_CASE.checks;
    if (connect === undefined) throw new Error('sample has no check');
    const annotated = {
      ...XPASS_CASE,
      checks: [
        { ...connect, stepId: 'other' },
        { ...connect, known: { reason: 'used to succeed', recorded: { returns: 0 } } },
      ],
    };
    expect(stepIds(annotated)).to.deep.equal(['connect']);
    expect(describeCaseFindings(annotated)).to.include('  recorded:   0');
  });
});

describe('describeCaseFindings and describeKnownDeviations', () => {
  it('states documented, observed and why, per check', () => {
    expect(describeCaseFindings(FAIL_CASE)).to.deep.equal([
      'step connect: WSAConnect(s=3, name=127.0.0.1:5000, namelen=16)',
      '  documented: SOCKET_ERROR WSAEWOULDBLOCK',
      '  observed:   0',
      '  mismatch:   returns 0, documented SOCKET_ERROR',
    ]);
  });

  it('says where an interrupted case stopped', () => {
    expect(describeCaseFindings(TIMEOUT_CASE)).to.deep.equal(['interrupted at step connect']);
  });

  it('writes one KNOWN note per covered check', () => {
    expect(describeKnownDeviations(KNOWN_CASE)[0]).to.equal(
      'KNOWN deviation: Wine accepts the any address (https://bugs.winehq.org/show_bug.cgi?id=12345); ' +
        'documented SOCKET_ERROR WSAEADDRNOTAVAIL; observed 0',
    );
    expect(describeKnownDeviations(PASS_CASE)).to.deep.equal([]);
  });
});
