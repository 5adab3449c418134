/**
 * Starts the workers of a run, keeping one started ahead of need (a
 * standby): when a worker crashes or has to be killed, the next case gets
 * the standby at once instead of waiting for Node to start under Wine, and
 * another standby starts in the background.
 */
import { WorkerProcess, type WorkerStartOptions } from './worker-process.js';

/** How long a worker may take to start: the first start in a fresh Wine prefix can take tens of seconds. */
export const WORKER_START_BOUND_MS = 120_000;

export class WorkerSpawner {
  private standby: Promise<WorkerProcess> | undefined;
  private closed = false;

  constructor(private readonly options: WorkerStartOptions) {}

  /** A ready worker: the standby if it started well, else a new one; either way a new standby starts. */
  async take(): Promise<WorkerProcess> {
    const ready = await this.takeStandby();
    const worker = ready ?? (await WorkerProcess.start(this.options));
    this.startStandby();
    return worker;
  }

  /** Ends the standby; the sessions end the workers they took. */
  async close(): Promise<void> {
    this.closed = true;
    const standby = await this.takeStandby();
    await standby?.close();
  }

  private async takeStandby(): Promise<WorkerProcess | undefined> {
    const starting = this.standby;
    this.standby = undefined;
    // A standby that failed to start, or died waiting, is no use: the caller starts a new one and sees why.
    const worker = await starting?.catch(() => undefined);
    return worker?.alive === true ? worker : undefined;
  }

  private startStandby(): void {
    if (this.closed || this.standby !== undefined) return;
    const starting = WorkerProcess.start(this.options);
    starting.catch(() => undefined);
    this.standby = starting;
  }
}
