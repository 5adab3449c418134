import { expect } from 'chai';
import { selectCases } from '../../harness/run/runner/select-cases.js';
import { makeCase, OPEN_TCP_SOCKET } from './helpers.js';

const CASES = [
  makeCase('tcp.blocking.connects', [OPEN_TCP_SOCKET], { title: 'A blocking connect succeeds', tags: ['tcp', 'blocking'] }),
  makeCase('tcp.nonblocking.would-block', [OPEN_TCP_SOCKET], { title: 'A nonblocking connect is WSAEWOULDBLOCK', tags: ['tcp', 'nonblocking'] }),
  makeCase('udp.default-destination', [OPEN_TCP_SOCKET], { title: 'Connect sets the default destination', tags: ['udp'] }),
  makeCase('errors.null-name', [OPEN_TCP_SOCKET], { title: 'A NULL name is WSAEFAULT', tags: ['ipv6'] }),
];

function idsSelected(filter: Parameters<typeof selectCases>[1]): string[] {
  return selectCases(CASES, filter).map((testCase) => testCase.id);
}

describe('selectCases', () => {
  it('takes every case, in order, when nothing filters', () => {
    expect(idsSelected({ tags: [] })).to.deep.equal(CASES.map((testCase) => testCase.id));
  });

  it('greps the id, ignoring case', () => {
    expect(idsSelected({ grep: 'TCP.Blocking', tags: [] })).to.deep.equal(['tcp.blocking.connects']);
  });

  it('greps the title, ignoring case', () => {
    expect(idsSelected({ grep: 'wsaewouldblock', tags: [] })).to.deep.equal(['tcp.nonblocking.would-block']);
    expect(idsSelected({ grep: 'CONNECT', tags: [] })).to.deep.equal([
      'tcp.blocking.connects',
      'tcp.nonblocking.would-block',
      'udp.default-destination',
    ]);
  });

  it('does not grep the tags', () => {
    expect(idsSelected({ grep: 'ipv6', tags: [] })).to.deep.equal([]);
  });

  it('takes cases carrying any of the tags', () => {
    expect(idsSelected({ tags: ['blocking'] })).to.deep.equal(['tcp.blocking.connects']);
    expect(idsSelected({ tags: ['udp', 'nonblocking'] })).to.deep.equal(['tcp.nonblocking.would-block', 'udp.default-destination']);
    expect(idsSelected({ tags: ['ipv6'] })).to.deep.equal(['errors.null-name']);
    expect(idsSelected({ tags: ['sctp'] })).to.deep.equal([]);
  });

  it('compares tags exactly', () => {
    expect(idsSelected({ tags: ['TCP'] })).to.deep.equal([]);
    expect(idsSelected({ tags: ['block'] })).to.deep.equal([]);
  });

  it('requires both the grep and a tag when both are given', () => {
    expect(idsSelected({ grep: 'connect', tags: ['udp'] })).to.deep.equal(['udp.default-destination']);
    expect(idsSelected({ grep: 'null', tags: ['tcp'] })).to.deep.equal([]);
  });
});
