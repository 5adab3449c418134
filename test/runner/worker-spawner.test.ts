/** The run's worker spawner: a standby worker is ready before it is needed. */
import { expect } from 'chai';
import { closeSync, openSync } from 'node:fs';
import path from 'node:path';
import { WorkerSpawner } from '../../harness/runner/worker-spawner.js';
import { readJournal } from '../support/fake-provider/journal.js';
import { FAKE_WORKER_SCRIPT, FakeProvider } from '../support/fake-provider/provider.js';
import { FAKE_STACK, makeTempDir, removeDir } from './helpers.js';

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
});
