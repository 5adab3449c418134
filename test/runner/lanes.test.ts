/** Cases on several lanes: results in case order, and `alone` cases with no other case beside them. */
import { expect } from 'chai';
import type { Case } from '../../harness/language/cases/case.js';
import type { CaseResult } from '../../harness/judging/results/result.js';
import { runInLanes } from '../../harness/run/runner/lanes.js';
import type { ProviderSession } from '../../harness/run/runner/session.js';
import { makeCase, OPEN_TCP_SOCKET } from './helpers.js';

/** Lanes only hand sessions to `run`; these tests never use them. */
const SESSIONS = [{}, {}, {}] as unknown as ProviderSession[];

function cases(...specs: readonly { readonly id: string; readonly alone?: boolean }[]): Case[] {
  return specs.map(({ id, alone }) => ({ ...makeCase(id, [OPEN_TCP_SOCKET]), alone: alone ?? false }));
}

/** A result that is just its id: the lanes never look inside. */
function resultOf(testCase: Case): CaseResult {
  return { id: testCase.id } as CaseResult;
}

describe('runInLanes', () => {
  it('hands results on in case order, each as soon as the cases before it are done', async () => {
    const order: string[] = [];
    const release = new Map<string, () => void>();
    const done = runInLanes(cases({ id: 'a' }, { id: 'b' }, { id: 'c' }), SESSIONS, {
      run: (testCase) => new Promise((resolve) => release.set(testCase.id, () => resolve(resultOf(testCase)))),
      finished: async (result) => void order.push(result.id),
      stopped: () => false,
    });
    await new Promise((resolve) => setImmediate(resolve));
    release.get('c')?.();
    release.get('b')?.();
    await new Promise((resolve) => setImmediate(resolve));
    expect(order, 'nothing before a is done').to.deep.equal([]);
    release.get('a')?.();
    expect((await done).map((result) => result.id)).to.deep.equal(['a', 'b', 'c']);
    expect(order).to.deep.equal(['a', 'b', 'c']);
  });

  it('runs a case marked alone with no other case at the same time, and the others side by side', async () => {
    let running = 0;
    const overlaps = new Map<string, number>();
    await runInLanes(cases({ id: 'a' }, { id: 'b' }, { id: 'lonely', alone: true }, { id: 'c' }, { id: 'd' }), SESSIONS, {
      async run(testCase) {
        running++;
        await new Promise((resolve) => setImmediate(resolve));
        overlaps.set(testCase.id, running);
        await new Promise((resolve) => setImmediate(resolve));
        running--;
        return resultOf(testCase);
      },
      finished: async () => undefined,
      stopped: () => false,
    });
    expect(overlaps.get('lonely')).to.equal(1);
    expect(Math.max(...[...overlaps.values()]), 'others ran side by side').to.be.greaterThan(1);
  });

  it('takes no further case once stopped, and hands on only what finished', async () => {
    let stop = false;
    const results = await runInLanes(cases({ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }), SESSIONS.slice(0, 1), {
      async run(testCase) {
        if (testCase.id === 'b') stop = true;
        return testCase.id === 'b' ? undefined : resultOf(testCase);
      },
      finished: async () => undefined,
      stopped: () => stop,
    });
    expect(results.map((result) => result.id)).to.deep.equal(['a']);
  });
});
