/**
 * The command's view of its process: where it writes, and the signals that
 * stop a run. Writing to a closed pipe (`run | head`) must not kill the run:
 * the reports are still written, only the terminal output stops.
 */
import { RunStopped } from '../harness/run/runner/run-suite.js';

export interface Terminal {
  readonly stdout: NodeJS.WriteStream;
  /** A line on stderr, for progress and notes that are not the report. */
  log(line: string): void;
  /**
   * A signal that aborts on the first SIGINT or SIGTERM, so the run can end
   * its reports; a second signal ends the process at once.
   */
  onStopSignal(): AbortSignal;
}

const SIGNAL_STATUS = { SIGINT: 130, SIGTERM: 143 } as const;

export function processTerminal(): Terminal {
  ignoreClosedPipe(process.stdout);
  ignoreClosedPipe(process.stderr);
  return {
    stdout: process.stdout,
    log: (line) => void process.stderr.write(`${line}\n`),
    onStopSignal() {
      const stop = new AbortController();
      for (const signal of ['SIGINT', 'SIGTERM'] as const) {
        process.on(signal, () => {
          if (stop.signal.aborted) process.exit(SIGNAL_STATUS[signal]);
          process.stderr.write(`\n${signal}: stopping after writing the reports of the finished cases (again to quit at once)\n`);
          stop.abort(new RunStopped(signal));
        });
      }
      return stop.signal;
    },
  };
}

function ignoreClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}
