/**
 * executeCase end to end against the fake provider (no Wine): real peers,
 * a real worker process speaking the worker protocol, real time limits.
 */
import { expect } from 'chai';
import type { Case, PeerSpec } from '../../harness/language/cases/case.js';
import type { Deviation } from '../../harness/judging/expectations/deviation.js';
import type { CaseResult } from '../../harness/judging/results/result.js';
import { executeCase } from '../../harness/run/runner/execute-case.js';
import { callEvents, eventsOf, traceOf } from '../support/fake-provider/journal.js';
import { FIRST_FAKE_HANDLE } from '../support/fake-provider/script.js';
import { FAKE_STACK, FakeWorld, makeCase, makeTempDir, OPEN_TCP_SOCKET, processExists, removeDir, step } from './helpers.js';

const SERVER: PeerSpec = { name: 'server', kind: 'tcp-listener', family: 'AF_INET' };
const ECHO: PeerSpec = { name: 'echo', kind: 'udp-peer', family: 'AF_INET' };
const HANG_LIMIT_MS = 500;
/**
 * What killing and reaping a worker may add to a case's limit on a machine
 * busy with other work; a call the runner failed to end would hold for the
 * fake worker's 30 s, far beyond it.
 */
const KILL_ALLOWANCE_MS = 2000;
/** The limit of a case whose few calls must all return in time, even when the CPU is shared with other work. */
const QUICK_CASE_LIMIT_MS = 1000;

const connectsCase = makeCase(
  'fake.connects',
  [
    OPEN_TCP_SOCKET,
    step('WSAConnect', { s: '$s', name: '$server', namelen: 16 }, { expect: { returns: 0 } }),
    step('getsockname', { s: '$s' }, { expect: { returns: 0, name: { family: 'AF_INET', port: { not: 0 } } }, as: 'local' }),
    step('bind', { s: '$s', name: { family: 'AF_INET', address: '127.0.0.1', port: '$local.name.port' } }, { expect: { returns: 0 } }),
  ],
  { peers: [SERVER] },
);

const refusedAddressCase = makeCase(
  'fake.short-name',
  [OPEN_TCP_SOCKET, step('WSAConnect', { s: '$s', name: '$server', namelen: 12 }, { expect: { returns: 'SOCKET_ERROR', error: 'WSAEFAULT' } })],
  { peers: [SERVER] },
);

const hangingCase = makeCase(
  'fake.select-hangs',
  [OPEN_TCP_SOCKET, step('select', { s: '$s', read: true, timeout: 0 }, { expect: { returns: 0 } })],
  { timeoutMs: HANG_LIMIT_MS },
);

const crashingCase = makeCase('fake.shutdown-crashes', [OPEN_TCP_SOCKET, step('shutdown', { s: '$s', how: 'SD_BOTH' }, { expect: { returns: 0 } })]);

