/**
 * What the fake worker does, call by call: the test writes a FakeScript, the
 * fake provider hands it to every worker it starts, and the worker follows it.
 * Calls the script does not name get the worker's built-in behaviour
 * (see worker.ts): `socket` hands out handles, `closesocket` forgets them,
 * `sendto` really sends a UDP datagram, anything else returns 0.
 */
import type { Observation } from '../../../harness/judging/results/result.js';

export type FakeBehaviour =
  /** Answer with this observation. */
  | { readonly answer: Observation }
  /** Never answer: the process blocks, as in a blocking FFI call. */
  | { readonly hang: true }
  /** Exit with this status in the middle of the call, without answering. */
  | { readonly exit: number }
  /** Answer `ok: false`: the worker could not make the call (a harness problem). */
  | { readonly refuse: string }
  /** Answer that its binding has no way to make the call. */
  | { readonly unsupported: string };

export interface FakeCallScript {
  /** Behaviours chosen by the value of one argument, written as `String(value)`. */
  readonly byArgument?: { readonly name: string; readonly values: Readonly<Record<string, FakeBehaviour>> };
  /** What the call does when `byArgument` has no entry for it; absent: the built-in behaviour. */
  readonly otherwise?: FakeBehaviour;
}

export type FakeScript = Readonly<Partial<Record<string, FakeCallScript>>>;

/** The handle the built-in `socket` gives first in each worker; the next ones count up. */
export const FIRST_FAKE_HANDLE = 100;

/** The version the fake worker reports to `info`. */
export const FAKE_PROVIDER_VERSION = 'Fake Winsock 1.0';

/** Environment variables through which the fake provider hands the script and the journal file to its workers. */
export const SCRIPT_VARIABLE = 'FAKE_WINSOCK_SCRIPT';
export const JOURNAL_VARIABLE = 'FAKE_WINSOCK_JOURNAL';
/** Milliseconds the fake worker takes to start, as Node under Wine does. */
export const START_DELAY_VARIABLE = 'FAKE_WINSOCK_START_DELAY_MS';

/** The scripted behaviour of a call with these arguments; undefined when the script leaves the call to the built-ins. */
export function scriptedBehaviour(script: FakeScript, call: string, args: Readonly<Record<string, unknown>>): FakeBehaviour | undefined {
  const entry = script[call];
  if (entry === undefined) return undefined;
  const keyed = entry.byArgument;
  return (keyed === undefined ? undefined : keyed.values[String(args[keyed.name])]) ?? entry.otherwise;
}
