/**
 * The matrix and the atlas of 4 runs of 2,000 cases, written to a folder: what
 * the browser tests open to check a large picture whole, and what
 * `npm run bench:report` times opening.
 */
import { pathToFileURL } from 'node:url';

import { documentedOutcomes, type Case } from '../../harness/language/cases/case.js';
import type { RecordedRun } from '../../harness/judging/results/recorded-run.js';
import type { CaseResult, RunInfo, Verdict } from '../../harness/judging/results/result.js';
import { buildAtlas } from '../../harness/uses/atlas/build.js';
import { buildMatrix } from '../../harness/uses/matrix/build.js';
import { ATLAS_HTML, writeAtlasPage } from '../../reporters/atlas-page.js';
import { MATRIX_HTML, writeMatrix } from '../../reporters/matrix-page.js';
import { loadSpecPages, loadSuiteKnowledge } from '../../cli/suite-knowledge.js';
import { SYNTHETIC_RUN, syntheticResults } from './synthetic-results.js';

export const LARGE_CASE_COUNT = 2000;

const VERDICTS: readonly Verdict[] = ['PASS', 'PASS', 'KNOWN', 'PASS', 'SKIP', 'PASS', 'FAIL'];
/** The providers of the atlas's 4 runs. */
export const FOUR_PROVIDERS = ['wine', 'posix', 'native', 'wine-devel'];

/** A run of `cases` with a verdict each (a pattern shifted per run), the first documented step observed. */
export function runOf(provider: string, shift: number, cases: readonly Case[], base: RunInfo = SYNTHETIC_RUN): RecordedRun {
  const results = cases.map((testCase, index): CaseResult => {
    const verdict = VERDICTS[(index + shift) % VERDICTS.length] ?? 'PASS';
    const step = testCase.steps.find((candidate) => documentedOutcomes(candidate) !== undefined);
    const checks =
      verdict === 'SKIP' || step === undefined
        ? []
        : [{ stepId: step.id, call: step.call, args: {}, kind: 'documented' as const, expected: [], observed: { returns: 0 }, passed: verdict === 'PASS', differingKeys: [], durationMs: 1, explainsVerdict: false }];
    return { id: testCase.id, title: testCase.title, file: testCase.location.file, line: testCase.location.line, clauses: testCase.clauses, tags: [], provider, verdict, message: 'm', checks, durationMs: 1, startedAt: base.startedAt };
  });
  return { run: { ...base, provider, providerVersion: `${provider} 1.0`, startedAt: `2024-05-0${shift + 1}T12:00:00.000Z` }, cases: results };
}

/** The atlas of `cases` with 4 runs of them, written to `dir`; its file: URL. */
export function writeAtlasOf(dir: string, cases: readonly Case[], base: RunInfo = SYNTHETIC_RUN): string {
  const knowledge = loadSuiteKnowledge();
  const runs = FOUR_PROVIDERS.map((provider, shift) => runOf(provider, shift, cases, base));
  writeAtlasPage(dir, buildAtlas(loadSpecPages(), cases, runs, knowledge.references, knowledge.errata));
  return pathToFileURL(`${dir}/${ATLAS_HTML}`).href;
}

/** The suite's cases, copied under new ids until there are `count`, each citing what its original cites. */
export function suiteCasesCopiedTo(count: number): Case[] {
  const { cases } = loadSuiteKnowledge();
  return Array.from({ length: count }, (_, index): Case => {
    const original = cases[index % cases.length] as Case;
    return { ...original, id: `${original.id}.copy-${Math.floor(index / cases.length)}` };
  });
}

/** A merge of 4 runs of `count` synthetic cases (Wine twice, red; POSIX twice, green), written to `dir`; its file: URL. */
export function writeLargeMatrix(dir: string, count: number = LARGE_CASE_COUNT): string {
  const red = syntheticResults(count);
  const green = syntheticResults(count, { green: true });
  // Each run of a provider skips a case of its own in 50, so that no two runs share a column.
  const skipping = (cases: readonly CaseResult[], which: number) =>
    cases.map((result, index): CaseResult => (index % 50 === which ? { ...result, verdict: 'SKIP', checks: [], message: 'skipped' } : result));
  const posix = { ...SYNTHETIC_RUN, provider: 'posix', providerVersion: 'Linux 6.1.0, glibc 2.36' };
  const runs: RecordedRun[] = [
    { run: SYNTHETIC_RUN, cases: skipping(red, 0) },
    { run: { ...SYNTHETIC_RUN, startedAt: '2024-05-02T12:00:00.000Z' }, cases: skipping(red, 1) },
    { run: posix, cases: skipping(green, 2) },
    { run: { ...posix, startedAt: '2024-05-03T12:00:00.000Z' }, cases: skipping(green, 3) },
  ];
  writeMatrix(dir, buildMatrix(runs, new Map(), []));
  return pathToFileURL(`${dir}/${MATRIX_HTML}`).href;
}
