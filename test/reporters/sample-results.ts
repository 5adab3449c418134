/**
 * A small run covering every verdict, with hostile text where reporters
 * must escape: markup, `]]>`, a control character, quotes and ampersands.
 */
import type { CaseResult, CheckResult, RunInfo } from '../../harness/judging/results/result.js';

export const HOSTILE_TITLE = 'Title with <script>alert(1)</script> and ]]> and a bell\u0007 & "quotes"';

export const RUN: RunInfo = {
  provider: 'wine',
  providerVersion: 'wine-9.0',
  stack: { kind: 'wine', windowsVersion: '10.0.19043', windowsBuild: 19043, wineVersion: '9.0', kernel: 'Linux 6.1.0' },
  providerNode: 'v20.20.2',
  providerKoffi: '3.3.4',
  harnessVersion: '0.1.0',
  host: 'ci-runner-1',
  platform: 'linux x64 6.1.0',
  startedAt: '2024-05-01T12:00:00.000Z',
  casesDir: 'cases',
  filters: { tags: ['tcp'] },
  caseSet: { count: 5, sha256: 'a'.repeat(64) },
  expectations: { count: 1, sha256: 'b'.repeat(64) },
  references: { count: 0, sha256: 'c'.repeat(64) },
  judgedAgainst: 'docs',
};

const INET_5000 = { family: 'AF_INET', address: '127.0.0.1', port: 5000 };

function check(overrides: Partial<CheckResult> & Pick<CheckResult, 'stepId' | 'observed' | 'passed'>): CheckResult {
  return {
    call: 'WSAConnect',
    args: { s: 3, name: INET_5000, namelen: 16 },
    kind: 'documented',
    expected: [{ returns: 0 }],
    durationMs: 2,
    differingKeys: overrides.passed ? [] : ['returns'],
    // As the judge marks them in these samples' verdicts: the failed checks explain FAIL, ERROR and KNOWN.
    explainsVerdict: !overrides.passed,
    ...overrides,
  };
}

function caseResult(overrides: Partial<CaseResult> & Pick<CaseResult, 'id' | 'verdict'>): CaseResult {
  return {
    title: `Title of ${overrides.id}`,
    file: 'cases/tcp/connect.yaml',
    line: 1,
    clauses: [{ page: 'WSAConnect', id: 'return-value', quote: 'If no error occurs, WSAConnect returns zero.' }],
    tags: ['tcp'],
    provider: 'wine',
    message: 'every check saw what the page documents',
    checks: [],
    durationMs: 12,
    startedAt: '2024-05-01T12:00:01.000Z',
    ...overrides,
  };
}

export const PASS_CASE = caseResult({
  id: 'tcp.blocking.success',
  verdict: 'PASS',
  checks: [check({ stepId: 'connect', observed: { returns: 0 }, passed: true })],
});

export const FAIL_CASE = caseResult({
  id: 'tcp.nonblocking.wouldblock',
  title: HOSTILE_TITLE,
  verdict: 'FAIL',
  line: 20,
  message: 'connect: returned 0, documented SOCKET_ERROR & "WSAEWOULDBLOCK"',
  clauses: [{ page: 'WSAConnect', id: 'errors.WSAEWOULDBLOCK', quote: 'The socket is marked as <b>nonblocking</b>' }],
  checks: [
    check({ stepId: 'socket', call: 'socket', args: { af: 'AF_INET', type: 'SOCK_STREAM' }, kind: 'setup', expected: [], observed: { returns: 'socket' }, passed: true }),
    check({
      stepId: 'connect',
      expected: [{ returns: 'SOCKET_ERROR', error: 'WSAEWOULDBLOCK' }],
      observed: { returns: 0 },
      passed: false,
      mismatch: 'returns 0, documented SOCKET_ERROR',
    }),
  ],
});

