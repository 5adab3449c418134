/**
 * A large run made up from patterns, for measuring the reports: every
 * verdict in a plausible mix (mostly PASS), several checks per case, clause
 * quotes and deviation reasons of real length, spread over many case files.
 * Deterministic: the same count gives the same results.
 */
import { ACCEPTED_VERDICTS } from '../../harness/judging/results/result.js';
import type { CaseResult, CheckResult, RunInfo, Verdict } from '../../harness/judging/results/result.js';

export const SYNTHETIC_RUN: RunInfo = {
  provider: 'wine',
  providerVersion: 'Wine 8.0 (reports Windows 10.0)',
  stack: { kind: 'unknown' },
  providerNode: 'v20.20.2',
  harnessVersion: '0.0.0-synthetic',
  host: 'bench',
  platform: 'linux x64 6.1.0',
  startedAt: '2024-05-01T12:00:00.000Z',
  casesDir: 'cases',
  filters: { tags: [] },
  caseSet: { count: 0, sha256: '0'.repeat(64) },
  expectations: { count: 0, sha256: '0'.repeat(64) },
  references: { count: 0, sha256: '0'.repeat(64) },
  judgedAgainst: 'docs',
};

/** One verdict per slot of a cycle of 100: 80 PASS, 8 KNOWN, 4 SKIP, 4 FAIL, and one of each other. */
const VERDICT_CYCLE: readonly Verdict[] = [
  ...Array<Verdict>(80).fill('PASS'),
  ...Array<Verdict>(8).fill('KNOWN'),
  ...Array<Verdict>(4).fill('SKIP'),
  ...Array<Verdict>(4).fill('FAIL'),
  'XPASS',
  'ERROR',
  'TIMEOUT',
  'CRASH',
];

const CASES_PER_FILE = 50;

/** `green`: a run with no red verdict (each would-be red case passes instead). */
export function syntheticResults(count: number, options: { readonly green?: boolean } = {}): CaseResult[] {
  return Array.from({ length: count }, (_, index) => syntheticCase(index, options.green === true));
}

function syntheticCase(index: number, green: boolean): CaseResult {
  // A stride coprime with 100 spreads the verdicts over the whole run.
  const cycled = VERDICT_CYCLE[(index * 37) % VERDICT_CYCLE.length] ?? 'PASS';
  const verdict = green && !ACCEPTED_VERDICTS.has(cycled) ? 'PASS' : cycled;
  const file = `cases/area-${String(Math.floor(index / CASES_PER_FILE)).padStart(2, '0')}.yaml`;
  const id = `area${Math.floor(index / CASES_PER_FILE)}.case-${index}`;
  const checks = verdict === 'SKIP' ? [] : syntheticChecks(index, verdict);
  const interrupted = verdict === 'TIMEOUT' || verdict === 'CRASH';
  return {
    id,
    title: `WSAConnect on a ${index % 2 === 0 ? 'blocking' : 'nonblocking'} socket, variant ${index}, does what the page documents`,
    file,
    line: 3 + (index % CASES_PER_FILE) * 28,
    clauses: [
      { page: 'WSAConnect', id: 'return-value', quote: 'If no error occurs, WSAConnect returns zero. Otherwise, it returns SOCKET_ERROR, and a specific error code can be retrieved by calling WSAGetLastError.' },
      { page: 'WSAConnect', id: 'errors.WSAEWOULDBLOCK', quote: 'The socket is marked as nonblocking and the connection cannot be completed immediately.' },
    ],
    tags: ['tcp', index % 2 === 0 ? 'blocking' : 'nonblocking'],
    provider: 'wine',
    verdict,
    message: syntheticMessage(verdict),
    checks,
    ...(interrupted ? { interruptedAt: 'connect', logExcerpt: syntheticLog(index) } : {}),
    durationMs: 20 + (index % 17),
    startedAt: '2024-05-01T12:00:01.000Z',
  };
}

function syntheticChecks(index: number, verdict: Verdict): CheckResult[] {
  const address = { family: 'AF_INET', address: '127.0.0.1', port: 40000 + (index % 20000) };
  const setup = (stepId: string, call: string, args: Record<string, unknown>): CheckResult => ({
    stepId,
    call,
    args,
    kind: 'setup',
    expected: [],
    observed: { returns: call === 'socket' ? 'socket' : 0 },
    passed: true,
    differingKeys: [],
    durationMs: 1,
    explainsVerdict: false,
  });
  const connectFails = verdict !== 'PASS' && verdict !== 'XPASS';
  const connect: CheckResult = {
    stepId: 'connect',
    call: 'WSAConnect',
    args: { s: 'sock', name: address, namelen: 16, lpCallerData: null, lpCalleeData: null, lpSQOS: null, lpGQOS: null },
    kind: 'documented',
    expected: [{ returns: 'SOCKET_ERROR', error: 'WSAEWOULDBLOCK' }],
    observed: connectFails ? { returns: 0 } : { returns: 'SOCKET_ERROR', error: 'WSAEWOULDBLOCK' },
    passed: !connectFails,
    ...(connectFails ? { mismatch: 'returns 0, documented SOCKET_ERROR' } : {}),
    differingKeys: connectFails ? ['returns', 'error'] : [],
    durationMs: 3,
    ...(verdict === 'KNOWN' || verdict === 'XPASS'
      ? { known: { reason: 'Wine completes a loopback connect at once: ws2_32 connect() returns the result of the synchronous connect(2) (dlls/ws2_32/socket.c, connect)', bug: 'https://bugs.winehq.org/show_bug.cgi?id=54321', recorded: { returns: 0 } } }
      : {}),
    explainsVerdict: verdict !== 'PASS',
  };
  return [
    setup('socket', 'socket', { af: 'AF_INET', type: 'SOCK_STREAM', protocol: 'IPPROTO_TCP' }),
    setup('nonblocking', 'ioctlsocket', { s: 'sock', cmd: 'FIONBIO', argp: 1 }),
    connect,
    setup('select', 'select', { nfds: 0, writefds: ['sock'], timeout: { tv_sec: 1, tv_usec: 0 } }),
    setup('close', 'closesocket', { s: 'sock' }),
  ];
}

function syntheticMessage(verdict: Verdict): string {
  switch (verdict) {
    case 'PASS':
      return '5 checks as documented';
    case 'FAIL':
      return 'connect: documented SOCKET_ERROR WSAEWOULDBLOCK; observed 0';
    case 'KNOWN':
      return 'connect: Wine completes a loopback connect at once';
    case 'XPASS':
      return 'listed deviation not seen any more: connect behaved as documented';
    case 'SKIP':
      return 'the udp-peer fixture needs IPv6 loopback, which this host lacks';
    case 'ERROR':
      return 'connect: the worker could not make the call: unknown handle sock';
    case 'TIMEOUT':
      return "connect did not return within the case's 5000 ms limit; the provider process was killed";
    case 'CRASH':
      return 'connect: the provider process exited with signal SIGSEGV';
  }
}

function syntheticLog(index: number): string {
  return Array.from({ length: 40 }, (_, line) => `0${line.toString(16).padStart(3, '0')}:err:winsock:case ${index} line ${line} of the provider's output`).join('\n');
}
