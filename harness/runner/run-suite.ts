/**
 * A whole run: load and check the cases and the provider's expectations,
 * prepare the provider, run the selected cases one after another, and feed
 * every reporter. A case that hangs or crashes ends as TIMEOUT or CRASH and
 * the run goes on with a fresh provider process.
 */
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { CLAUSE_CATALOGUE_FILE } from '../clauses/clause.js';
import { loadClauseCatalogue } from '../clauses/load.js';
import { findCaseFiles, loadCases, type Problem } from '../cases/load.js';
import type { Deviation } from '../expectations/deviation.js';
import { checkDeviationsAgainstCases, loadExpectations } from '../expectations/load.js';
import { ProviderUnavailable, type Provider } from '../providers/provider.js';
import { messageOf } from '../message-of.js';
import { PROJECT_ROOT } from '../paths.js';
import type { CaseResult, RunInfo, RunSummary } from '../results/result.js';
import type { Reporter } from './reporter.js';
import { summarize } from '../results/summary.js';
import { executeCase } from './execute-case.js';
import { selectCases, type CaseFilter } from './select-cases.js';
import { ProviderSession } from './session.js';

/** Case files or expectations that cannot be used; nothing has run. */
export class BadInput extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(`${problems.length} problem(s) in the case or expectations files`);
  }
}

/** The filters select no case: most likely a typo, and a run of nothing must not pass as green. */
export class NothingSelected extends Error {}

export interface SuiteOptions {
  readonly provider: Provider;
  readonly filter: CaseFilter;
  readonly outDir: string;
  readonly root: string;
  readonly casesDir: string;
  readonly expectationsDir: string;
  readonly workerScript: string;
  readonly harnessVersion: string;
  readonly reporters: readonly Reporter[];
  readonly log: (line: string) => void;
}

export async function runSuite(options: SuiteOptions): Promise<RunSummary> {
  const { cases, deviations } = loadInputs(options);
  const selected = selectCases(cases, options.filter);
  if (selected.length === 0) {
    const { grep, tags } = options.filter;
    const filters = [grep === undefined ? '' : `--grep ${grep}`, ...tags.map((tag) => `--tag ${tag}`)].filter(Boolean).join(' ');
    throw new NothingSelected(`no case matches ${filters || 'the selection'} (${cases.length} cases loaded)`);
  }
  await options.provider.prepare(options.log);
  mkdirSync(options.outDir, { recursive: true });
  const logFile = join(options.outDir, 'provider.log');
  const logFd = openSync(logFile, 'w');
  const session = new ProviderSession(options.provider, options.workerScript, logFd);
  const started = performance.now();
  try {
    const info = await session.info().catch((error: unknown) => {
      throw new ProviderUnavailable(`the ${options.provider.name} provider did not start: ${messageOf(error)} (its output is in ${logFile})`);
    });
    const run: RunInfo = {
      provider: options.provider.name,
      providerVersion: info.version,
      harnessVersion: options.harnessVersion,
      host: hostname(),
      startedAt: new Date().toISOString(),
      filters: { ...(options.filter.grep === undefined ? {} : { grep: options.filter.grep }), tags: options.filter.tags },
    };
    for (const reporter of options.reporters) await reporter.start(run, selected.length);
    const results: CaseResult[] = [];
    for (const [index, testCase] of selected.entries()) {
      for (const reporter of options.reporters) reporter.caseStarted?.({ id: testCase.id, title: testCase.title, index, total: selected.length });
      const result = await executeCase(testCase, {
        session,
        providerName: options.provider.name,
        binding: options.provider.binding,
        deviations: deviations.filter((deviation) => deviation.case === testCase.id),
        file: testCase.location.file,
      });
      results.push(result);
      for (const reporter of options.reporters) await reporter.caseFinished(result);
    }
    const summary = summarize(results, performance.now() - started);
    for (const reporter of options.reporters) await reporter.end(summary);
    return summary;
  } finally {
    await session.close();
    closeSync(logFd);
  }
}

function loadInputs(options: SuiteOptions): { cases: ReturnType<typeof loadCases>['cases']; deviations: Deviation[] } {
  // The catalogue is the harness's own, whatever cases a run loads.
  const clauses = loadClauseCatalogue(CLAUSE_CATALOGUE_FILE, PROJECT_ROOT);
  const { cases, problems } = loadCases(findCaseFiles(options.casesDir), options.root, clauses.catalogue);
  const expectationsFile = join(options.expectationsDir, `${options.provider.name}.yaml`);
  const expectations = loadExpectations(expectationsFile, options.root);
  const all = [...clauses.problems, ...problems, ...expectations.problems, ...checkDeviationsAgainstCases(expectations.deviations, cases)];
  if (all.length > 0) throw new BadInput(all);
  return { cases, deviations: expectations.deviations };
}
