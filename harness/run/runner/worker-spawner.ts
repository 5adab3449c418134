/**
 * Starts the workers of a run, keeping one started ahead of need (a
 * standby): when a worker crashes or has to be killed, the next case gets
 * the standby at once instead of waiting for Node to start under Wine, and
 * another standby starts in the background.
 *
 * Getting a worker has one bound, whatever the standby does: a standby that
 * is still starting races a fresh start, and the first to be ready serves
 * (the other becomes the next standby), so take() never waits longer than
 * one start's bound.
 */
import { WorkerProcess, type WorkerStartOptions } from './worker-process.js';

/** How long a worker may take to start: the first start in a fresh Wine prefix can take tens of seconds. */
export const WORKER_START_BOUND_MS = 120_000;

/** A worker on its way: `ready` settles with it once it is ready, or with why it did not start (within its bound). */
interface Start {
  readonly ready: Promise<WorkerProcess>;
}

export class WorkerSpawner {
  private standby: Start | undefined;
  private closed = false;

  constructor(private readonly options: WorkerStartOptions) {}

  /** A ready worker, within the start bound: the standby, or a fresh one, whichever is ready first; another waits as the standby. */
  async take(): Promise<WorkerProcess> {
    // The standby first: when it is ready, it serves, and the fresh start becomes the next standby.
    const starts = [this.standby, this.begin()].filter((start): start is Start => start !== undefined);
    this.standby = undefined;
    let first: { readonly worker: WorkerProcess; readonly start: Start };
    try {
      first = await Promise.any(starts.map((start) => start.ready.then((worker) => ({ worker: alive(worker), start }))));
    } catch {
      // None is ready: the fresh start says why.
      return (starts[starts.length - 1] as Start).ready.then(alive);
    }
    for (const start of starts) if (start !== first.start) this.keepAsStandby(start);
    if (!this.closed && this.standby === undefined) this.standby = this.begin();
    return first.worker;
  }

  /** Ends the standby; the sessions end the workers they took. */
  async close(): Promise<void> {
    this.closed = true;
    const standby = this.standby;
    this.standby = undefined;
    const worker = await standby?.ready.catch(() => undefined);
    await worker?.close();
  }

  private begin(): Start {
    const ready = WorkerProcess.start(this.options);
    // Whoever waits for it sees its failure; an unwatched standby's failure is not an error.
    ready.catch(() => undefined);
    return { ready };
  }

  /** A start that did not serve waits as the standby; one too many (another take made one meanwhile) is ended once ready. */
  private keepAsStandby(start: Start): void {
    if (this.closed || this.standby !== undefined) void start.ready.then((worker) => worker.close(), () => undefined);
    else this.standby = start;
  }
}

/** Only a live worker counts as ready: a standby may have died while it waited. */
function alive(worker: WorkerProcess): WorkerProcess {
  if (!worker.alive) throw new Error('the worker died before it was taken');
  return worker;
}
