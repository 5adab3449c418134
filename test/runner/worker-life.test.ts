/**
 * A worker dies with its runner on every path: here the hardest one, the
 * runner killed with SIGKILL (no handler runs) while its worker is blocked
 * in a call that never returns.
 */
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { callEvents, readJournal } from '../support/fake-provider/journal.js';
import { makeTempDir, removeDir } from './helpers.js';

const RUNNER = fileURLToPath(new URL('../support/run-hanging-case.js', import.meta.url));
const BOUND_MS = 10_000;

/** Whether the process is gone: no such process, or a zombie nobody has reaped yet (it holds nothing). */
function isGone(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.startsWith('Z') === true;
  } catch {
    return true;
  }
}

/** Polls `condition` until it holds, within a bound; the value it found, or undefined. */
async function within<T>(boundMs: number, probe: () => T | undefined): Promise<T | undefined> {
  const deadline = performance.now() + boundMs;
  while (performance.now() < deadline) {
    const value = probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return undefined;
}

describe('worker life', function () {
  this.timeout(4 * BOUND_MS);

  before(function () {
    if (process.platform !== 'linux') this.skip(); // /proc and setpriv: Linux hosts.
  });

  it('the worker dies when its runner is killed with SIGKILL while the worker is blocked in a call', async () => {
    const dir = makeTempDir('worker-life');
    const runner = spawn(process.execPath, [RUNNER, dir], { stdio: 'ignore' });
    try {
      const blocked = await within(BOUND_MS, () => callEvents(readJournal(`${dir}/journal.jsonl`)).find((event) => event.call === 'select'));
      if (blocked === undefined) throw new Error('the worker never reached its hanging call');
      expect(isGone(blocked.pid), 'the worker is blocked, alive').to.equal(false);
      runner.kill('SIGKILL');
      const gone = await within(BOUND_MS, () => (isGone(blocked.pid) ? true : undefined));
      expect(gone, `worker ${blocked.pid} outlived its runner`).to.equal(true);
    } finally {
      runner.kill('SIGKILL');
      removeDir(dir);
    }
  });
});
