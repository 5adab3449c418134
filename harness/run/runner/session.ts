/**
 * The provider worker one lane of a run talks to. One process serves case
 * after case (starting Node under Wine costs far more than a case); it is
 * replaced, from the run's spawner, only after it died or had to be killed.
 */
import { withinBound } from '../../common/within-bound.js';
import type { ProviderInfo } from '../../stacks/worker/protocol.js';
import type { WorkerProcess } from './worker-process.js';
import type { WorkerSpawner } from './worker-spawner.js';

/** A ready worker describes itself at once; past this it is stuck. */
const INFO_BOUND_MS = 30_000;

export class ProviderSession {
  private current: WorkerProcess | undefined;

  constructor(private readonly spawner: WorkerSpawner) {}

  async worker(): Promise<WorkerProcess> {
    if (this.current?.alive) return this.current;
    this.current = await this.spawner.take();
    return this.current;
  }

  /** The current worker if it is alive; never starts one. */
  live(): WorkerProcess | undefined {
    return this.current?.alive ? this.current : undefined;
  }

  async info(): Promise<ProviderInfo> {
    const reply = await withinBound((await this.worker()).request({ op: 'info' }), INFO_BOUND_MS);
    if (reply === undefined) {
      await this.discard();
      throw new Error(`the provider did not describe itself within ${INFO_BOUND_MS} ms`);
    }
    if (reply.ok && 'info' in reply) return reply.info;
    throw new Error(`the provider did not describe itself: ${JSON.stringify(reply)}`);
  }

  /** Kills the current worker (after a time-out, or when it misbehaved); the next case gets a new one. */
  async discard(): Promise<void> {
    const worker = this.current;
    this.current = undefined;
    await worker?.kill();
  }

  async close(): Promise<void> {
    const worker = this.current;
    this.current = undefined;
    await worker?.close();
  }
}
