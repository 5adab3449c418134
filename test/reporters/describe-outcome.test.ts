import { expect } from 'chai';

import { describeCall, describeExpected, describeOutcome, describeValue } from '../../reporters/describe-outcome.js';
import { mismatchingKeys } from '../../reporters/outcome-diff.js';
import { ERROR_CASE, FAIL_CASE, KNOWN_CASE } from './sample-results.js';

describe('describeOutcome', () => {
  it('writes the return value and the error bare, in that order', () => {
    expect(describeOutcome({ error: 'WSAEWOULDBLOCK', returns: 'SOCKET_ERROR' })).to.equal('SOCKET_ERROR WSAEWOULDBLOCK');
  });

  it('writes outputs as key=value, socket addresses as address:port', () => {
    expect(describeOutcome({ returns: 0, name: { family: 'AF_INET', address: '127.0.0.1', port: 5000 } })).to.equal(
      '0 name=127.0.0.1:5000',
    );
    expect(describeValue({ family: 'AF_INET6', address: '::1', port: 80 })).to.equal('[::1]:80');
  });

  it('quotes strings only when bare text would be ambiguous', () => {
    expect(describeOutcome({ returns: 5, data: 'hello world' })).to.equal('5 data="hello world"');
    expect(describeValue('')).to.equal('""');
    expect(describeValue('abc')).to.equal('abc');
  });

  it('writes the negation matcher as not(…)', () => {
    expect(describeOutcome({ returns: 'SOCKET_ERROR', error: { not: 'WSAEFAULT' } })).to.equal('SOCKET_ERROR not(WSAEFAULT)');
  });

  it('writes other objects and arrays compactly', () => {
    expect(describeValue({ readable: true, writable: false })).to.equal('{readable=true, writable=false}');
    expect(describeValue([1, 'a', null])).to.equal('[1, a, null]');
  });
});

describe('describeExpected and describeCall', () => {
  it('joins documented alternatives with "or"', () => {
    expect(describeExpected([{ returns: 0 }, { returns: 'SOCKET_ERROR', error: 'WSAEWOULDBLOCK' }])).to.equal(
      '0 or SOCKET_ERROR WSAEWOULDBLOCK',
    );
  });

  it('says a set-up step must succeed', () => {
    expect(describeExpected([])).to.equal('success (set-up step)');
  });

  it('writes a call with named arguments', () => {
    expect(describeCall('WSAConnect', { s: 3, name: { address: '127.0.0.1', port: 5000 }, namelen: 16 })).to.equal(
      'WSAConnect(s=3, name=127.0.0.1:5000, namelen=16)',
    );
  });
});

describe('mismatchingKeys', () => {
  it('names the parts of a failed observation that differ from the documentation', () => {
    const failed = FAIL_CASE.checks[1];
    expect(failed).to.not.equal(undefined);
    if (failed !== undefined) expect([...mismatchingKeys(failed)]).to.have.members(['returns', 'error']);
  });

  it('picks the closest documented alternative', () => {
    const [known] = KNOWN_CASE.checks;
    if (known === undefined) throw new Error('sample has no check');
    const check = { ...known, expected: [{ returns: 'SOCKET_ERROR', error: 'WSAEFAULT' }, { returns: 0, error: 'X' }] };
    expect([...mismatchingKeys(check)]).to.deep.equal(['error']);
  });

  it('judges matchers as the verdict does', () => {
    const [known] = KNOWN_CASE.checks;
    if (known === undefined) throw new Error('sample has no check');
    const check = { ...known, expected: [{ returns: { not: 'SOCKET_ERROR' }, error: 'WSAEFAULT' }] };
    expect([...mismatchingKeys(check)]).to.deep.equal(['error']);
  });

  it('marks the return value and error of a failed set-up step', () => {
    const [bind] = ERROR_CASE.checks;
    if (bind === undefined) throw new Error('sample has no check');
    expect([...mismatchingKeys(bind)]).to.have.members(['returns', 'error']);
  });

  it('marks nothing in a passed check', () => {
    const [setUp] = FAIL_CASE.checks;
    if (setUp === undefined) throw new Error('sample has no check');
    expect(mismatchingKeys(setUp).size).to.equal(0);
  });
});