describe('executeCase with the fake provider', function () {
  this.timeout(10_000);
  let world: FakeWorld;

  beforeEach(() => {
    world = new FakeWorld(makeTempDir('execute-case'));
  });

  afterEach(async () => {
    await world.dispose();
    removeDir(world.dir);
  });

  function run(testCase: Case, deviations: readonly Deviation[] = []): Promise<CaseResult> {
    return executeCase(testCase, world.context(deviations));
  }

  /** Pids of the workers that received the calls so far. */
  function callingPids(): number[] {
    return callEvents(world.journal()).map((event) => event.pid);
  }

  /** The trace of the one worker that received every call so far, whatever a standby wrote between its events. */
  function callingWorkerTrace(): string[] {
    const [pid, ...others] = new Set(callingPids());
    if (pid === undefined || others.length > 0) expect.fail(`one worker should have received every call; these did: ${[pid, ...others].join(', ')}`);
    return traceOf(eventsOf(world.journal(), pid));
  }

  it('skips a case whose peer this host cannot provide, with the reason, and makes no call', async () => {
    const closed: PeerSpec = { name: 'closed', kind: 'closed-port', family: 'AF_INET' };
    const needsClosedPort = makeCase('fake.needs-closed-port', [OPEN_TCP_SOCKET], { peers: [closed] });
    const platform = Object.getOwnPropertyDescriptor(process, 'platform');
    // The closed-port peer needs raw host sockets, which exist for Linux and Windows hosts only: pretend to be another host.
    Object.defineProperty(process, 'platform', { value: 'darwin' });
    let result: CaseResult;
    try {
      result = await run(needsClosedPort);
    } finally {
      if (platform) Object.defineProperty(process, 'platform', platform);
    }
    expect(result.verdict).to.equal('SKIP');
    expect(result.message).to.equal(
      'this peer needs raw host sockets; POSIX sockets through libc are described for linux only (harness/common/net/host-abi.ts): ' +
        "macOS's numbers are not in the table yet (its libc is libSystem, sockaddr starts with sa_len, AF_INET6 is 30, and most SO_* and errno values differ from Linux's)",
    );
    expect(callEvents(world.journal()), 'no call reached the provider').to.deep.equal([]);
  });

  it('passes a case whose calls all behave as documented, with what each call observed', async () => {
    const result = await run(connectsCase);
    expect(result.verdict, result.message).to.equal('PASS');
    expect(result.checks.map((check) => [check.stepId, check.kind, check.passed])).to.deep.equal([
      ['socket', 'setup', true],
      ['WSAConnect', 'documented', true],
      ['getsockname', 'documented', true],
      ['bind', 'documented', true],
    ]);
    expect(result.checks[0]?.observed).to.deep.equal({ returns: 'socket', handle: FIRST_FAKE_HANDLE });
    expect(result.checks[2]?.observed).to.deep.equal({ returns: 0, name: { family: 'AF_INET', address: '127.0.0.1', port: 50123 } });
    expect(result).to.include({ id: 'fake.connects', provider: 'fake', file: 'cases/fake.yaml' });
  });

  it('sends the worker arguments with references resolved: the socket handle, the peer address, a kept output', async () => {
    const result = await run(connectsCase);
    const connect = callEvents(world.journal()).find((event) => event.call === 'WSAConnect');
    const peerAddress = result.checks[1]?.args['name'];
    expect(peerAddress).to.deep.include({ family: 'AF_INET', address: '127.0.0.1' });
    expect(connect?.args).to.deep.equal({ s: FIRST_FAKE_HANDLE, name: peerAddress, namelen: 16 });
    expect(result.checks[3]?.args).to.deep.equal({ s: FIRST_FAKE_HANDLE, name: { family: 'AF_INET', address: '127.0.0.1', port: 50123 } });
  });

  it('fails a case whose call returns something else, keeping the observation and the mismatch', async () => {
    const result = await run(refusedAddressCase);
    expect(result.verdict).to.equal('FAIL');
    const connect = result.checks[1];
    expect(connect?.observed).to.deep.equal({ returns: 'SOCKET_ERROR', error: 'WSAEADDRNOTAVAIL' });
    expect(connect?.passed).to.equal(false);
    expect(connect?.mismatch).to.equal('error: expected "WSAEFAULT", observed "WSAEADDRNOTAVAIL"');
    expect(result.message).to.include('WSAConnect').and.include('WSAEADDRNOTAVAIL');
  });

  it('names the documented alternative that matched, when it has a name, and only then', async () => {
    const connect = step('WSAConnect', { s: '$s', name: '$server', namelen: 12 });
    const alternatives = makeCase(
      'fake.named-alternatives',
      [
        OPEN_TCP_SOCKET,
        { ...connect, id: 'named', expect: [{ name: 'faulted', outcome: { returns: 'SOCKET_ERROR', error: 'WSAEFAULT' } }, { name: 'refused', outcome: { returns: 'SOCKET_ERROR', error: 'WSAEADDRNOTAVAIL' } }] },
        { ...connect, id: 'unnamed', expect: [{ outcome: { returns: 0 } }, { outcome: { returns: 'SOCKET_ERROR' } }] },
      ],
      { peers: [SERVER] },
    );
    const result = await run(alternatives);
    expect(result.verdict).to.equal('PASS');
    expect(result.checks[1]?.matched).to.equal('refused');
    expect(result.checks[1]?.expected).to.deep.equal([
      { returns: 'SOCKET_ERROR', error: 'WSAEFAULT' },
      { returns: 'SOCKET_ERROR', error: 'WSAEADDRNOTAVAIL' },
    ]);
    expect(result.checks[2]).to.not.have.property('matched');
  });

  it('makes a failure KNOWN when the provider lists exactly that observation', async () => {
    const listed: Deviation = {
      case: refusedAddressCase.id,
      step: 'WSAConnect',
      observed: { returns: 'SOCKET_ERROR', error: 'WSAEADDRNOTAVAIL' },
      reason: 'the fake checks the length against the wrong size',
      location: { file: 'expectations/fake.yaml', line: 2, column: 5 },
    };
    const result = await run(refusedAddressCase, [listed]);
    expect(result.verdict).to.equal('KNOWN');
    expect(result.checks[1]?.known?.reason).to.equal(listed.reason);
  });

  it('stops at a failed set-up step: FAIL, and the later steps are not called', async () => {
    const failingSetup = makeCase('fake.no-ipx', [
      step('socket', { af: 'AF_IPX', type: 'SOCK_STREAM', protocol: 0 }, { as: 's' }),
      step('WSAConnect', { s: '$s', name: null }, { expect: { returns: 0 } }),
    ]);
    const result = await run(failingSetup);
    expect(result.verdict).to.equal('FAIL');
    expect(result.checks.map((check) => check.stepId)).to.deep.equal(['socket']);
    expect(result.checks[0]?.mismatch).to.equal('set-up call failed: INVALID_SOCKET WSAEAFNOSUPPORT');
    expect(callEvents(world.journal()).map((event) => event.call)).to.deep.equal(['socket']);
  });

  it('skips a case with a step the binding cannot make, naming the step and what it needs, without starting a worker', async () => {
    const connectData = makeCase(
      'fake.connect-data',
      [OPEN_TCP_SOCKET, step('WSAConnect', { s: '$s', name: '$server', callerData: { data: 'hi' } }, { expect: { returns: 0 } })],
      { peers: [SERVER] },
    );
    const withoutConnectData = { ...world.provider.binding, capabilities: new Set(['winsock-startup', 'qos'] as const) };
    const result = await executeCase(connectData, { ...world.context(), binding: withoutConnectData });
    expect(result.verdict).to.equal('SKIP');
    expect(result.message).to.equal(
      'step WSAConnect passes callerData to WSAConnect, which needs connect data (lpCallerData and lpCalleeData of WSAConnect); the winsock binding (Winsock, through ws2_32.dll) has no way to express it',
    );
    expect(world.journal()).to.deep.equal([]);
  });

  it('skips an excluded variation with its reason, without starting a worker or a peer', async () => {
    const excluded: Case = { ...connectsCase, excluded: 'the private network can split only 127.0.0.0/8' };
    const result = await run(excluded);
    expect(result.verdict).to.equal('SKIP');
    expect(result.message).to.equal('this variation is excluded: the private network can split only 127.0.0.0/8');
    expect(world.journal()).to.deep.equal([]);
  });

  it('runs a step whose optional argument needs a capability when the case passes NULL for it', async () => {
    const nullCallerData = makeCase(
      'fake.null-connect-data',
      [OPEN_TCP_SOCKET, step('WSAConnect', { s: '$s', name: '$server', namelen: 16, callerData: null }, { expect: { returns: 0 } })],
      { peers: [SERVER] },
    );
    const withoutConnectData = { ...world.provider.binding, capabilities: new Set(['winsock-startup', 'qos'] as const) };
    const result = await executeCase(nullCallerData, { ...world.context(), binding: withoutConnectData });
    expect(result.verdict, result.message).to.equal('PASS');
  });

  it('skips a case whose call the worker says its binding cannot make', async () => {
    const unsupportedWorld = new FakeWorld(makeTempDir('unsupported'), { ...FAKE_STACK, listen: { otherwise: { unsupported: 'listen has no counterpart here' } } });
    try {
      const listens = makeCase('fake.listens', [OPEN_TCP_SOCKET, step('listen', { s: '$s', backlog: 1 }, { expect: { returns: 0 } })]);
      const result = await executeCase(listens, unsupportedWorld.context());
      expect(result.verdict).to.equal('SKIP');
      expect(result.message).to.equal('listen: listen has no counterpart here');
    } finally {
      await unsupportedWorld.dispose();
      removeDir(unsupportedWorld.dir);
    }
  });

  it("starts the case's clock once its worker is ready: a slow start-up is not the case's time", async () => {
    const slowWorld = new FakeWorld(makeTempDir('slow-start'), FAKE_STACK, 3 * QUICK_CASE_LIMIT_MS);
    try {
      const quick = makeCase('fake.quick', [OPEN_TCP_SOCKET, step('WSAConnect', { s: '$s', name: '$server', namelen: 16 }, { expect: { returns: 0 } })], {
        peers: [SERVER],
        timeoutMs: QUICK_CASE_LIMIT_MS,
      });
      const result = await executeCase(quick, slowWorld.context());
      expect(result.verdict, result.message).to.equal('PASS');
      expect(result.durationMs, "the case's time leaves the worker's start out").to.be.below(3 * QUICK_CASE_LIMIT_MS);
    } finally {
      await slowWorld.dispose();
      removeDir(slowWorld.dir);
    }
  });

  it('refuses, before it reaches the provider, a call that would send outside loopback to an address taken from a reference', async () => {
    const elsewhere = { answer: { returns: 0, name: { family: 'AF_INET', address: '192.0.2.7', port: 53 } } };
    const trickWorld = new FakeWorld(makeTempDir('traffic'), { ...FAKE_STACK, getsockname: { otherwise: elsewhere } });
    try {
      const sendsElsewhere = makeCase('fake.sends-elsewhere', [
        step('socket', { af: 'AF_INET', type: 'SOCK_DGRAM', protocol: 'IPPROTO_UDP' }, { as: 's' }),
        step('getsockname', { s: '$s' }, { as: 'where' }),
        step('sendto', { s: '$s', data: 'x', to: '$where.name' }, { expect: { returns: 1 } }),
      ]);
      const result = await executeCase(sendsElsewhere, trickWorld.context());
      expect(result.verdict).to.equal('ERROR');
      expect(result.message).to.equal(
        'sendto: the traffic guard refused the call: sendto sends to 192.0.2.7, outside loopback; tests send only to 127.0.0.0/8 and ::1',
      );
      expect(callEvents(trickWorld.journal()).map((event) => event.call)).to.deep.equal(['socket', 'getsockname']);
    } finally {
      await trickWorld.dispose();
      removeDir(trickWorld.dir);
    }
  });

  it('ends as ERROR when the worker cannot make a call', async () => {
    const refused = makeCase('fake.refused-call', [OPEN_TCP_SOCKET, step('WSAConnect', { s: '$s', name: null, namelen: 99 }, { expect: { returns: 0 } })]);
    const result = await run(refused);
    expect(result.verdict).to.equal('ERROR');
    expect(result.interruptedAt).to.equal('WSAConnect');
    expect(result.message).to.equal('WSAConnect: the worker could not make the call: argument namelen: the fake refuses 99');
  });

  it('resets the worker after every completed case, closing the sockets the case left open', async () => {
    const twoSocketsOneClosed = makeCase('fake.two-sockets', [
      OPEN_TCP_SOCKET,
      step('socket', { af: 'AF_INET', type: 'SOCK_DGRAM', protocol: 'IPPROTO_UDP' }, { as: 'u' }),
      step('closesocket', { s: '$u' }, { expect: { returns: 0 } }),
    ]);
    await run(connectsCase);
    await run(twoSocketsOneClosed);
    await run(refusedAddressCase);
    expect(callingWorkerTrace()).to.deep.equal([
      'started',
      'call:socket', 'call:WSAConnect', 'call:getsockname', 'call:bind', 'reset:1',
      'call:socket', 'call:socket', 'call:closesocket', 'reset:1',
      'call:socket', 'call:WSAConnect', 'reset:1',
    ]);
  });

  it('ends a hanging call as TIMEOUT within about its limit, kills the worker, and runs the next case on a fresh one', async () => {
    // The worker is ready before the clock starts, as between the cases of a run: its start-up is not the case's time.
    await world.session.worker();
    const started = performance.now();
    const result = await run(hangingCase);
    const elapsed = performance.now() - started;
    expect(result.verdict).to.equal('TIMEOUT');
    expect(result.interruptedAt).to.equal('select');
    expect(result.message).to.include(`${HANG_LIMIT_MS} ms`);
    expect(elapsed).to.be.within(HANG_LIMIT_MS, HANG_LIMIT_MS + KILL_ALLOWANCE_MS);
    const [hungPid] = callingPids();
    if (hungPid === undefined) throw new Error('the hanging call never reached a worker');
    expect(processExists(hungPid), 'the hung worker is still running').to.equal(false);

    const next = await run(connectsCase);
    expect(next.verdict, next.message).to.equal('PASS');
    const pids = new Set(callingPids());
    expect(pids.size, 'the next case ran on a second worker').to.equal(2);
  });

  it('ends a call that kills the worker as CRASH, and runs the next case on a fresh worker', async () => {
    const result = await run(crashingCase);
    expect(result.verdict).to.equal('CRASH');
    expect(result.interruptedAt).to.equal('shutdown');
    expect(result.message).to.match(/^shutdown: the provider process (exited with status 1|closed its connection)$/);
    expect(result.checks.map((check) => check.stepId)).to.deep.equal(['socket', 'shutdown']);
    const interrupted = result.checks[1];
    expect(interrupted?.passed, 'the interrupted call is a failed check').to.equal(false);
    expect(interrupted?.observed).to.deep.equal({ returns: 'none', interrupted: 'CRASH' });
    const [crashedPid] = callingPids();

    const next = await run(connectsCase);
    expect(next.verdict, next.message).to.equal('PASS');
    expect(callingPids().at(-1)).to.not.equal(crashedPid);
  });

  it('observes a UDP peer: waits for the datagrams the provider sent', async () => {
    const sendsTwo = makeCase(
      'fake.udp-peer-receives',
      [
        step('socket', { af: 'AF_INET', type: 'SOCK_DGRAM', protocol: 'IPPROTO_UDP' }, { as: 'u' }),
        step('sendto', { s: '$u', data: 'one', to: '$echo' }, { expect: { returns: 3 } }),
        step('sendto', { s: '$u', data: 'two', to: '$echo' }, { expect: { returns: 3 } }),
        step('peer.datagrams', { peer: 'echo', count: 2 }, { expect: { returns: 2, datagrams: [{ data: 'one' }, { data: 'two' }] } }),
      ],
      { peers: [ECHO] },
    );
    const result = await run(sendsTwo);
    expect(result.verdict, result.message).to.equal('PASS');
    expect(result.checks[3]?.observed['datagrams']).to.have.length(2);
  });

  it('ends a peer observation that never completes as TIMEOUT, and keeps the provider process, which was not stuck', async () => {
    const waitsInVain = makeCase(
      'fake.udp-peer-waits',
      [OPEN_TCP_SOCKET, step('peer.datagrams', { peer: 'echo', count: 1 }, { expect: { returns: 1 } })],
      { peers: [ECHO], timeoutMs: QUICK_CASE_LIMIT_MS },
    );
    const result = await run(waitsInVain);
    expect(result.verdict).to.equal('TIMEOUT');
    expect(result.interruptedAt).to.equal('peer.datagrams');
    expect(result.message).to.equal(`peer.datagrams did not complete within the case's ${QUICK_CASE_LIMIT_MS} ms limit`);
    expect(callingWorkerTrace().at(-1), "the case's sockets are reset, not the process killed").to.equal('reset:1');

    const next = await run(connectsCase);
    expect(next.verdict, next.message).to.equal('PASS');
    expect(new Set(callingPids()).size, 'the same worker ran the next case').to.equal(1);
  });

  it('ends a reference to an output the call did not produce as ERROR', async () => {
    const missingOutput = makeCase('fake.missing-output', [
      OPEN_TCP_SOCKET,
      step('WSAConnect', { s: '$s', name: null, namelen: 16 }, { as: 'connected' }),
      step('bind', { s: '$s', name: { family: 'AF_INET', address: '127.0.0.1', port: '$connected.name.port' } }, { expect: { returns: 0 } }),
    ]);
    const result = await run(missingOutput);
    expect(result.verdict).to.equal('ERROR');
    expect(result.interruptedAt).to.equal('bind');
    expect(result.message).to.equal('$connected.name.port: {"returns":0} has no name');
    expect(callingWorkerTrace().at(-1), 'the sockets are still reset').to.equal('reset:1');
  });
});
