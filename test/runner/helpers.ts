/**
 * Shared by the runner tests: cases built in code, throw-away directories,
 * and a FakeWorld — a fake provider, its journal and a ProviderSession on
 * it — so that executeCase and runSuite run end to end without Wine.
 */
import { closeSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_CASE_TIMEOUT_MS, type Case, type Outcome, type PeerSpec, type Step, type Value } from '../../harness/language/cases/case.js';
import type { Deviation } from '../../harness/judging/expectations/deviation.js';
import type { CaseContext } from '../../harness/run/runner/execute-case.js';
import { ProviderSession } from '../../harness/run/runner/session.js';
import { WorkerSpawner } from '../../harness/run/runner/worker-spawner.js';
import { readJournal, type JournalEvent } from '../support/fake-provider/journal.js';
import { FAKE_WORKER_SCRIPT, FakeProvider } from '../support/fake-provider/provider.js';
import type { FakeScript } from '../support/fake-provider/script.js';

/**
 * The fake stack both end-to-end test files use:
 *   socket       af AF_IPX → INVALID_SOCKET WSAEAFNOSUPPORT; otherwise a new handle (built in)
 *   WSAConnect   by namelen: 16 → 0, 12 → SOCKET_ERROR WSAEADDRNOTAVAIL, 99 → the worker refuses the call
 *   getsockname  0 with a bound name
 *   select       hangs for good
 *   shutdown     kills the worker (exit 1) in the middle of the call
 */
export const FAKE_STACK: FakeScript = {
  socket: { byArgument: { name: 'af', values: { AF_IPX: { answer: { returns: 'INVALID_SOCKET', error: 'WSAEAFNOSUPPORT' } } } } },
  WSAConnect: {
    byArgument: {
      name: 'namelen',
      values: {
        '16': { answer: { returns: 0 } },
        '12': { answer: { returns: 'SOCKET_ERROR', error: 'WSAEADDRNOTAVAIL' } },
        '99': { refuse: 'argument namelen: the fake refuses 99' },
      },
    },
  },
  getsockname: { otherwise: { answer: { returns: 0, name: { family: 'AF_INET', address: '127.0.0.1', port: 50123 } } } },
  select: { otherwise: { hang: true } },
  shutdown: { otherwise: { exit: 1 } },
};

export function makeTempDir(purpose: string): string {
  return mkdtempSync(path.join(tmpdir(), `winsock-${purpose}-`));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Whether a process with this id still exists. */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// ---------------------------------------------------------------- cases in code

export const TEST_CASE_FILE = 'cases/fake.yaml';

export interface StepOptions {
  readonly expect?: Outcome | readonly Outcome[];
  readonly as?: string;
  readonly id?: string;
}

export function step(call: string, args: { readonly [name: string]: Value }, options: StepOptions = {}): Step {
  const { expect, as, id } = options;
  return {
    id: id ?? call,
    call,
    args,
    ...(as === undefined ? {} : { as }),
    ...(expect === undefined ? {} : { expect: (isOutcomeList(expect) ? expect : [expect]).map((outcome) => ({ outcome })) }),
    location: { file: TEST_CASE_FILE, line: 1, column: 1 },
  };
}

function isOutcomeList(expect: Outcome | readonly Outcome[]): expect is readonly Outcome[] {
  return Array.isArray(expect);
}

export interface CaseOptions {
  readonly title?: string;
  readonly tags?: readonly string[];
  readonly peers?: readonly PeerSpec[];
  readonly timeoutMs?: number;
}

export function makeCase(id: string, steps: readonly Step[], options: CaseOptions = {}): Case {
  return {
    id,
    title: options.title ?? `Title of ${id}`,
    clauses: [{ page: 'WSAConnect', id: 'return.success', quote: 'If no error occurs, WSAConnect returns zero.' }],
    tags: options.tags ?? [],
    peers: options.peers ?? [],
    steps,
    timeoutMs: options.timeoutMs ?? DEFAULT_CASE_TIMEOUT_MS,
    alone: false,
    network: 'loopback',
    location: { file: TEST_CASE_FILE, line: 1, column: 1 },
  };
}

/** The set-up step most cases start with: a TCP socket kept as `$s`. */
export const OPEN_TCP_SOCKET: Step = step('socket', { af: 'AF_INET', type: 'SOCK_STREAM', protocol: 'IPPROTO_TCP' }, { as: 's' });

// ---------------------------------------------------------------- a fake provider with a session

/** A fake provider in a throw-away directory: its journal, its log, and a session on it. */
export class FakeWorld {
  readonly provider: FakeProvider;
  readonly session: ProviderSession;
  readonly journalFile: string;
  private readonly logFd: number;
  private readonly spawner: WorkerSpawner;

  constructor(
    readonly dir: string,
    script: FakeScript = FAKE_STACK,
    startDelayMs = 0,
  ) {
    this.journalFile = path.join(dir, 'journal.jsonl');
    this.provider = new FakeProvider({ script, journal: this.journalFile, startDelayMs });
    this.logFd = openSync(path.join(dir, 'provider.log'), 'w');
    this.spawner = new WorkerSpawner({ provider: this.provider, workerScript: FAKE_WORKER_SCRIPT, logFd: this.logFd, startTimeoutMs: 30_000 });
    this.session = new ProviderSession(this.spawner);
  }

  context(deviations: readonly Deviation[] = []): CaseContext {
    return { session: this.session, providerName: this.provider.name, binding: this.provider.binding, deviations, file: TEST_CASE_FILE };
  }

  journal(): JournalEvent[] {
    return readJournal(this.journalFile);
  }

  /** Ends the session's worker, whatever state it is in. */
  async dispose(): Promise<void> {
    await this.session.discard();
    await this.spawner.close();
    closeSync(this.logFd);
  }
}
