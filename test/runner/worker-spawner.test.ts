/** The run's worker spawner: a standby worker is ready before it is needed, and a worker comes within one start bound. */
import { expect } from 'chai';
import { closeSync, openSync } from 'node:fs';
import path from 'node:path';
import type { WorkerCommand } from '../../harness/stacks/providers/provider.js';
import { WorkerSpawner } from '../../harness/run/runner/worker-spawner.js';
import { readJournal } from '../support/fake-provider/journal.js';
import { FAKE_WORKER_SCRIPT, FakeProvider } from '../support/fake-provider/provider.js';
import { START_DELAY_VARIABLE } from '../support/fake-provider/script.js';
import { FAKE_STACK, makeTempDir, removeDir } from './helpers.js';

/** A fake whose first worker starts at once and every later one never gets ready (as a Wine worker that spins at start). */
class OnlyFirstStarts extends FakeProvider {
  private starts = 0;

  override workerCommand(workerScript: string, workerArgs: readonly string[]): WorkerCommand {
    const command = super.workerCommand(workerScript, workerArgs);
    return this.starts++ === 0 ? command : { ...command, env: { ...command.env, [START_DELAY_VARIABLE]: String(10 * 60_000) } };
  }
}

describe('WorkerSpawner', function () {
  this.timeout(20_000);

  it('starts a standby as soon as it hands out a worker, and hands the standby out next, with no new start', async () => {
    const dir = makeTempDir('spawner');
    const journal = path.join(dir, 'journal.jsonl');
    const logFd = openSync(path.join(dir, 'provider.log'), 'w');
    const spawner = new WorkerSpawner({ provider: new FakeProvider({ script: FAKE_STACK, journal }), workerScript: FAKE_WORKER_SCRIPT, logFd, startTimeoutMs: 10_000 });
    try {
      const first = await spawner.take();
      const startedPids = async (count: number): Promise<number[]> => {
        const deadline = performance.now() + 10_000;
        for (;;) {
          const pids = readJournal(journal).filter((event) => event.event === 'started').map((event) => event.pid);
          if (pids.length >= count || performance.now() > deadline) return pids;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      };
      const [, standbyPid] = await startedPids(2);
      expect(standbyPid, 'a standby started').to.be.a('number').and.not.equal(first.pid);
      await first.kill();
      const second = await spawner.take();
      expect(second.pid, 'the standby is handed out').to.equal(standbyPid);
      expect(second.alive).to.equal(true);
      await second.close();
    } finally {
      await spawner.close();
      closeSync(logFd);
      removeDir(dir);
    }
  });

  it('hands out a worker, or says why not, within one start bound, even while a standby that never gets ready is starting', async () => {
    const dir = makeTempDir('spawner-bound');
    const logFd = openSync(path.join(dir, 'provider.log'), 'w');
    const boundMs = 3000;
    const provider = new OnlyFirstStarts({ script: FAKE_STACK, journal: path.join(dir, 'journal.jsonl') });
    const spawner = new WorkerSpawner({ provider, workerScript: FAKE_WORKER_SCRIPT, logFd, startTimeoutMs: boundMs });
    try {
      const first = await spawner.take();
      // The standby (the second start) never gets ready: the next take races it with a fresh start, and neither gets ready.
      await first.kill();
      const asked = performance.now();
      const error = await spawner.take().then(
        () => undefined,
        (thrown: unknown) => thrown as Error,
      );
      const waitedMs = performance.now() - asked;
      // Its last output is quoted too (start-failure.ts): this fake prints nothing before it hangs.
      expect(error?.message).to.equal(`the provider process was not ready within ${boundMs} ms; it printed nothing`);
      // One bound, not the standby's and then a fresh start's one after the other (two bounds, under any load, is 2 × boundMs).
      expect(waitedMs, 'waited for one start at most').to.be.below(2 * boundMs);
    } finally {
      await spawner.close();
      closeSync(logFd);
      removeDir(dir);
    }
  });
});
