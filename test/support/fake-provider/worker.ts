/**
 * The fake provider worker: answers the line-JSON requests of
 * harness/stacks/worker/protocol.ts, read from stdin and answered on stdout, as the
 * script in its environment says (see script.ts), recording each request in
 * the journal first. Like the real worker it says it is ready first, and
 * exits when the runner closes its stdin.
 *
 * Built-in behaviour, for calls the script does not name:
 *   socket       { returns: 'socket', handle } with a new handle, remembered as open
 *   closesocket  0 for an open handle (forgotten), else SOCKET_ERROR WSAENOTSOCK
 *   sendto       sends `data` to `to` for real (UDP), returns its length
 *   others       { returns: 0 }
 * `reset` forgets every open handle and answers how many there were.
 */
import { createSocket } from 'node:dgram';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { SockAddr } from '../../../harness/common/net/sockaddr.js';
import type { Observation } from '../../../harness/judging/results/result.js';
import { READY_LINE, type Reply, type Request } from '../../../harness/stacks/worker/protocol.js';
import { appendJournal, type JournalEvent } from './journal.js';
import { FAKE_PROVIDER_VERSION, FIRST_FAKE_HANDLE, JOURNAL_VARIABLE, SCRIPT_VARIABLE, START_DELAY_VARIABLE, scriptedBehaviour, type FakeBehaviour, type FakeScript } from './script.js';

/**
 * A hung call blocks the process for good as far as any case is concerned;
 * the bound only keeps a runner that fails to kill it from leaving it behind.
 */
const HANG_SAFETY_BOUND_MS = 30_000;
const EXIT_AFTER_HANG = 4;

type Args = Readonly<Record<string, unknown>>;

parseArgs({ options: { binding: { type: 'string' } } });
const script = JSON.parse(process.env[SCRIPT_VARIABLE] ?? '{}') as FakeScript;
const journalFile = process.env[JOURNAL_VARIABLE];
const openHandles = new Set<number>();
let nextHandle = FIRST_FAKE_HANDLE;

function record(event: JournalEvent): void {
  if (journalFile !== undefined) appendJournal(journalFile, event);
}

async function answer(request: Request): Promise<Reply> {
  switch (request.op) {
    case 'info':
      record({ event: 'info', pid: process.pid });
      return { id: request.id, ok: true, info: { version: FAKE_PROVIDER_VERSION, nodeVersion: process.version } };
    case 'reset': {
      const closed = openHandles.size;
      openHandles.clear();
      record({ event: 'reset', pid: process.pid, closed });
      return { id: request.id, ok: true, closed };
    }
    case 'call': {
      record({ event: 'call', pid: process.pid, call: request.call, args: request.args });
      const behaviour = scriptedBehaviour(script, request.call, request.args);
      if (behaviour !== undefined) return follow(behaviour, request.id);
      return { id: request.id, ok: true, observation: await builtIn(request.call, request.args), durationMs: 0 };
    }
  }
}

function follow(behaviour: FakeBehaviour, id: number): Reply {
  if ('answer' in behaviour) return { id, ok: true, observation: behaviour.answer, durationMs: 0 };
  if ('refuse' in behaviour) return { id, ok: false, message: behaviour.refuse };
  if ('unsupported' in behaviour) return { id, ok: false, unsupported: true, message: behaviour.unsupported };
  if ('exit' in behaviour) {
    // What a dying provider leaves in provider.log, for the report's excerpt.
    process.stderr.write(`fake worker: exiting with status ${behaviour.exit} in the middle of a call\n`);
    process.exit(behaviour.exit);
  }
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, HANG_SAFETY_BOUND_MS);
  process.exit(EXIT_AFTER_HANG);
}

async function builtIn(call: string, args: Args): Promise<Observation> {
  switch (call) {
    case 'socket': {
      const handle = nextHandle++;
      openHandles.add(handle);
      return { returns: 'socket', handle };
    }
    case 'closesocket':
      return openHandles.delete(Number(args['s'])) ? { returns: 0 } : { returns: 'SOCKET_ERROR', error: 'WSAENOTSOCK' };
    case 'sendto':
      return { returns: await sendDatagram(String(args['data']), args['to'] as SockAddr) };
    default:
      return { returns: 0 };
  }
}

async function sendDatagram(data: string, to: SockAddr): Promise<number> {
  const socket = createSocket(to.family === 'AF_INET6' ? 'udp6' : 'udp4');
  try {
    await new Promise<void>((resolve, reject) => socket.send(data, to.port, to.address, (error) => (error ? reject(error) : resolve())));
    return Buffer.byteLength(data);
  } finally {
    socket.close();
  }
}

const startDelay = Number(process.env[START_DELAY_VARIABLE] ?? 0);
if (startDelay > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, startDelay);
record({ event: 'started', pid: process.pid });
process.stdout.write(`${READY_LINE}\n`);
// One request at a time, in order, as the runner sends them.
let queue = Promise.resolve();
const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  queue = queue.then(async () => {
    process.stdout.write(`${JSON.stringify(await answer(JSON.parse(line) as Request))}\n`);
  });
});
lines.on('close', () => void queue.then(() => process.exit(0)));
