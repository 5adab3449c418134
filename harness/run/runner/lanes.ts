/**
 * Runs cases on several lanes at once — one provider session each — while
 * keeping the run's order where it matters: every result is handed on in
 * case order as soon as all the cases before it have finished (so
 * results.jsonl is still written as the run goes), and a case marked
 * `alone` runs with no other case at the same time.
 */
import { availableParallelism } from 'node:os';
import { Semaphore } from 'async-mutex';
import type { Case } from '../../language/cases/case.js';
import type { CaseResult } from '../../judging/results/result.js';
import type { ProviderSession } from './session.js';

/** Lanes when `--jobs` is not given: half the cores, since each lane's worker and its peers share the machine with the harness. */
export function defaultJobs(): number {
  return Math.max(1, Math.floor(availableParallelism() / 2));
}

export interface LaneWork {
  /** Runs one case on a lane's session; undefined when the run was stopped meanwhile (nothing to report). */
  run(testCase: Case, index: number, session: ProviderSession): Promise<CaseResult | undefined>;
  /** The result of a case run elsewhere (the private network), or undefined for a case a lane runs. */
  elsewhere?(testCase: Case, index: number): Promise<CaseResult | undefined> | undefined;
  /** Called with each result in case order. */
  finished(result: CaseResult): Promise<void>;
  /** True once the run must take no further case. */
  stopped(): boolean;
}

/** Runs `cases` on the sessions (one lane each); resolves with the results handed on, in order. */
export async function runInLanes(cases: readonly Case[], sessions: readonly ProviderSession[], work: LaneWork): Promise<CaseResult[]> {
  const lanes = sessions.length;
  // A case takes one permit; a case that must run alone takes them all.
  const permits = new Semaphore(lanes);
  const done = new Map<number, CaseResult>();
  const handedOn: CaseResult[] = [];
  let next = 0;
  let flushing = Promise.resolve();

  const handOn = (): Promise<void> => {
    flushing = flushing.then(async () => {
      for (let result = done.get(handedOn.length); result !== undefined; result = done.get(handedOn.length)) {
        handedOn.push(result);
        await work.finished(result);
      }
    });
    return flushing;
  };

  const settle = async (index: number, result: Promise<CaseResult | undefined>): Promise<void> => {
    const settled = await result;
    if (settled === undefined) return;
    done.set(index, settled);
    await handOn();
  };
  // Cases run elsewhere are awaited beside the lanes, which go on with the rest.
  const away = cases.flatMap((testCase, index) => {
    const result = work.elsewhere?.(testCase, index);
    return result === undefined ? [] : [[index, settle(index, result)] as const];
  });
  const awayIndexes = new Set(away.map(([index]) => index));

  const lane = async (session: ProviderSession): Promise<void> => {
    for (;;) {
      if (work.stopped()) return;
      while (awayIndexes.has(next)) next++;
      if (next >= cases.length) return;
      const index = next++;
      const testCase = cases[index] as Case;
      const result = await permits.runExclusive(() => (work.stopped() ? undefined : work.run(testCase, index, session)), testCase.alone ? lanes : 1);
      if (result === undefined) return;
      done.set(index, result);
      await handOn();
    }
  };

  await Promise.all([...sessions.map(lane), ...away.map(([, settled]) => settled)]);
  await flushing;
  return handedOn;
}
