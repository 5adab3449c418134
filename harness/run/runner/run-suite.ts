/**
 * A whole run: load and check the cases and the provider's expectations,
 * claim the output folder, prepare the provider, run the selected cases one
 * after another, and feed every reporter. A case that hangs or crashes ends
 * as TIMEOUT or CRASH and the run goes on with a fresh provider process. A
 * run that is stopped (SIGINT, SIGTERM) ends its reports with the cases that
 * finished, marked incomplete; so does a run that cannot write one of its
 * files (a full disk), which then throws OutputNotWritten once it has ended.
 */
import { closeSync, openSync } from 'node:fs';
import { hostname, release } from 'node:os';
import { basename, join } from 'node:path';
import { runsInPrivateNetwork, type Case } from '../../language/cases/case.js';
import type { Deviation } from '../../judging/expectations/deviation.js';
import { notWritten, OutputNotWritten } from '../../common/files/output-not-written.js';
import { ProviderUnavailable, type ProviderBuild } from '../../stacks/providers/provider.js';
import { messageOf } from '../../common/message-of.js';
import { projectRelative } from '../../language/yaml/project-path.js';
import { holdsFor } from '../../judging/expectations/deviation.js';
import { judgeAgainst, type JudgedInputs } from '../../judging/windows-reference/standard.js';
import { fingerprint } from '../../judging/results/fingerprint.js';
import type { RunInfo, RunSummary, Standard } from '../../judging/results/result.js';
import { summarize } from '../../judging/results/summary.js';
import { inputFoldersOf, loadSuiteInputs, type InputOptions, type SuiteInputs } from './inputs.js';
import { claimOutDir } from './out-dir.js';
import type { CaseHeader, Reporter } from './reporter.js';
import { RunReporters } from './run-reporters.js';
import { selectCases, type CaseFilter } from './select-cases.js';
import { PrivateNetworkRun } from '../private-network/private-run.js';
import { runInLanes, type LaneWork } from './lanes.js';
import { runCase } from './run-case.js';
import { ProviderSession } from './session.js';
import { WORKER_START_BOUND_MS, WorkerSpawner } from './worker-spawner.js';

export { BadInput } from './inputs.js';
export { UnusablePath } from '../../common/files/unusable-path.js';

/** The filters select no case: most likely a typo, and a run of nothing must not pass as green. */
export class NothingSelected extends Error {}

/** Why a run was stopped before its end: the signal's name. */
export class RunStopped extends Error {
  constructor(readonly signal: string) {
    super(`interrupted by ${signal}`);
  }
}

export interface SuiteOptions extends InputOptions {
  readonly filter: CaseFilter;
  readonly outDir: string;
  readonly workerScript: string;
  readonly harnessVersion: string;
  readonly reporters: readonly Reporter[];
  readonly log: (line: string) => void;
  /** Aborted (with a RunStopped) to end the run early; the case in progress is dropped. */
  readonly stop?: AbortSignal;
  /** How many cases may run at once, each on its own worker (default 1). */
  readonly jobs?: number;
  /** What documented steps are judged against (harness/judging/windows-reference/standard.ts); default `docs`. */
  readonly against?: Standard;
}

export async function runSuite(options: SuiteOptions): Promise<RunSummary> {
  const started = performance.now();
  const inputs = loadSuiteInputs(options);
  const { cases } = inputs;
  if (selectCases(cases, options.filter).length === 0) {
    const { grep, tags } = options.filter;
    const filters = [grep === undefined ? '' : `--grep ${grep}`, ...tags.map((tag) => `--tag ${tag}`)].filter(Boolean).join(' ');
    throw new NothingSelected(`no case matches ${filters || 'the selection'} (${cases.length} cases loaded)`);
  }
  const release = await claimOutDir(options.outDir);
  try {
    options.log(`preparing the ${options.provider.name} provider…`);
    const build = await options.provider.prepare(options.log);
    // Deviations listed for other versions of the provider do not hold for this run: their steps are judged by the page.
    const judged = judgeAgainst(options.against ?? 'docs', cases, inputs.deviations.filter((deviation) => holdsFor(deviation, build?.version)), inputs.references);
    const selected = selectCases(judged.cases, options.filter);
    // A file the run cannot write halts it as a stop would, and is the run's outcome once it has ended.
    const halt = new AbortController();
    const stop = options.stop === undefined ? halt.signal : AbortSignal.any([options.stop, halt.signal]);
    const reporters = new RunReporters(options.reporters, (failure) => halt.abort(failure));
    const summary = await runPrepared({ ...options, stop }, reporters, selected, { inputs, judged }, started, build);
    reporters.throwIfFailed();
    return summary;
  } finally {
    await release();
  }
}

/** What the run reads, as loaded and as judged (by the page, or by Windows where it has a reference). */
interface Judging {
  readonly inputs: SuiteInputs;
  readonly judged: JudgedInputs;
}

