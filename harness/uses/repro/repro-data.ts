/**
 * What a repro script carries of its case, as JSON: the peers it starts and
 * the steps as the case writes them — the very arguments the runner hands
 * the worker once their references are resolved, which the script resolves
 * at run time with the runner's own code (standalone.ts). The script's
 * writer (script.ts) and its runtime (standalone.ts) share this shape.
 */
import type { Case, PeerSpec } from '../../language/cases/case.js';
import type { ObservedCheck } from '../../judging/results/result.js';
import type { StepToRun } from '../../run/runner/step-check.js';

export interface ReproData {
  readonly caseId: string;
  readonly peers: readonly PeerSpec[];
  readonly steps: readonly StepToRun[];
  /** The case's time limit: how long the script waits for datagrams a peer has not received yet. */
  readonly timeoutMs: number;
}

/** The final line of a script's output: what each step observed, judged as a run judges it, and why it stopped early, if it did. */
export interface ReproReport {
  readonly repro: string;
  readonly checks: readonly ObservedCheck[];
  readonly stopped?: string;
}

/** How a script's line with one step's observation (as JSON) begins. */
export const OBSERVED_PREFIX = '  observed:   ';

export function reproData(testCase: Case): ReproData {
  return {
    caseId: testCase.id,
    peers: testCase.peers.map(({ name, kind, family }) => ({ name, kind, family })),
    steps: testCase.steps.map(({ id, call, args, as, expect }) => ({ id, call, args, ...(as === undefined ? {} : { as }), ...(expect === undefined ? {} : { expect }) })),
    timeoutMs: testCase.timeoutMs,
  };
}
