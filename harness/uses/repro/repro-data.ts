/**
 * What a repro script carries of its case, as JSON: the peers it starts and
 * the steps as the case writes them — the very arguments the runner hands
 * the worker once their references are resolved, which the script resolves
 * at run time with the runner's own code (standalone.ts). The script's
 * writer (script.ts) and its runtime (standalone.ts) share this shape.
 */
import type { Case, EphemeralPorts, PeerSpec } from '../../language/cases/case.js';
import type { ObservedCheck } from '../../judging/results/result.js';
import type { StepToRun } from '../../run/runner/step-check.js';
import type { FixedWineBuild } from '../../stacks/providers/wine/fixed-build.js';

interface ReproCase {
  readonly caseId: string;
  readonly peers: readonly PeerSpec[];
  readonly steps: readonly StepToRun[];
  /** The case's time limit: how long the script waits for datagrams a peer has not received yet. */
  readonly timeoutMs: number;
}

/**
 * What the script of a private case runs under Wine, written down where it was made: the Wine build's
 * command lines, the Windows Node and koffi, and the prefix the private network's wineserver lays an overlay on.
 */
export interface PrivateWine {
  readonly build: FixedWineBuild;
  readonly cacheDir: string;
  readonly nodeExe: string;
  readonly koffiDir: string;
  /** The cache's private prefix (prefix-private), the lower layer of the namespace's own. */
  readonly prefix: string;
  /** The koffi of Linux's Node, which the peers the script starts in the namespace call libc with (the harness's own). */
  readonly linuxKoffi: string;
}

/** A case on the machine's loopback: the script runs its steps where it is started. */
export interface LoopbackRepro extends ReproCase {
  readonly network: 'loopback';
}

/** A case of the private network: the script makes the namespace, with an isolated wineserver, and runs its steps there under Wine. */
export interface PrivateRepro extends ReproCase {
  readonly network: 'private';
  readonly wine: PrivateWine;
  /** The ephemeral ports the case narrows the namespace's range to while its steps run. */
  readonly ephemeralPorts?: EphemeralPorts;
}

export type ReproData = LoopbackRepro | PrivateRepro;

/** The final line of a script's output: what each step observed, judged as a run judges it, and why it stopped early, if it did. */
export interface ReproReport {
  readonly repro: string;
  readonly checks: readonly ObservedCheck[];
  readonly stopped?: string;
  /** The step during which the case's time limit passed: the last the script made, where a run records TIMEOUT. */
  readonly pastTimeLimit?: string;
}

/** How a script's line with one step's observation (as JSON) begins. */
export const OBSERVED_PREFIX = '  observed:   ';

/** The data of a case on loopback, or of a private case with the Wine it runs under (`wine`). */
export function reproData(testCase: Case, wine: PrivateWine | undefined): ReproData {
  const data: ReproCase = {
    caseId: testCase.id,
    peers: testCase.peers.map(({ name, kind, family }) => ({ name, kind, family })),
    steps: testCase.steps.map(({ id, call, args, as, expect }) => ({ id, call, args, ...(as === undefined ? {} : { as }), ...(expect === undefined ? {} : { expect }) })),
    timeoutMs: testCase.timeoutMs,
  };
  if (testCase.network === 'loopback') return { ...data, network: 'loopback' };
  if (wine === undefined) throw new Error(`${testCase.id} runs in the private network: its script needs the Wine it runs under`);
  return { ...data, network: 'private', wine, ...(testCase.ephemeralPorts === undefined ? {} : { ephemeralPorts: testCase.ephemeralPorts }) };
}
