/**
 * A whole run: load and check the cases and the provider's expectations,
 * claim the output folder, prepare the provider, run the selected cases one
 * after another, and feed every reporter. A case that hangs or crashes ends
 * as TIMEOUT or CRASH and the run goes on with a fresh provider process. A
 * run that is stopped (SIGINT, SIGTERM) ends its reports with the cases that
 * finished, marked incomplete.
 */
import { closeSync, openSync } from 'node:fs';
import { hostname, release } from 'node:os';
import { join } from 'node:path';
import type { Case } from '../cases/case.js';
import { ProviderUnavailable, type Provider } from '../providers/provider.js';
import { messageOf } from '../message-of.js';
import { judgeAgainst, type JudgedInputs } from '../references/standard.js';
import { fingerprint } from '../results/fingerprint.js';
import type { CaseResult, RunInfo, RunSummary, Standard } from '../results/result.js';
import { summarize } from '../results/summary.js';
import { executeCase } from './execute-case.js';
import { loadSuiteInputs, type SuiteInputs } from './inputs.js';
import { claimOutDir } from './out-dir.js';
import type { Reporter } from './reporter.js';
import { selectCases, type CaseFilter } from './select-cases.js';
import { ProviderSession } from './session.js';

export { BadInput } from './inputs.js';
export { UnusablePath } from './unusable-path.js';

/** The filters select no case: most likely a typo, and a run of nothing must not pass as green. */
export class NothingSelected extends Error {}

/** Why a run was stopped before its end: the signal's name. */
export class RunStopped extends Error {
  constructor(readonly signal: string) {
    super(`interrupted by ${signal}`);
  }
}

export interface SuiteOptions {
  readonly provider: Provider;
  readonly filter: CaseFilter;
  readonly outDir: string;
  readonly root: string;
  readonly casesDir: string;
  readonly expectationsDir: string;
  /** Whether `<provider>.yaml` must exist in expectationsDir (it was named on purpose), or may be missing. */
  readonly expectationsRequired: boolean;
  /** Whether the expectations were written for this case set (see InputOptions). */
  readonly expectationsMatchCases: boolean;
  /** The Windows references (references/windows.yaml), and whether they were written for this case set (see InputOptions). */
  readonly referencesFile?: string;
  readonly referencesMatchCases?: boolean;
  /** What documented steps are judged against (harness/references/standard.ts); default `docs`. */
  readonly against?: Standard;
  readonly workerScript: string;
  readonly harnessVersion: string;
  readonly reporters: readonly Reporter[];
  readonly log: (line: string) => void;
  /** Aborted (with a RunStopped) to end the run early; the case in progress is dropped. */
  readonly stop?: AbortSignal;
}

export async function runSuite(options: SuiteOptions): Promise<RunSummary> {
  const started = performance.now();
  const inputs = loadSuiteInputs(options);
  const { cases } = inputs;
  const judged = judgeAgainst(options.against ?? 'docs', cases, inputs.deviations, inputs.references);
  const selected = selectCases(judged.cases, options.filter);
  if (selected.length === 0) {
    const { grep, tags } = options.filter;
    const filters = [grep === undefined ? '' : `--grep ${grep}`, ...tags.map((tag) => `--tag ${tag}`)].filter(Boolean).join(' ');
    throw new NothingSelected(`no case matches ${filters || 'the selection'} (${cases.length} cases loaded)`);
  }
  const release = await claimOutDir(options.outDir);
  try {
    options.log(`preparing the ${options.provider.name} provider…`);
    await options.provider.prepare(options.log);
    return await runPrepared(options, selected, { inputs, judged }, started);
  } finally {
    await release();
  }
}

/** What the run reads, as loaded and as judged (by the page, or by Windows where it has a reference). */
interface Judging {
  readonly inputs: SuiteInputs;
  readonly judged: JudgedInputs;
}

async function runPrepared(options: SuiteOptions, selected: readonly Case[], judging: Judging, started: number): Promise<RunSummary> {
  const logFile = join(options.outDir, 'provider.log');
  const logFd = openSync(logFile, 'w');
  const session = new ProviderSession(options.provider, options.workerScript, logFd);
  try {
    const info = await session.info().catch((error: unknown) => {
      throw new ProviderUnavailable(`the ${options.provider.name} provider did not start: ${messageOf(error)} (its output is in ${logFile})`);
    });
    const run: RunInfo = {
      provider: options.provider.name,
      providerVersion: info.version,
      stack: info.stack ?? { kind: 'unknown' },
      providerNode: info.nodeVersion,
      ...(info.koffiVersion === undefined ? {} : { providerKoffi: info.koffiVersion }),
      harnessVersion: options.harnessVersion,
      host: hostname(),
      platform: `${process.platform} ${process.arch} ${release()}`,
      startedAt: new Date().toISOString(),
      filters: { ...(options.filter.grep === undefined ? {} : { grep: options.filter.grep }), tags: options.filter.tags },
      caseSet: fingerprint(judging.inputs.cases),
      expectations: fingerprint(judging.inputs.deviations),
      references: fingerprint(judging.inputs.references),
      judgedAgainst: options.against ?? 'docs',
    };
    for (const reporter of options.reporters) await reporter.start(run, selected.length);
    const results = await runCases(options, selected, judging.judged, session);
    const stopped = options.stop?.aborted === true ? stopReason(options.stop) : undefined;
    const incomplete = stopped === undefined ? undefined : `${stopped} after ${results.length} of ${selected.length} cases`;
    const summary = summarize(results, performance.now() - started, incomplete);
    for (const reporter of options.reporters) await reporter.end(summary);
    return summary;
  } finally {
    // A stopped run does not wait for a worker that may be stuck in a call.
    if (options.stop?.aborted === true) await session.discard();
    else await session.close();
    closeSync(logFd);
  }
}

async function runCases(options: SuiteOptions, selected: readonly Case[], judged: JudgedInputs, session: ProviderSession): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const [index, testCase] of selected.entries()) {
    if (isStopped(options.stop)) break;
    for (const reporter of options.reporters) reporter.caseStarted?.({ id: testCase.id, title: testCase.title, index, total: selected.length });
    const result = judged.annotate(await executeCase(testCase, {
      session,
      providerName: options.provider.name,
      binding: options.provider.binding,
      deviations: judged.deviations.filter((deviation) => deviation.case === testCase.id),
      file: testCase.location.file,
      ...(options.stop === undefined ? {} : { stop: options.stop }),
    }));
    // The case the stop cut short has no honest verdict: it is not reported.
    if (isStopped(options.stop)) break;
    results.push(result);
    for (const reporter of options.reporters) await reporter.caseFinished(result);
  }
  return results;
}

function isStopped(stop: AbortSignal | undefined): boolean {
  return stop?.aborted === true;
}

function stopReason(stop: AbortSignal): string {
  return stop.reason instanceof RunStopped ? stop.reason.message : 'interrupted';
}
