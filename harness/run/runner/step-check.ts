/**
 * One step of a case on either side of its call: before it, the step's
 * arguments and documented outcomes with every reference resolved, past the
 * traffic guard; after it, what the call observed, judged against them, the
 * guard told, and the step's `as` name kept. The runner (execute-case.ts)
 * and a repro script (harness/uses/repro/) make every step through these two,
 * so that both resolve, guard and judge a step alike.
 */
import type { Datagram } from '../../../fixtures/peer.js';
import { callNamed } from '../../language/calls/index.js';
import type { Outcome, Step } from '../../language/cases/case.js';
import type { ObservedCheck, Observation } from '../../judging/results/result.js';
import { compareOutcomes, compareSetup } from '../../judging/verdicts/match.js';
import type { KeptNames } from './kept-names.js';
import type { TrafficGuard } from './traffic-guard.js';

/** What a step needs to run: a case's step without its place in the file. */
export type StepToRun = Pick<Step, 'id' | 'call' | 'args' | 'as' | 'expect'>;

/** Whether the harness makes the step itself (it observes a peer) rather than the provider. */
export function isMadeByHarness(step: Pick<StepToRun, 'call'>): boolean {
  return callNamed(step.call)?.madeBy === 'harness';
}

/** What `peer.datagrams` observes: how many datagrams the peer has received, and them. */
export function datagramsObserved(datagrams: readonly Datagram[]): Observation {
  return { returns: datagrams.length, datagrams };
}

/** A call that would have put packets outside loopback; it was not made. */
export class TrafficRefused extends Error {}

/** A step about to be made: its arguments and documented outcomes as the call sees them. */
export interface ReadyStep {
  readonly step: StepToRun;
  /** The arguments, references resolved. */
  readonly args: Record<string, unknown>;
  /** The documented alternatives, references resolved; none for a set-up step. */
  readonly expected: readonly Outcome[];
  readonly kind: ObservedCheck['kind'];
}

/** Resolves the step's references; throws UnresolvedReference, or TrafficRefused for a call the guard refuses. */
export function readyStep(step: StepToRun, kept: KeptNames, guard: TrafficGuard): ReadyStep {
  const args = kept.resolve(step.args) as Record<string, unknown>;
  const expected = (step.expect ?? []).map((alternative) => kept.resolve(alternative.outcome) as Outcome);
  const refusal = guard.check(step.call, args);
  if (refusal !== undefined) throw new TrafficRefused(`${step.id}: the traffic guard refused the call: ${refusal}; tests send only to 127.0.0.0/8 and ::1`);
  return { step, args, expected, kind: step.expect ? 'documented' : 'setup' };
}

/** Judges what the call observed, tells the guard, and keeps the step's `as` name. */
export function checkedStep(ready: ReadyStep, observation: Observation, durationMs: number, kept: KeptNames, guard: TrafficGuard): ObservedCheck {
  const { step, args, expected, kind } = ready;
  guard.observe(step.call, args, observation);
  const comparison = kind === 'documented' ? compareOutcomes(expected, observation) : compareSetup(observation);
  const matched = comparison.matches && comparison.alternative !== undefined ? step.expect?.[comparison.alternative]?.name : undefined;
  if (step.as !== undefined) kept.define(step.as, 'handle' in observation ? observation['handle'] : observation);
  return {
    stepId: step.id,
    call: step.call,
    args,
    kind,
    expected,
    observed: observation,
    passed: comparison.matches,
    ...(matched === undefined ? {} : { matched }),
    ...(comparison.matches ? { differingKeys: [] } : { mismatch: comparison.mismatch, differingKeys: comparison.differingKeys }),
    durationMs,
  };
}
