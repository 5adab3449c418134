/**
 * The parent's side of the private network: starts the namespace runner
 * (namespace-runner.ts) once for all the run's private cases, holds the
 * canary listener it must not reach, hands it the cases — all at the start
 * when the run knows them (they run side by side), or one at a time as they
 * come (mocha decides test by test) — and hands each case's result to the
 * run as it arrives.
 * Where the private network cannot be made (not root, no `unshare` or `ip`,
 * isolation not proven), every private case is SKIP with the reason; where
 * the runner dies, the cases it did not get to are ERROR.
 *
 * Every wait on the runner has a bound, so a run always ends: the runner
 * must be ready (or say why it cannot be) within PREPARATION_BOUND_MS, each
 * case it starts must end within the time a case can take at most (its
 * worker's start, its own limit, its clean-up), and it must exit within
 * CLOSE_BOUND_MS of its last case. Past a bound the runner is killed, and
 * the cases it had not finished are ERROR, saying which bound was passed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Case } from '../../language/cases/case.js';
import type { Deviation } from '../../judging/expectations/deviation.js';
import type { CaseResult } from '../../judging/results/result.js';
import { unrunResult } from '../runner/execute-case.js';
import { diesWithRunner } from '../runner/worker-process.js';
import { WORKER_START_BOUND_MS } from '../runner/worker-spawner.js';
import { exitWithin } from '../../common/within-bound.js';
import { openCanaryListener, type CanaryListener } from './canary-listener.js';
import { JOB_VARIABLE, type PrivateCaseRequest, type PrivateNetworkJob, type PrivateNetworkReport } from './job.js';
import { privateNetworkMeansMissing, UNSHARE } from './means.js';

const RUNNER = fileURLToPath(new URL('./namespace-runner.js', import.meta.url));

/**
 * How long the runner may take to be ready: preparing its provider (which may
 * wait for another run that provisions the same cache, about a minute on a
 * fresh machine) and proving the isolation with its canary.
 */
const PREPARATION_BOUND_MS = 300_000;
/** Beyond a case's worker start and its own limit: closing its sockets, stopping its peers, replacing a stuck worker. */
const CASE_CLEAN_UP_BOUND_MS = 30_000;
/** The runner ends its workers and its wineserver after its last case, each within a bound of its own. */
const CLOSE_BOUND_MS = 60_000;

export interface PrivateRunOptions extends Omit<PrivateNetworkJob, 'cases' | 'canaryPort'> {
  /** Where the child's stderr (Wine provisioning notes, Node's messages) goes. */
  readonly logFd: number;
  readonly deviations: readonly Deviation[];
  /** Told when the runner begins the case at `index` (the run's progress shows it among the cases under way). */
  readonly onCaseStarted?: (index: number) => void;
}

interface Pending {
  readonly testCase: Case;
  readonly resolve: (result: CaseResult) => void;
  /** Armed once the runner says the case has begun: the case's result is due before it fires. */
  deadline?: NodeJS.Timeout;
}

export class PrivateNetworkRun {
  private readonly pending = new Map<number, Pending>();
  private readonly results = new Map<number, Promise<CaseResult>>();
  /** Once no case can run in here any more (no means, runner gone): the result every later case gets. */
  private unusable: ((testCase: Case) => CaseResult) | undefined;
  private child: ChildProcess | undefined;
  private canary: CanaryListener | undefined;
  /** Fires if the runner is neither ready nor unavailable within PREPARATION_BOUND_MS. */
  private preparation: NodeJS.Timeout | undefined;

  private constructor(private readonly options: PrivateRunOptions) {}

  /** Starts running `cases` (with their places in the run) in a private network, side by side. */
  static async start(cases: readonly { readonly testCase: Case; readonly index: number }[], options: PrivateRunOptions): Promise<PrivateNetworkRun> {
    const run = new PrivateNetworkRun(options);
    for (const { testCase, index } of cases) run.await(testCase, index);
    await run.begin(cases.map(({ testCase, index }) => ({ id: testCase.id, index })));
    return run;
  }

  /** Makes the private network, or learns why it cannot be made; its cases follow, one at a time, with submit(). */
  static async open(options: PrivateRunOptions): Promise<PrivateNetworkRun> {
    const run = new PrivateNetworkRun(options);
    await run.begin(undefined);
    return run;
  }

  /** Runs `testCase`, the run's case at `index`, in a private network made with open(), after those submitted before it. */
  submit(testCase: Case, index: number): Promise<CaseResult> {
    const result = this.await(testCase, index);
    if (this.unusable !== undefined) this.settle(index, this.unusable(testCase));
    else this.child?.stdin?.write(`${JSON.stringify({ id: testCase.id, index } satisfies PrivateCaseRequest)}\n`);
    return result;
  }

  /** No case follows: the runner ends after those it has. */
  endOfCases(): void {
    this.child?.stdin?.end();
  }

  /** The result of the private case at `index`, when it comes. */
  result(index: number): Promise<CaseResult> {
    const result = this.results.get(index);
    if (result === undefined) throw new Error(`case ${index} is not a private case of this run`);
    return result;
  }

  /** Ends the namespace runner (a stopped run); cases it had not finished are left unreported. */
  async stop(): Promise<void> {
    this.child?.kill('SIGKILL');
    await this.close();
  }

  /** Lets the runner end after its cases, killing it if it has not within CLOSE_BOUND_MS. */
  async close(): Promise<void> {
    this.endOfCases();
    if (this.child !== undefined) await exitWithin(this.child, CLOSE_BOUND_MS);
    this.disarm();
    this.canary?.close();
  }

