/**
 * Runs one case: checks the provider can make its steps, makes sure a worker
 * is ready, starts the case's peers, makes its calls in order against the
 * provider (or observes a peer), checks each against the documented outcome,
 * and cleans up on every path — the provider closes every socket the case
 * opened, the peers are stopped. The case's clock starts once the worker and
 * the peers are ready; a call that does not return within the case's limit
 * is TIMEOUT: the provider process is killed from outside.
 */
import type { BindingDescription } from '../../stacks/bindings/catalogue.js';
import type { Case, Step } from '../../language/cases/case.js';
import type { Deviation } from '../../judging/expectations/deviation.js';
import type { CaseResult, ObservedCheck, Observation } from '../../judging/results/result.js';
import { judge } from '../../judging/verdicts/judge.js';
import type { Termination } from '../../judging/verdicts/termination.js';
import { startPeers, stopPeers, type RunningPeers } from '../../../fixtures/start.js';
import { isRecordingPeer, PeerUnavailable } from '../../../fixtures/peer.js';
import { KeptNames, UnresolvedReference } from './kept-names.js';
import { capabilityGap } from './capabilities.js';
import { TrafficGuard } from './traffic-guard.js';
import { checkedStep, datagramsObserved, isMadeByHarness, readyStep, TrafficRefused } from './step-check.js';
import type { ProviderSession } from './session.js';
import { WorkerDied } from './worker-process.js';
import { messageOf } from '../../common/message-of.js';

/** Closing a case's sockets takes microseconds; past this bound the worker is assumed stuck and replaced. */
const CLEANUP_BOUND_MS = 2000;

class TimeLimitReached extends Error {}
class HarnessProblem extends Error {}
/** The provider's binding has no way to make a call (a backstop: capabilities are checked before the case starts). */
class CallUnsupported extends Error {}

/** A call that never returned; carries the check it leaves, so reports show what the page documents for it. */
class CallInterrupted extends Error {
  constructor(
    readonly reason: TimeLimitReached | WorkerDied,
    readonly check: ObservedCheck,
  ) {
    super(reason.message);
  }
}

export interface CaseContext {
  readonly session: ProviderSession;
  readonly providerName: string;
  /** What the provider's worker runs, and so what it can do. */
  readonly binding: BindingDescription;
  readonly deviations: readonly Deviation[];
  /** Case file path relative to the project root. */
  readonly file: string;
  /** Aborted when the whole run is stopped: the case ends at once, and the worker is replaced. */
  readonly stop?: AbortSignal;
}

export async function executeCase(testCase: Case, context: CaseContext): Promise<CaseResult> {
  const startedAt = new Date();
  const { checks, termination, readyAt } = await performSteps(testCase, context);
  // The case's own time: from when its worker was ready, as its clock; starting a worker is the harness's.
  return caseResult(testCase, context, checks, termination, startedAt, readyAt === undefined ? 0 : performance.now() - readyAt);
}

/** The result of a case that was not run at all (SKIP, or ERROR when the harness could not get to it). */
export function unrunResult(testCase: Case, context: Pick<CaseContext, 'providerName' | 'file' | 'deviations'>, termination: Extract<Termination, { kind: 'skip' | 'error' }>): CaseResult {
  return caseResult(testCase, context, [], termination, new Date(), 0);
}

function caseResult(
  testCase: Case,
  context: Pick<CaseContext, 'providerName' | 'file' | 'deviations'>,
  checks: readonly ObservedCheck[],
  termination: Termination,
  startedAt: Date,
  durationMs: number,
): CaseResult {
  const judgement = judge(checks, termination, context.deviations);
  return {
    id: testCase.id,
    title: testCase.title,
    file: context.file,
    line: testCase.location.line,
    clauses: testCase.clauses,
    tags: testCase.tags,
    provider: context.providerName,
    verdict: judgement.verdict,
    message: judgement.message,
    checks: judgement.checks,
    ...(judgement.interruptedAt ? { interruptedAt: judgement.interruptedAt } : {}),
    durationMs,
    startedAt: startedAt.toISOString(),
  };
}

interface CaseRun {
  readonly checks: ObservedCheck[];
  readonly termination: Termination;
  /** When the worker was ready and the case began (performance.now()); undefined when it never did. */
  readonly readyAt?: number;
}

async function performSteps(testCase: Case, context: CaseContext): Promise<CaseRun> {
  if (testCase.excluded !== undefined) return { checks: [], termination: { kind: 'skip', reason: `this variation is excluded: ${testCase.excluded}` } };
  const gap = capabilityGap(testCase, context.binding);
  if (gap !== undefined) return { checks: [], termination: { kind: 'skip', reason: gap } };
  try {
    // Starting a worker (after a crash or a time-out) is not the case's time.
    await context.session.worker();
  } catch (error) {
    return { checks: [], termination: { kind: 'error', detail: `the provider process did not start: ${messageOf(error)}` } };
  }
  const readyAt = performance.now();
  let peers: RunningPeers;
  try {
    peers = await startPeers(testCase.peers);
  } catch (error) {
    if (error instanceof PeerUnavailable) return { checks: [], termination: { kind: 'skip', reason: error.message }, readyAt };
    return { checks: [], termination: { kind: 'error', detail: messageOf(error) }, readyAt };
  }
  try {
    return { ...(await runSteps(testCase, peers, context)), readyAt };
  } finally {
    await stopPeers(peers);
  }
}

