import { expect } from 'chai';

import { describeCall, describeExpected, describeOutcome, describeValue } from '../../harness/judging/results/describe-outcome.js';

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