  /** The result of the case at `index`, to come. */
  private await(testCase: Case, index: number): Promise<CaseResult> {
    const result = new Promise<CaseResult>((resolve) => this.pending.set(index, { testCase, resolve }));
    this.results.set(index, result);
    return result;
  }

  /** Launches the runner with the cases given, or, with none, to read them from its stdin; or settles why it cannot. */
  private async begin(cases: PrivateNetworkJob['cases']): Promise<void> {
    const missing = privateNetworkMeansMissing();
    if (missing === undefined) await this.launch(cases);
    else this.becomeUnusable((testCase) => this.skipped(testCase, missing));
  }

  private async launch(cases: PrivateNetworkJob['cases']): Promise<void> {
    // Anything reaching this from the namespace means the isolation does not hold.
    this.canary = await openCanaryListener();
    const { logFd, deviations: _deviations, onCaseStarted: _onCaseStarted, ...rest } = this.options;
    const job: PrivateNetworkJob = { ...rest, ...(cases === undefined ? {} : { cases }), canaryPort: this.canary.port };
    // A mount namespace too: the provider may mount there what keeps it apart from other runs (a private Wine prefix).
    const [command, ...args] = diesWithRunner([UNSHARE, '--net', '--mount', '--', process.execPath, RUNNER]);
    this.child = spawn(command ?? UNSHARE, args, { env: { ...process.env, [JOB_VARIABLE]: JSON.stringify(job) }, stdio: [cases === undefined ? 'pipe' : 'ignore', 'pipe', logFd] });
    // A runner that ended (the network unavailable, or dead) leaves its stdin broken; its report or exit says why.
    this.child.stdin?.on('error', () => undefined);
    createInterface({ input: this.child.stdout as NonNullable<ChildProcess['stdout']> }).on('line', (line) => this.receive(line));
    this.child.once('exit', (code, signal) => {
      const how = signal === null ? `exited with status ${String(code)}` : `was killed by ${signal}`;
      this.becomeUnusable((testCase) => this.errored(testCase, `the private network's runner ${how} before this case ran (its output is in provider.log)`));
    });
    this.preparation = unrefTimeout(PREPARATION_BOUND_MS, () =>
      this.abandon(`the private network was not ready within ${PREPARATION_BOUND_MS} ms (preparing its provider, proving its isolation); its runner was ended (see provider.log and provider-private.log)`),
    );
  }

  private receive(line: string): void {
    let report: PrivateNetworkReport;
    try {
      report = JSON.parse(line) as PrivateNetworkReport;
    } catch {
      return;
    }
    if (report.type !== 'result') clearTimeout(this.preparation);
    if (report.type === 'unavailable') this.becomeUnusable((testCase) => this.skipped(testCase, report.reason));
    if (report.type === 'started') {
      this.armDeadline(report.index);
      this.options.onCaseStarted?.(report.index);
    }
    if (report.type !== 'result') return;
    const testCase = this.pending.get(report.index)?.testCase;
    // Anything that reached the outer canary voids what ran in there.
    const breach = this.canary?.reached === true && testCase !== undefined;
    this.settle(report.index, breach ? this.skipped(testCase, 'isolation not proven: the canary listener outside the namespace was reached') : report.result);
  }

  /** The case at `index` has begun in the runner: past the most it can take, the runner is stuck. */
  private armDeadline(index: number): void {
    const pending = this.pending.get(index);
    if (pending === undefined) return;
    const boundMs = WORKER_START_BOUND_MS + pending.testCase.timeoutMs + CASE_CLEAN_UP_BOUND_MS;
    const overdue = pending.testCase.id;
    pending.deadline = unrefTimeout(boundMs, () =>
      this.abandon(`the private network's runner did not finish ${overdue} within ${boundMs} ms (its worker's start, its limit, its clean-up); the runner was ended (see provider.log and provider-private.log)`),
    );
  }

  /** The runner is stuck: it is killed, and every case it has not finished is ERROR with `detail`. */
  private abandon(detail: string): void {
    this.becomeUnusable((testCase) => this.errored(testCase, detail));
    this.child?.kill('SIGKILL');
  }

  private settle(index: number, result: CaseResult): void {
    const pending = this.pending.get(index);
    clearTimeout(pending?.deadline);
    pending?.resolve(result);
    this.pending.delete(index);
  }

  /** Settles the waiting cases, and every later one, with `resultOf`; the first cause is the one that counts. */
  private becomeUnusable(resultOf: (testCase: Case) => CaseResult): void {
    this.unusable ??= resultOf;
    this.disarm();
    for (const [index, { testCase }] of this.pending) this.settle(index, this.unusable(testCase));
  }

  /** No bound is watched any more: every case is settled, or the runner is gone. */
  private disarm(): void {
    clearTimeout(this.preparation);
    for (const pending of this.pending.values()) clearTimeout(pending.deadline);
  }

  private skipped(testCase: Case, reason: string): CaseResult {
    return unrunResult(testCase, this.context(testCase), { kind: 'skip', reason: `needs the private network: ${reason}` });
  }

  private errored(testCase: Case, detail: string): CaseResult {
    return unrunResult(testCase, this.context(testCase), { kind: 'error', detail });
  }

  private context(testCase: Case) {
    return {
      providerName: this.options.provider,
      file: testCase.location.file,
      deviations: this.options.deviations.filter((deviation) => deviation.case === testCase.id),
    };
  }
}

/** A timer that does not keep the process alive by itself: it guards a wait that does. */
function unrefTimeout(ms: number, fire: () => void): NodeJS.Timeout {
  return setTimeout(fire, ms).unref();
}
