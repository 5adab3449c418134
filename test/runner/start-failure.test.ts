/** A worker that does not get ready: its start-up error quotes what it last printed. */
import { expect } from 'chai';
import { closeSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { logMark } from '../../harness/run/runner/log-excerpt.js';
import { withLastOutput } from '../../harness/run/runner/start-failure.js';
import { WorkerDied } from '../../harness/run/runner/worker-process.js';
import { makeTempDir, removeDir } from './helpers.js';

describe('the start-up error of a worker', () => {
  let dir: string;
  let logFd: number;
  beforeEach(() => {
    dir = makeTempDir('start-failure');
    logFd = openSync(path.join(dir, 'provider.log'), 'w+');
    writeSync(logFd, 'a line of an earlier worker\n');
  });
  afterEach(() => {
    closeSync(logFd);
    removeDir(dir);
  });

  it('quotes the last five lines the log received since the worker started, and keeps its class', () => {
    const mark = logMark(logFd);
    writeSync(logFd, ['one', 'two', '', 'three', 'four', 'five', 'six   '].join('\n') + '\n');
    const error = withLastOutput(new WorkerDied('the provider process exited with status 216 before it was ready'), logFd, mark);
    expect(error).to.be.instanceOf(WorkerDied);
    expect(error.message).to.equal('the provider process exited with status 216 before it was ready; its last output:\n  two\n  three\n  four\n  five\n  six');
  });

  it('says the worker printed nothing when the log received nothing (a worker that spins in silence)', () => {
    const error = withLastOutput(new Error('the provider process was not ready within 500 ms'), logFd, logMark(logFd));
    expect(error.message).to.equal('the provider process was not ready within 500 ms; it printed nothing');
  });
});