async function runSteps(testCase: Case, peers: RunningPeers, context: CaseContext): Promise<CaseRun> {
  const { session, stop } = context;
  const checks: ObservedCheck[] = [];
  const limit = new AbortController();
  const timer = setTimeout(() => limit.abort(new TimeLimitReached()), testCase.timeoutMs);
  const ended = stop === undefined ? limit.signal : AbortSignal.any([limit.signal, stop]);
  let termination: Termination = { kind: 'completed' };
  let current: Step | undefined;
  try {
    const kept = new KeptNames();
    const guard = new TrafficGuard(context.binding.families(), testCase.network);
    for (const [name, peer] of peers) kept.define(name, peer.address);
    for (const step of testCase.steps) {
      current = step;
      const check = await runStep(step, { kept, guard, peers, session, signal: ended });
      checks.push(check);
      if (check.kind === 'setup' && !check.passed) break;
    }
  } catch (error) {
    if (error instanceof CallInterrupted) checks.push(error.check);
    termination = interruption(error instanceof CallInterrupted ? error.reason : error, current, testCase.timeoutMs);
  } finally {
    clearTimeout(timer);
    // A stopped run may have left the worker in a call: it is replaced, not asked to clean up.
    if (stop?.aborted === true) await session.discard();
    else await closeCaseSockets(session, termination);
  }
  return { checks, termination };
}

/** What a step runs with: the names defined so far, the case's traffic guard, its peers, the provider, the case's clock. */
interface StepContext {
  readonly kept: KeptNames;
  readonly guard: TrafficGuard;
  readonly peers: RunningPeers;
  readonly session: ProviderSession;
  readonly signal: AbortSignal;
}

async function runStep(step: Step, { kept, guard, peers, session, signal }: StepContext): Promise<ObservedCheck> {
  const ready = readyStep(step, kept, guard);
  const { args, expected, kind } = ready;
  const started = performance.now();
  let outcome: { observation: Observation; durationMs: number };
  try {
    outcome = isMadeByHarness(step)
      ? { observation: await observePeer(step, args, peers, signal), durationMs: performance.now() - started }
      : await callProvider(step, args, session, signal);
  } catch (error) {
    if (!(error instanceof TimeLimitReached || error instanceof WorkerDied)) throw error;
    const interrupted = error instanceof TimeLimitReached ? 'TIMEOUT' : 'CRASH';
    const mismatch = interrupted === 'TIMEOUT' ? 'the call did not return within the time limit' : `the call never returned: ${error.message}`;
    const observed = { returns: 'none', interrupted };
    const check: ObservedCheck = { stepId: step.id, call: step.call, args, kind, expected, observed, passed: false, mismatch, differingKeys: ['returns'], durationMs: performance.now() - started };
    throw new CallInterrupted(error, check);
  }
  return checkedStep(ready, outcome.observation, outcome.durationMs, kept, guard);
}

async function callProvider(
  step: Step,
  args: Record<string, unknown>,
  session: ProviderSession,
  signal: AbortSignal,
): Promise<{ observation: Observation; durationMs: number }> {
  const worker = await session.worker();
  const reply = await untilAborted(worker.request({ op: 'call', call: step.call, args }), signal);
  if (!reply.ok && reply.unsupported === true) throw new CallUnsupported(`${step.id}: ${reply.message}`);
  if (!reply.ok) throw new HarnessProblem(`${step.id}: the worker could not make the call: ${reply.message}`);
  if (!('observation' in reply)) throw new HarnessProblem(`${step.id}: unexpected reply ${JSON.stringify(reply)}`);
  return { observation: reply.observation, durationMs: reply.durationMs };
}

async function observePeer(step: Step, args: Record<string, unknown>, peers: RunningPeers, signal: AbortSignal): Promise<Observation> {
  const peer = peers.get(String(args['peer']));
  if (!peer || !isRecordingPeer(peer)) throw new HarnessProblem(`${step.id}: ${String(args['peer'])} is not a peer that records datagrams`);
  return datagramsObserved(await peer.datagrams(Number(args['count']), signal));
}

function interruption(error: unknown, step: Step | undefined, limitMs: number): Termination {
  const stepId = step?.id ?? '(before the first step)';
  if (error instanceof TimeLimitReached) return { kind: 'timeout', stepId, limitMs, inProvider: step !== undefined && !isMadeByHarness(step) };
  if (error instanceof WorkerDied) return { kind: 'crash', stepId, detail: error.message };
  if (error instanceof CallUnsupported) return { kind: 'skip', reason: error.message };
  if (error instanceof UnresolvedReference || error instanceof TrafficRefused || error instanceof HarnessProblem) return { kind: 'error', stepId, detail: error.message };
  return { kind: 'error', stepId, detail: `harness error: ${messageOf(error)}` };
}

/** The provider closes what the case opened; a worker that timed out, died or does not answer is replaced instead. */
async function closeCaseSockets(session: ProviderSession, termination: Termination): Promise<void> {
  // A worker stuck in a call or dead is replaced; one that merely waited while the harness watched a peer is fine.
  const worker = session.live();
  if (worker === undefined || (termination.kind === 'timeout' && termination.inProvider) || termination.kind === 'crash') {
    await session.discard();
    return;
  }
  const bound = AbortSignal.timeout(CLEANUP_BOUND_MS);
  try {
    await untilAborted(worker.request({ op: 'reset' }), bound);
  } catch {
    await session.discard();
  }
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    // Nobody waits for the promise any more; its own failure (a worker killed meanwhile) is expected.
    promise.catch(() => undefined);
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason);
    signal.addEventListener('abort', abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}
