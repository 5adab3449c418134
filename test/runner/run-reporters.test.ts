/**
 * A run whose file cannot be written (a full disk) ends instead of
 * crashing: the reporter that failed gets nothing more, the others go on,
 * the run is halted once, and the failure is the run's outcome. A line the
 * worker prints that the log cannot take is reported the same way, not
 * thrown inside an event handler.
 */
import { expect } from 'chai';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OutputNotWritten } from '../../harness/common/files/output-not-written.js';
import type { Reporter } from '../../harness/run/runner/reporter.js';
import { RunReporters } from '../../harness/run/runner/run-reporters.js';
import { WorkerProcess } from '../../harness/run/runner/worker-process.js';
import { READY_LINE } from '../../harness/stacks/worker/protocol.js';
import { FakeProvider } from '../support/fake-provider/provider.js';
import { FAIL_CASE, PASS_CASE, RUN } from '../reporters/sample-results.js';
import { summarize } from '../../harness/judging/results/summary.js';

const FULL = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });

/** Records what it was given; refuses its `failAt`-th case as a full disk would. */
function recorder(failAt?: number): Reporter & { readonly seen: string[] } {
  const seen: string[] = [];
  return {
    seen,
    start: () => void seen.push('start'),
    caseFinished(result) {
      if (seen.filter((entry) => entry.startsWith('case')).length + 1 === failAt) throw new OutputNotWritten('/out/results.jsonl', FULL);
      seen.push(`case ${result.id}`);
    },
    end: () => void seen.push('end'),
  };
}

describe('RunReporters', () => {
  it('stops feeding the reporter that could not write, halts the run once, and throws the failure at the end', async () => {
    const failing = recorder(2);
    const other = recorder();
    const halts: OutputNotWritten[] = [];
    const reporters = new RunReporters([failing, other], (failure) => halts.push(failure));
    await reporters.start(RUN, 3);
    await reporters.caseFinished(PASS_CASE);
    await reporters.caseFinished(FAIL_CASE);
    await reporters.caseFinished(PASS_CASE);
    await reporters.end(summarize([PASS_CASE, FAIL_CASE], 0, 'stopped'));
    expect(failing.seen, 'no case after the one that failed, no end: the file keeps whole lines').to.deep.equal(['start', `case ${PASS_CASE.id}`]);
    expect(other.seen).to.deep.equal(['start', `case ${PASS_CASE.id}`, `case ${FAIL_CASE.id}`, `case ${PASS_CASE.id}`, 'end']);
    expect(halts.map((failure) => failure.message)).to.deep.equal(['could not write /out/results.jsonl: no space left on the device (ENOSPC); free some space there or choose another --out']);
    expect(() => reporters.throwIfFailed()).to.throw(OutputNotWritten, /results\.jsonl/);
  });

  it('lets any other error of a reporter through: it is a harness fault, not a full disk', async () => {
    const broken: Reporter = { start: () => undefined, caseFinished: () => { throw new TypeError('bug'); }, end: () => undefined };
    const reporters = new RunReporters([broken], () => expect.fail('not a write failure'));
    let thrown: unknown;
    await reporters.caseFinished(PASS_CASE).catch((error: unknown) => (thrown = error));
    expect(thrown).to.be.instanceOf(TypeError);
    expect(() => reporters.throwIfFailed()).not.to.throw();
  });
});

describe('a worker line the provider log cannot take', function () {
  this.timeout(30_000);

  it('is reported to onLogWriteFailure (/dev/full refuses every write with ENOSPC), and the worker still starts', async function () {
    if (process.platform !== 'linux') this.skip(); // /dev/full is Linux's.
    const dir = mkdtempSync(join(tmpdir(), 'wc-worker-log-'));
    const script = join(dir, 'noisy-worker.mjs');
    // Prints a line that is not a reply before it is ready, then serves until its stdin closes.
    writeFileSync(script, `console.log('a line for the log'); console.log(${JSON.stringify(READY_LINE)}); process.stdin.resume();\n`);
    const logFd = openSync('/dev/full', 'w');
    const failures: unknown[] = [];
    try {
      const provider = new FakeProvider({ script: {}, journal: join(dir, 'journal') });
      const worker = await WorkerProcess.start({ provider, workerScript: script, logFd, startTimeoutMs: 20_000, onLogWriteFailure: (error) => failures.push(error) });
      await worker.close();
      expect(failures.map((error) => (error as NodeJS.ErrnoException).code)).to.deep.equal(['ENOSPC']);
    } finally {
      closeSync(logFd);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