async function runPrepared(options: SuiteOptions, reporters: RunReporters, selected: readonly Case[], judging: Judging, started: number, build: ProviderBuild | undefined): Promise<RunSummary> {
  const logFile = join(options.outDir, 'provider.log');
  // Read back too: a case that crashes or hangs the provider carries what it wrote (log-excerpt.ts).
  const logFd = openLog(logFile);
  const spawner = new WorkerSpawner({
    provider: options.provider,
    workerScript: options.workerScript,
    logFd,
    startTimeoutMs: WORKER_START_BOUND_MS,
    onLogWriteFailure: (error) => reporters.fail(notWritten(logFile, error)),
  });
  const lanes = Math.max(1, Math.min(options.jobs ?? 1, selected.length));
  const sessions = Array.from({ length: lanes }, () => new ProviderSession(spawner));
  let privateRun: PrivateNetworkRun | undefined;
  try {
    const [first] = sessions;
    const info = await (first as ProviderSession).info().catch((error: unknown) => {
      // The path first: the message may end in the lines the worker printed (start-failure.ts).
      throw new ProviderUnavailable(`the ${options.provider.name} provider did not start (its output is in ${logFile}): ${messageOf(error)}`);
    });
    const run: RunInfo = {
      provider: options.provider.name,
      providerVersion: info.version,
      ...(build === undefined ? {} : { providerBuild: build }),
      stack: info.stack ?? { kind: 'unknown' },
      providerNode: info.nodeVersion,
      ...(info.koffiVersion === undefined ? {} : { providerKoffi: info.koffiVersion }),
      harnessVersion: options.harnessVersion,
      host: hostname(),
      platform: `${process.platform} ${process.arch} ${release()}`,
      startedAt: new Date().toISOString(),
      casesDir: projectRelative(options.casesDir, options.root),
      filters: { ...(options.filter.grep === undefined ? {} : { grep: options.filter.grep }), tags: options.filter.tags },
      caseSet: fingerprint(judging.inputs.cases),
      expectations: fingerprint(judging.inputs.deviations),
      references: fingerprint(judging.inputs.references),
      judgedAgainst: options.against ?? 'docs',
    };
    await reporters.start(run, selected.length);
    privateRun = await startPrivateRun(options, selected, judging.judged.deviations, logFd, (index) => reporters.caseStarted(headerOf(selected, index)));
    const results = await runInLanes(selected, sessions, caseWork(options, reporters, selected, judging.judged, logFd, privateRun));
    const stopped = isStopped(options.stop) ? stopReason(options.stop) : undefined;
    const incomplete = stopped === undefined ? undefined : `${stopped} after ${results.length} of ${selected.length} cases`;
    const summary = summarize(results, performance.now() - started, incomplete);
    await reporters.end(summary);
    return summary;
  } finally {
    // A stopped run does not wait for a worker that may be stuck in a call.
    await (isStopped(options.stop) ? privateRun?.stop() : privateRun?.close());
    await Promise.all(sessions.map((session) => (isStopped(options.stop) ? session.discard() : session.close())));
    await spawner.close();
    closeSync(logFd);
  }
}

/** The run's private network, started once for all its private cases (none: no namespace at all). */
async function startPrivateRun(
  options: SuiteOptions,
  selected: readonly Case[],
  deviations: readonly Deviation[],
  logFd: number,
  onCaseStarted: (index: number) => void,
): Promise<PrivateNetworkRun | undefined> {
  const cases = selected.flatMap((testCase, index) => (runsInPrivateNetwork(testCase) ? [{ testCase, index }] : []));
  if (cases.length === 0) return undefined;
  return PrivateNetworkRun.start(cases, {
    ...inputFoldersOf(options),
    provider: options.provider.name,
    ...(options.provider.settings === undefined ? {} : { providerSettings: options.provider.settings }),
    workerScript: options.workerScript,
    against: options.against ?? 'docs',
    logFile: join(options.outDir, 'provider-private.log'),
    logFd,
    deviations,
    onCaseStarted,
  });
}

/** What reporters are told of the run's case at `index` as it starts and ends. */
function headerOf(selected: readonly Case[], index: number): CaseHeader {
  const testCase = selected[index] as Case;
  return { id: testCase.id, title: testCase.title, index, total: selected.length };
}

/** How each case of the run is run and reported: the lanes call this. */
function caseWork(options: SuiteOptions, reporters: RunReporters, selected: readonly Case[], judged: JudgedInputs, logFd: number, privateRun: PrivateNetworkRun | undefined): LaneWork {
  return {
    elsewhere(testCase, index) {
      if (!runsInPrivateNetwork(testCase) || privateRun === undefined) return undefined;
      // A stop cuts the private runner short: what it had not finished is not reported.
      return privateRun.result(index).then((result) => {
        if (isStopped(options.stop)) return undefined;
        reporters.caseEnded(headerOf(selected, index));
        return result;
      });
    },
    async run(testCase, index, session) {
      reporters.caseStarted(headerOf(selected, index));
      const result = await runCase(testCase, { session, provider: options.provider, judged, logFd, ...(options.stop === undefined ? {} : { stop: options.stop }) });
      // The case the stop cut short has no honest verdict: it is not reported.
      if (isStopped(options.stop)) return undefined;
      reporters.caseEnded(headerOf(selected, index));
      return result;
    },
    async finished(result) {
      await reporters.caseFinished(result);
    },
    stopped: () => isStopped(options.stop),
  };
}

function isStopped(stop: AbortSignal | undefined): boolean {
  return stop?.aborted === true;
}

function stopReason(stop: AbortSignal | undefined): string {
  const reason: unknown = stop?.reason;
  if (reason instanceof RunStopped) return reason.message;
  if (reason instanceof OutputNotWritten) return `stopped because ${basename(reason.file)} could not be written${reason.code === undefined ? '' : ` (${reason.code})`}`;
  return 'interrupted';
}

/** The provider's log, made empty; a file system that refuses it ends the run before anything starts. */
function openLog(file: string): number {
  try {
    return openSync(file, 'w+');
  } catch (error) {
    throw notWritten(file, error);
  }
}
