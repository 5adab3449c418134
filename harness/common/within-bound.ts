/** Waiting with a bound: every wait of a run has one, so a run always ends. */
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';

/** The promise's value, or undefined if it has not settled within `ms`. */
export async function withinBound<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<undefined>((resolve) => (timer = setTimeout(resolve, ms, undefined)));
  try {
    return await Promise.race([promise, bound]);
  } finally {
    clearTimeout(timer);
  }
}

/** How a child process ended. */
export interface ChildExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** How `child` ended, once it has; undefined if it has not within `ms` (it is then killed, and not waited for again). */
export async function exitWithin(child: ChildProcess, ms: number): Promise<ChildExit | undefined> {
  if (child.exitCode !== null || child.signalCode !== null) return { code: child.exitCode, signal: child.signalCode };
  const exit = once(child, 'exit').then(([code, signal]) => ({ code, signal }) as ChildExit);
  const ended = await withinBound(exit, ms);
  if (ended === undefined) child.kill('SIGKILL');
  return ended;
}