export const KNOWN_CASE = caseResult({
  id: 'udp.connect.any-address',
  file: 'cases/udp/connect.yaml',
  verdict: 'KNOWN',
  message: 'every failing check is a listed deviation',
  checks: [
    check({
      stepId: 'connect',
      expected: [{ returns: 'SOCKET_ERROR', error: 'WSAEADDRNOTAVAIL' }],
      observed: { returns: 0 },
      passed: false,
      mismatch: 'returns 0, documented SOCKET_ERROR',
      known: { reason: 'Wine accepts the any address', bug: 'https://bugs.winehq.org/show_bug.cgi?id=12345', recorded: { returns: 0 } },
    }),
    check({
      stepId: 'getpeername',
      call: 'getpeername',
      args: { s: 3 },
      expected: [{ returns: 'SOCKET_ERROR', error: 'WSAENOTCONN' }],
      observed: { returns: 0, name: INET_5000 },
      passed: false,
      mismatch: 'returns: expected "SOCKET_ERROR", observed 0',
      known: { reason: 'follows from the accepted connect', bug: 'javascript:alert(1)', recorded: { returns: 0 } },
    }),
  ],
});

/** As harness/judging/verdicts/judge.ts makes it: the check that no longer deviates passed, carries what was recorded, and explains the verdict. */
export const XPASS_CASE = caseResult({
  id: 'udp.connect.refused',
  file: 'cases/udp/connect.yaml',
  verdict: 'XPASS',
  message: 'listed deviation not seen any more: connect behaved as documented',
  checks: [
    check({
      stepId: 'connect',
      expected: [{ returns: 'SOCKET_ERROR', error: 'WSAECONNREFUSED' }],
      observed: { returns: 'SOCKET_ERROR', error: 'WSAECONNREFUSED' },
      passed: true,
      known: { reason: 'Wine used to connect', recorded: { returns: 0 } },
      explainsVerdict: true,
    }),
  ],
});

export const SKIP_CASE = caseResult({
  id: 'tcp.ipv6.loopback',
  verdict: 'SKIP',
  message: 'IPv6 loopback is not available on this host',
});

export const ERROR_CASE = caseResult({
  id: 'tcp.fixture.bind',
  file: 'cases/misc.yaml',
  verdict: 'ERROR',
  message: 'set-up step bind failed',
  checks: [
    check({
      stepId: 'bind',
      call: 'bind',
      args: { s: 3, name: INET_5000 },
      kind: 'setup',
      expected: [],
      observed: { returns: 'SOCKET_ERROR', error: 'WSAEADDRINUSE' },
      passed: false,
      differingKeys: ['returns', 'error'],
    }),
  ],
});

export const TIMEOUT_CASE = caseResult({
  id: 'tcp.blocking.never-accepted',
  verdict: 'TIMEOUT',
  message: 'no result within 5000 ms; provider killed',
  interruptedAt: 'connect',
  durationMs: 5003,
});

export const CRASH_CASE = caseResult({
  id: 'tcp.null-name',
  file: 'cases/misc.yaml',
  verdict: 'CRASH',
  message: 'provider exited with signal SIGSEGV',
  interruptedAt: 'connect',
  logExcerpt: 'wine: Unhandled page fault on read access to 0000000000000000 at address 00006FFFFFC8A1B2\n<script>alert("log")</script> & done',
});

export const SECOND_PASS_CASE = caseResult({
  id: 'udp.connect.success',
  file: 'cases/udp/connect.yaml',
  verdict: 'PASS',
  checks: [check({ stepId: 'connect', observed: { returns: 0, name: INET_5000 }, passed: true })],
});

export const ALL_RESULTS: readonly CaseResult[] = [
  PASS_CASE,
  FAIL_CASE,
  KNOWN_CASE,
  XPASS_CASE,
  SKIP_CASE,
  ERROR_CASE,
  TIMEOUT_CASE,
  CRASH_CASE,
  SECOND_PASS_CASE,
];
