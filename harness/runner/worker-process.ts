/**
 * One provider worker process and the line-delimited JSON link to it.
 * Killing it (after a time-out) kills that process only: under Wine, the
 * processes it may have started (wineserver, services.exe…) belong to the
 * Wine prefix and serve the next worker.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Socket } from 'node:net';
import { createInterface } from 'node:readline';
import type { Provider } from '../providers/provider.js';
import type { Reply, Request } from '../worker/protocol.js';

/** The worker went away while a request was outstanding. */
export class WorkerDied extends Error {}

const EXIT_AFTER_CLOSE_BOUND_MS = 1000;
/** A worker exits within milliseconds of its link closing; past this it is killed. */
const CLOSE_BOUND_MS = 5000;

type RequestBody = Request extends infer R ? (R extends Request ? Omit<R, 'id'> : never) : never;

export interface WorkerStartOptions {
  readonly provider: Provider;
  readonly workerScript: string;
  /** File descriptor that receives the worker's stdout and stderr (Node under Wine cannot write to a pipe). */
  readonly logFd: number;
  readonly startTimeoutMs: number;
}

export class WorkerProcess {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (reply: Reply) => void; reject: (error: Error) => void }>();
  private exitDescription: string | undefined;
  readonly exited: Promise<string>;

  private constructor(
    private readonly child: ChildProcess,
    private readonly link: Socket,
  ) {
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.exitDescription = describeExit(code, signal);
        this.failAll(`the provider process ${this.exitDescription}`);
        resolve(this.exitDescription);
      });
    });
    // The link closes a moment before the exit is reported; wait (bounded) so a CRASH says how the process ended.
    link.on('close', () => {
      void withinBound(this.exited, EXIT_AFTER_CLOSE_BOUND_MS).then((exit) =>
        this.failAll(`the provider process ${exit ?? 'closed its connection'}`),
      );
    });
    link.on('error', () => undefined);
    createInterface({ input: link }).on('line', (line) => this.receive(line));
  }

  static async start(options: WorkerStartOptions): Promise<WorkerProcess> {
    const server = createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('control listener has no port');
    const command = options.provider.workerCommand(options.workerScript, address.port);
    const child = spawn(command.command, command.args, {
      env: { ...process.env, ...command.env },
      stdio: ['ignore', options.logFd, options.logFd],
    });
    try {
      const link = await firstConnection(server, child, options.startTimeoutMs);
      link.setNoDelay(true);
      return new WorkerProcess(child, link);
    } catch (error) {
      kill(child);
      throw error;
    } finally {
      server.close();
    }
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get alive(): boolean {
    return this.exitDescription === undefined && !this.link.destroyed;
  }

  request(body: RequestBody): Promise<Reply> {
    if (!this.alive) return Promise.reject(new WorkerDied(`the provider process ${this.exitDescription ?? 'is gone'}`));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.link.write(`${JSON.stringify({ ...body, id })}\n`);
    });
  }

  /** Kills the process and waits until it is gone. */
  async kill(): Promise<void> {
    this.link.destroy();
    if (this.exitDescription !== undefined) return;
    kill(this.child);
    await this.exited;
  }

  /** Asks the worker to finish on its own (its connection closes, it exits); kills it if it does not within the bound. */
  async close(): Promise<void> {
    this.link.end();
    if ((await withinBound(this.exited, CLOSE_BOUND_MS)) === undefined) await this.kill();
  }

  private receive(line: string): void {
    let reply: Reply;
    try {
      reply = JSON.parse(line) as Reply;
    } catch {
      this.failAll(`the provider process sent something that is not a reply: ${line.slice(0, 200)}`);
      void this.kill();
      return;
    }
    const waiter = this.pending.get(reply.id);
    this.pending.delete(reply.id);
    waiter?.resolve(reply);
  }

  private failAll(message: string): void {
    for (const waiter of this.pending.values()) waiter.reject(new WorkerDied(message));
    this.pending.clear();
  }
}

/** The promise's value, or undefined if it has not settled within `ms`. */
async function withinBound<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<undefined>((resolve) => (timer = setTimeout(resolve, ms, undefined)));
  try {
    return await Promise.race([promise, bound]);
  } finally {
    clearTimeout(timer);
  }
}

/** How a process ended, as the end of `the provider process …`. */
function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `was killed by ${signal}` : `exited with status ${String(code)}`;
}

function kill(child: ChildProcess): void {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGKILL');
}

async function firstConnection(server: ReturnType<typeof createServer>, child: ChildProcess, timeoutMs: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the provider process did not connect within ${timeoutMs} ms`)), timeoutMs);
    const fail = (why: string) => {
      clearTimeout(timer);
      reject(new WorkerDied(why));
    };
    child.once('error', (error) => fail(`the provider process could not start: ${error.message}`));
    child.once('exit', (code, signal) => fail(`the provider process ${describeExit(code, signal)} before connecting`));
    server.once('connection', (socket) => {
      clearTimeout(timer);
      resolve(socket);
    });
  });
}
