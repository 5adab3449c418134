import { expect } from 'chai';

import { describeCaseFindings, describeCheckInOneLine, describeFindingsInOneLine, toOneLine } from '../../reporters/check-findings.js';
import { ERROR_CASE, FAIL_CASE, KNOWN_CASE, PASS_CASE, SKIP_CASE, TIMEOUT_CASE, XPASS_CASE } from './sample-results.js';

describe('describeCaseFindings', () => {
  it('shows nothing for PASS and SKIP', () => {
    expect(describeCaseFindings(PASS_CASE)).to.deep.equal([]);
    expect(describeCaseFindings(SKIP_CASE)).to.deep.equal([]);
  });

  it('shows only the checks the judge marked as explaining the verdict', () => {
    const [socket, connect] = FAIL_CASE.checks;
    if (socket === undefined || connect === undefined) throw new Error('sample has no check');
    const unmarked = { ...FAIL_CASE, checks: [socket, { ...connect, explainsVerdict: false }] };
    expect(describeCaseFindings(unmarked)).to.deep.equal([]);
    expect(describeCaseFindings(ERROR_CASE)[0]).to.match(/^step bind: /);
  });

  it('shows what an XPASS check used to record', () => {
    expect(describeCaseFindings(XPASS_CASE)).to.include('  recorded:   0');
  });
});

describe('describeCaseFindings and the one-line findings', () => {
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

  it('states a check in one line, with its listed deviation', () => {
    const [connect] = KNOWN_CASE.checks;
    if (connect === undefined) throw new Error('sample has no check');
    expect(describeCheckInOneLine(connect)).to.equal(
      'connect: documented SOCKET_ERROR WSAEADDRNOTAVAIL; observed 0; ' +
        'known deviation: Wine accepts the any address (https://bugs.winehq.org/show_bug.cgi?id=12345)',
    );
    const [bind] = ERROR_CASE.checks;
    if (bind === undefined) throw new Error('sample has no check');
    expect(describeCheckInOneLine(bind)).to.equal('bind: set-up step must succeed; observed SOCKET_ERROR WSAEADDRINUSE');
  });

  it('joins the explaining checks of a case in one line, or gives its message when none explains it', () => {
    expect(describeFindingsInOneLine(FAIL_CASE)).to.equal('connect: documented SOCKET_ERROR WSAEWOULDBLOCK; observed 0');
    expect(describeFindingsInOneLine(KNOWN_CASE).split(' | ')).to.have.length(2);
    expect(describeFindingsInOneLine(PASS_CASE)).to.equal(PASS_CASE.message);
    expect(describeFindingsInOneLine({ ...SKIP_CASE, message: 'no IPv6\n  on this host' })).to.equal('no IPv6 on this host');
  });

  it('folds line breaks into spaces', () => {
    expect(toOneLine(' a\r\n  b\nc ')).to.equal('a b c');
  });
});
