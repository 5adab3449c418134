import { expect } from 'chai';
import type { Outcome } from '../../harness/language/cases/case.js';
import { compareOutcomes, compareSetup, matchValue } from '../../harness/judging/verdicts/match.js';

const LOOPBACK_5000 = { family: 'AF_INET', address: '127.0.0.1', port: 5000 };

describe('matchValue', () => {
  describe('plain values', () => {
    it('matches equal numbers, strings, booleans and null', () => {
      expect(matchValue(0, 0)).to.equal(undefined);
      expect(matchValue('WSAEFAULT', 'WSAEFAULT')).to.equal(undefined);
      expect(matchValue(true, true)).to.equal(undefined);
      expect(matchValue(null, null)).to.equal(undefined);
    });

    it('describes a different value', () => {
      expect(matchValue(0, -1)).to.equal('expected 0, observed -1');
      expect(matchValue('WSAEFAULT', 'WSAEINVAL')).to.equal('expected "WSAEFAULT", observed "WSAEINVAL"');
    });

    it('does not convert between types', () => {
      expect(matchValue(0, '0')).to.equal('expected 0, observed "0"');
      expect(matchValue(null, undefined)).to.equal('expected null, observed nothing');
      expect(matchValue(false, 0)).to.equal('expected false, observed 0');
    });
  });

  describe('{ not: v }', () => {
    it('matches anything but v', () => {
      expect(matchValue({ not: 0 }, 49152)).to.equal(undefined);
      expect(matchValue({ not: 0 }, undefined)).to.equal(undefined);
      expect(matchValue({ not: 0 }, 0)).to.equal('expected anything but 0');
    });

    it('negates a partial object: fails only when the object would match', () => {
      const notRefused = { not: { returns: 'SOCKET_ERROR', error: 'WSAECONNREFUSED' } };
      expect(matchValue(notRefused, { returns: 'SOCKET_ERROR', error: 'WSAETIMEDOUT' })).to.equal(undefined);
      expect(matchValue(notRefused, { returns: 'SOCKET_ERROR', error: 'WSAECONNREFUSED', extra: 1 })).to.equal(
        'expected anything but {"returns":"SOCKET_ERROR","error":"WSAECONNREFUSED"}',
      );
    });

    it('names the path of a negation inside an object', () => {
      expect(matchValue({ name: { port: { not: 0 } } }, { name: { port: 0 } })).to.equal('name.port: expected anything but 0');
    });

    it('is an ordinary object when it has other keys beside not', () => {
      expect(matchValue({ not: 0, returns: 1 }, { not: 0, returns: 1 })).to.equal(undefined);
      expect(matchValue({ not: 0, returns: 1 }, { not: 5, returns: 1 })).to.equal('not: expected 0, observed 5');
    });
  });

  describe('objects', () => {
    it('compares only the keys the expectation names', () => {
      const observed = { returns: 0, name: { ...LOOPBACK_5000, flowinfo: 0 }, extra: 'ignored' };
      expect(matchValue({ returns: 0, name: { address: '127.0.0.1' } }, observed)).to.equal(undefined);
    });

    it('describes the first differing key with its path', () => {
      expect(matchValue({ returns: 0, name: { port: 5001 } }, { returns: 0, name: LOOPBACK_5000 })).to.equal('name.port: expected 5001, observed 5000');
    });

    it('treats a named key the observation lacks as a difference', () => {
      expect(matchValue({ returns: 0, error: 'WSAEFAULT' }, { returns: 0 })).to.equal('error: expected "WSAEFAULT", observed nothing');
    });

    it('does not match a non-object observation', () => {
      expect(matchValue({ port: 1 }, 7)).to.equal('expected {"port":1}, observed 7');
      expect(matchValue({ name: { port: 1 } }, { name: null })).to.equal('name: expected {"port":1}, observed null');
    });
  });

  describe('lists', () => {
    const datagrams = [
      { data: 'one', from: LOOPBACK_5000 },
      { data: 'two', from: LOOPBACK_5000 },
    ];

    it('matches a list of the same length whose elements match', () => {
      expect(matchValue([{ data: 'one' }, { data: 'two' }], datagrams)).to.equal(undefined);
    });

    it('requires the same length', () => {
      expect(matchValue([{ data: 'one' }], datagrams)).to.equal('expected 1 items, observed 2');
      expect(matchValue({ datagrams: [] }, { datagrams })).to.equal('datagrams: expected 0 items, observed 2');
    });

    it('names the first differing element', () => {
      expect(matchValue({ datagrams: [{ data: 'one' }, { data: 'three' }] }, { datagrams })).to.equal(
        'datagrams[1].data: expected "three", observed "two"',
      );
    });

    it('does not match something that is not a list', () => {
      expect(matchValue(['one'], 'one')).to.equal('expected a list, observed "one"');
      expect(matchValue(['one'], { 0: 'one' })).to.equal('expected a list, observed {"0":"one"}');
    });
  });
});

describe('compareOutcomes', () => {
  const connected: Outcome = { returns: 0 };
  const wouldBlock: Outcome = { returns: 'SOCKET_ERROR', error: 'WSAEWOULDBLOCK' };

  it('matches when any alternative matches, and says which one', () => {
    expect(compareOutcomes([connected, wouldBlock], { returns: 0 })).to.deep.equal({ matches: true, alternative: 0 });
    expect(compareOutcomes([connected, wouldBlock], { returns: 'SOCKET_ERROR', error: 'WSAEWOULDBLOCK' })).to.deep.equal({ matches: true, alternative: 1 });
  });

  it('names the first alternative that matches when several do', () => {
    expect(compareOutcomes([{ returns: 'SOCKET_ERROR' }, wouldBlock], { returns: 'SOCKET_ERROR', error: 'WSAEWOULDBLOCK' })).to.deep.equal({ matches: true, alternative: 0 });
  });

  it('gives the mismatch of a single documented outcome as it is, with the keys that differ', () => {
    expect(compareOutcomes([connected], { returns: -1 })).to.deep.equal({
      matches: false,
      mismatch: 'returns: expected 0, observed -1',
      differingKeys: ['returns'],
    });
  });

  it('names every alternative when none matches, and the keys that differ from the closest one', () => {
    expect(compareOutcomes([connected, wouldBlock], { returns: 'SOCKET_ERROR', error: 'WSAECONNREFUSED' })).to.deep.equal({
      matches: false,
      mismatch:
        'matches none of the 2 documented outcomes (returns: expected 0, observed "SOCKET_ERROR"; error: expected "WSAEWOULDBLOCK", observed "WSAECONNREFUSED")',
      differingKeys: ['error'],
    });
  });

  it('judges matchers when it picks the differing keys, as the verdict does', () => {
    const comparison = compareOutcomes([{ returns: { not: 'SOCKET_ERROR' }, error: 'WSAEFAULT' }], { returns: 0, error: 'WSAEINVAL' });
    expect(comparison).to.deep.include({ differingKeys: ['error'] });
  });
});

describe('compareSetup', () => {
  it('passes a call that reports no error, whatever it returned', () => {
    expect(compareSetup({ returns: 'socket', handle: 3 })).to.deep.equal({ matches: true });
    expect(compareSetup({ returns: 5 })).to.deep.equal({ matches: true });
  });

  it('fails a call that reports an error, marking its return value and error', () => {
    expect(compareSetup({ returns: 'INVALID_SOCKET', error: 'WSAEAFNOSUPPORT' })).to.deep.equal({
      matches: false,
      mismatch: 'set-up call failed: INVALID_SOCKET WSAEAFNOSUPPORT',
      differingKeys: ['returns', 'error'],
    });
  });
});
