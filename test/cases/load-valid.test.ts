import { expect } from 'chai';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_CASE_TIMEOUT_MS, type Case } from '../../harness/language/cases/case.js';
import { findCaseFiles } from '../../harness/language/cases/load.js';
import { casesSample, load, PROJECT_ROOT } from './helpers.js';

describe('loadCases: valid files', () => {
  const tcp = casesSample('valid/tcp.yaml');
  const udp = casesSample('valid/udp.yaml');

  function loadValid(): Case[] {
    const { cases, messages } = load(tcp, udp);
    expect(messages).to.deep.equal([]);
    return cases;
  }

  function byId(cases: readonly Case[], id: string): Case {
    const found = cases.find((entry) => entry.id === id);
    if (found === undefined) throw new Error(`no case ${id}`);
    return found;
  }

  it('loads every case of every file, in file order', () => {
    expect(loadValid().map((entry) => entry.id)).to.deep.equal([
      'tcp.blocking.connects-and-binds',
      'tcp.nonblocking.connect-again-while-pending',
      'udp.connect-sets-default-destination',
    ]);
  });

  it('builds the README example into the expected Case', () => {
    const built = byId(loadValid(), 'tcp.blocking.connects-and-binds');
    const expected: Case = {
      id: 'tcp.blocking.connects-and-binds',
      title: 'A blocking TCP connect succeeds and binds the socket implicitly',
      clauses: [
        {
          page: 'WSAConnect',
          id: 'return.blocking',
          quote: 'On a blocking socket, the return value indicates success or failure of the connection attempt.',
        },
      ],
      tags: ['tcp', 'blocking'],
      peers: [{ name: 'server', kind: 'tcp-listener', family: 'AF_INET' }],
      steps: [
        {
          id: 'socket',
          call: 'socket',
          args: { af: 'AF_INET', type: 'SOCK_STREAM', protocol: 'IPPROTO_TCP' },
          as: 's',
          location: { file: tcp, line: 12, column: 9 },
        },
        {
          id: 'WSAConnect',
          call: 'WSAConnect',
          args: { s: '$s', name: '$server' },
          expect: [{ outcome: { returns: 0 } }],
          location: { file: tcp, line: 15, column: 9 },
        },
        {
          id: 'getsockname',
          call: 'getsockname',
          args: { s: '$s' },
          expect: [{ outcome: { returns: 0, name: { family: 'AF_INET', address: '127.0.0.1', port: { not: 0 } } } }],
          location: { file: tcp, line: 18, column: 9 },
        },
      ],
      timeoutMs: DEFAULT_CASE_TIMEOUT_MS,
      alone: false,
      network: 'loopback',
      location: { file: tcp, line: 3, column: 5 },
    };
    expect(built).to.deep.equal(expected);
  });

  it('expands the short and long forms of peers, with AF_INET as the default family', () => {
    const built = byId(loadValid(), 'tcp.nonblocking.connect-again-while-pending');
    expect(built.peers).to.deep.equal([
      { name: 'pending', kind: 'never-accepting-listener', family: 'AF_INET6' },
      { name: 'refused', kind: 'closed-port', family: 'AF_INET' },
    ]);
  });

  it('names steps by id, else by call with #2, #3… counting every step of that call', () => {
    const built = byId(loadValid(), 'tcp.nonblocking.connect-again-while-pending');
    expect(built.steps.map((step) => step.id)).to.deep.equal([
      'socket',
      'ioctlsocket',
      'WSAConnect',
      'WSAConnect#2',
      'to-refused',
      'WSAConnect#4',
    ]);
  });

  it('normalises expect to a list of alternatives, and leaves set-up steps without one', () => {
    const steps = byId(loadValid(), 'tcp.nonblocking.connect-again-while-pending').steps;
    expect(steps[1]?.expect).to.equal(undefined);
    expect(steps[2]?.expect).to.deep.equal([{ outcome: { returns: 'SOCKET_ERROR', error: 'WSAEWOULDBLOCK' } }]);
  });

  it('takes the name of an alternative out of its outcome, so that it is never compared', () => {
    const steps = byId(loadValid(), 'tcp.nonblocking.connect-again-while-pending').steps;
    expect(steps[3]?.expect).to.deep.equal([
      { name: 'already', outcome: { returns: 'SOCKET_ERROR', error: 'WSAEALREADY' } },
      { outcome: { returns: 'SOCKET_ERROR', error: 'WSAEINVAL' } },
    ]);
  });

  it('takes timeout and description when given', () => {
    const built = byId(loadValid(), 'tcp.nonblocking.connect-again-while-pending');
    expect(built.timeoutMs).to.equal(8000);
    expect(built.description).to.equal('The peer never accepts, so the first connect stays pending.');
  });

  it('keeps $$ literals and references as written, for the runner to resolve', () => {
    const steps = byId(loadValid(), 'udp.connect-sets-default-destination').steps;
    expect(steps[2]?.args).to.deep.equal({ s: '$s', data: '$$5 off' });
    expect(steps[3]).to.include({ id: 'peer.datagrams', call: 'peer.datagrams', as: 'got' });
    expect(steps[4]?.expect).to.deep.equal([{ outcome: { returns: 0, name: { port: '$got.datagrams.0.from.port' } } }]);
  });

  it('accepts absolute paths and still names files relative to the root', () => {
    const { cases, messages } = load(path.join(PROJECT_ROOT, tcp));
    expect(messages).to.deep.equal([]);
    expect(cases[0]?.location.file).to.equal(tcp);
  });
});

describe('findCaseFiles', () => {
  it('finds the YAML files below a directory, recursively and sorted', () => {
    const samples = path.join(PROJECT_ROOT, 'test/cases/samples');
    const found = findCaseFiles(samples).map((file) => path.relative(samples, file));
    expect(found).to.include.members(['valid/tcp.yaml', 'valid/udp.yaml', 'bad/empty.yaml']);
    expect(found).to.deep.equal([...found].sort());
    expect(found.every((file) => /\.ya?ml$/.test(file))).to.equal(true);
  });

  it('follows symbolic links to files and folders, and stops at a link cycle', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'case-links-'));
    try {
      mkdirSync(path.join(root, 'set'));
      writeFileSync(path.join(root, 'elsewhere.yaml'), 'cases: []\n');
      symlinkSync(path.join(root, 'elsewhere.yaml'), path.join(root, 'set', 'linked.yaml'));
      mkdirSync(path.join(root, 'more'));
      writeFileSync(path.join(root, 'more', 'inner.yaml'), 'cases: []\n');
      symlinkSync(path.join(root, 'more'), path.join(root, 'set', 'more'));
      symlinkSync(path.join(root, 'set'), path.join(root, 'more', 'back'));
      const found = findCaseFiles(path.join(root, 'set')).map((file) => path.relative(root, file));
      expect(found).to.deep.equal(['set/linked.yaml', 'set/more/inner.yaml']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
