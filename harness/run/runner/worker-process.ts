/**
 * One provider worker process and the line-delimited JSON link to it: its
 * stdin and stdout pipes. Killing it (after a time-out) kills that process
 * only: under Wine, the processes it may have started (wineserver,
 * services.exe…) belong to the Wine prefix and serve the next worker.
 *
 * A worker dies with the runner on every path: it runs in its own process
 * group (a Ctrl-C reaches the runner, which ends it in order), it exits when
 * its stdin closes, and on Linux the kernel kills it when the runner dies
 * even while it is blocked in a call (setpriv --pdeathsig).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface, type Interface } from 'node:readline';
import { writeAll } from '../../common/files/whole-writes.js';
import type { Provider } from '../../stacks/providers/provider.js';
import { withinBound } from '../../common/within-bound.js';
import { READY_LINE, type Reply, type Request } from '../../stacks/worker/protocol.js';
import { logMark } from './log-excerpt.js';
import { withLastOutput } from './start-failure.js';

/** The worker went away while a request was outstanding. */
export class WorkerDied extends Error {}

/** A worker exits within milliseconds of its stdin closing; past this it is killed. */
const CLOSE_BOUND_MS = 5000;
/**
 * A killed process is gone within milliseconds; one that is not after this
 * (stuck in the kernel, or held by a tracer such as the wineserver, which
 * traces Wine's threads) is given up on, so that the run goes on.
 */
const KILL_BOUND_MS = 5000;

type RequestBody = Request extends infer R ? (R extends Request ? Omit<R, 'id'> : never) : never;

export interface WorkerStartOptions {
  readonly provider: Provider;
  readonly workerScript: string;
  /** File descriptor that receives the worker's stderr, and whatever it prints on stdout that is not a reply. */
  readonly logFd: number;
  readonly startTimeoutMs: number;
  /**
   * Told when a line cannot be stored in the log (a full disk): a worker's
   * output arrives in event handlers, where a throw would end the whole
   * runner. Without it, the failure is thrown.
   */
  readonly onLogWriteFailure?: (error: unknown) => void;
}

export class WorkerProcess {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (reply: Reply) => void; reject: (error: Error) => void }>();
  private exitDescription: string | undefined;
  readonly exited: Promise<string>;

  private constructor(
    private readonly child: ChildProcess,
    lines: Interface,
    private readonly options: WorkerStartOptions,
  ) {
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.exitDescription = describeExit(code, signal);
        this.failAll(`the provider process ${this.exitDescription}`);
        resolve(this.exitDescription);
      });
    });
    // A worker that died leaves its stdin broken; the exit says what happened.
    child.stdin?.on('error', () => undefined);
    lines.on('line', (line) => this.receive(line));
  }

  static async start(options: WorkerStartOptions): Promise<WorkerProcess> {
    const command = options.provider.workerCommand(options.workerScript, ['--binding', options.provider.binding.name]);
    const [file, ...args] = diesWithRunner([command.command, ...command.args]);
    const startMark = logMark(options.logFd);
    const child = spawn(file ?? command.command, args, {
      env: { ...process.env, ...command.env },
      stdio: ['pipe', 'pipe', options.logFd],
      detached: true,
    });
    const lines = createInterface({ input: child.stdout as NonNullable<typeof child.stdout> });
    try {
      await untilReady(child, lines, options);
      return new WorkerProcess(child, lines, options);
    } catch (error) {
      kill(child);
      lines.close();
      throw withLastOutput(error, options.logFd, startMark);
    }
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get alive(): boolean {
    return this.exitDescription === undefined;
  }

  request(body: RequestBody): Promise<Reply> {
    if (!this.alive) return Promise.reject(new WorkerDied(`the provider process ${this.exitDescription ?? 'is gone'}`));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.stdin?.write(`${JSON.stringify({ ...body, id })}\n`);
    });
  }

  /** Kills the process and waits until it is gone, or gives it up if it is not within KILL_BOUND_MS. */
  async kill(): Promise<void> {
    if (this.exitDescription !== undefined) return;
    kill(this.child);
    if ((await withinBound(this.exited, KILL_BOUND_MS)) !== undefined) return;
    this.exitDescription = `was killed by SIGKILL and had not exited ${KILL_BOUND_MS} ms later`;
    logLine(this.options, `the provider process ${String(this.child.pid)} ${this.exitDescription}; the run goes on without it`);
    this.failAll(`the provider process ${this.exitDescription}`);
  }

  /** Asks the worker to finish on its own (its stdin closes, it exits); kills it if it does not within the bound. */
  async close(): Promise<void> {
    this.child.stdin?.end();
    if ((await withinBound(this.exited, CLOSE_BOUND_MS)) === undefined) await this.kill();
  }

  private receive(line: string): void {
    const reply = parseReply(line);
    if (reply === undefined) {
      // Not a reply: something in the worker printed. Keep it with the rest of its output.
      logLine(this.options, line);
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

/** Keeps a line the worker printed in the log, whole. */
function logLine(options: WorkerStartOptions, line: string): void {
  try {
    writeAll(options.logFd, `${line}\n`);
  } catch (error) {
    if (options.onLogWriteFailure === undefined) throw error;
    options.onLogWriteFailure(error);
  }
}

function parseReply(line: string): Reply | undefined {
  if (!line.startsWith('{"id":')) return undefined;
  try {
    return JSON.parse(line) as Reply;
  } catch {
    return undefined;
  }
}

/** Resolves when the worker prints READY_LINE; rejects if it exits first or stays silent past the bound. */
function untilReady(child: ChildProcess, lines: Interface, options: WorkerStartOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      clearTimeout(timer);
      lines.off('line', onLine);
      child.off('exit', onExit);
      child.off('error', onError);
      if (error === undefined) resolve();
      else reject(error);
    };
    const onLine = (line: string) => {
      if (line === READY_LINE) done();
      else logLine(options, line);
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
      done(new WorkerDied(`the provider process ${describeExit(code, signal)} before it was ready`));
    const onError = (error: Error) => done(new WorkerDied(`the provider process could not start: ${error.message}`));
    const timer = setTimeout(() => done(new Error(`the provider process was not ready within ${options.startTimeoutMs} ms`)), options.startTimeoutMs);
    lines.on('line', onLine);
    child.once('exit', onExit);
    child.once('error', onError);
  });
}

/** util-linux's setpriv, present on every Debian system; elsewhere the worker relies on its stdin closing. */
const SETPRIV = '/usr/bin/setpriv';

/** The command, run so that the kernel kills it when this process dies (the signal survives the exec into Wine). */
export function diesWithRunner(command: readonly string[]): readonly string[] {
  if (process.platform !== 'linux' || !existsSync(SETPRIV)) return command;
  return [SETPRIV, '--pdeathsig', 'KILL', '--', ...command];
}

/** How a process ended, as the end of `the provider process …`. */
function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `was killed by ${signal}` : `exited with status ${String(code)}`;
}

function kill(child: ChildProcess): void {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGKILL');
}
