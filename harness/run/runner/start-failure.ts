/**
 * A worker that does not get ready usually said why before it went: Node's
 * "only supported on Windows 8.1…" under a prefix that reports Windows 7,
 * Wine's "could not load kernel32.dll" under a broken one. Its start-up error
 * quotes the last lines the provider's log received since it was started (with
 * several lanes, another worker's lines may be among them).
 */
import { logMark, logSince } from './log-excerpt.js';

/** Enough for Node's four-line refusal, short enough for a console line and a case's ERROR message. */
const QUOTED_LINES = 5;

/**
 * The start-up error `error`, its message followed by the worker's last output.
 * It keeps its class: callers tell a death (WorkerDied) from a time-out by it.
 */
export function withLastOutput<T>(error: T, logFd: number, startMark: number): T {
  if (!(error instanceof Error)) return error;
  if (logMark(logFd) === startMark) {
    // A worker that spins without a word (a damaged node.exe can) is told apart from one that said why.
    error.message += '; it printed nothing';
    return error;
  }
  const lines = (logSince(logFd, startMark) ?? '').split('\n').filter((line) => line.trim() !== '').slice(-QUOTED_LINES);
  if (lines.length > 0) error.message += `; its last output:\n${lines.map((line) => `  ${line.trimEnd()}`).join('\n')}`;
  return error;
}
