/**
 * `npm run bench`: how close a full run of the suite comes to the cost of
 * its own socket calls, per provider. For each provider, over several runs
 * (median):
 *   wall    the whole `winsock-conformance run`, process start to exit;
 *   floor   a cold start of the provider's Node with nothing to do, plus the
 *           sum of the cases' own call times as measured inside the worker;
 *   ratio   wall / floor;
 * and the five slowest cases and the harness's overhead per case.
 *
 * The floor adds every call's time, as if the cases ran one after another.
 * They do not: cases run on --jobs lanes, and the private-network cases (whose
 * connects wait out shortened time-outs) run beside them on lanes of their
 * own. So a second figure, the path floor, is the least wall time that way of
 * running allows: a cold start plus the longer of the loopback cases' calls
 * spread over the jobs and the private cases' calls spread over their lanes
 * (never less than the longest of them). Its ratio is what the harness costs.
 *
 *   npm run bench -- [--runs 5] [--provider wine,posix] [--jobs N] [--json]
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCaseSet } from '../harness/language/cases/case-set.js';
import { findCaseFiles } from '../harness/language/cases/load.js';
import { PRIVATE_NETWORK_LANES } from '../harness/run/private-network/private-network.js';
import { CASES_DIR, PROJECT_ROOT } from '../harness/common/project-paths.js';
import { createProvider } from '../harness/stacks/providers/registry.js';
import type { Provider } from '../harness/stacks/providers/provider.js';
import type { CaseResult } from '../harness/judging/results/result.js';
import { defaultJobs } from '../harness/run/runner/lanes.js';
import { readResults } from '../reporters/results-jsonl.js';

const CLI = join(PROJECT_ROOT, 'dist', 'cli', 'main.js');

interface ProviderFigures {
  readonly provider: string;
  readonly runs: number;
  readonly cases: number;
  readonly wallMs: number;
  readonly coldStartMs: number;
  readonly callsMs: number;
  readonly floorMs: number;
  readonly ratio: number;
  readonly pathFloorMs: number;
  readonly pathRatio: number;
  readonly overheadPerCaseMs: number;
  readonly slowest: readonly { readonly id: string; readonly ms: number }[];
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Milliseconds from spawning the provider's Node on an empty script until it exits. */
async function coldStart(provider: Provider, emptyScript: string): Promise<number> {
  const command = provider.workerCommand(emptyScript, []);
  const started = performance.now();
  const child = spawn(command.command, command.args, { env: { ...process.env, ...command.env }, stdio: 'ignore' });
  await new Promise((resolve) => child.once('exit', resolve));
  return performance.now() - started;
}

interface RunFigures {
  readonly wallMs: number;
  readonly callsMs: number;
  /** The path floor without the cold start: see the head of this file. */
  readonly pathCallsMs: number;
  readonly caseMs: ReadonlyMap<string, number>;
}

/** Whose calls share which lanes: the case set's private-network cases, and the jobs the loopback cases run on. */
interface Lanes {
  readonly privateCases: ReadonlySet<string>;
  readonly jobs: number;
}

function lanesOf(jobs: number): Lanes {
  const { cases } = loadCaseSet(findCaseFiles(CASES_DIR), PROJECT_ROOT);
  return { privateCases: new Set(cases.filter((testCase) => testCase.network === 'private').map((testCase) => testCase.id)), jobs };
}

/** The time a case spent in provider calls, as the worker measured them (peers' work is the harness's own). */
function callTime(result: CaseResult): number {
  return result.checks.filter((check) => !check.call.includes('.')).reduce((sum, check) => sum + check.durationMs, 0);
}

/** Calls spread over lanes: never less than the longest case's, nor than their sum shared evenly. */
function spread(times: readonly number[], lanes: number): number {
  const total = times.reduce((sum, time) => sum + time, 0);
  return Math.max(total / lanes, ...times, 0);
}

function runOnce(provider: string, outDir: string, extra: readonly string[], lanes: Lanes): RunFigures {
  const started = performance.now();
  const run = spawnSync(process.execPath, [CLI, 'run', '--provider', provider, '--out', outDir, '--reporter', 'console', ...extra], { encoding: 'utf8' });
  const wallMs = performance.now() - started;
  if (run.status !== 0) throw new Error(`run --provider ${provider} exited with ${String(run.status)}:\n${run.stderr}`);
  const { cases } = readResults(join(outDir, 'results.jsonl'));
  const times = (inPrivate: boolean) => cases.filter((result) => lanes.privateCases.has(result.id) === inPrivate).map(callTime);
  const callsMs = cases.map(callTime).reduce((sum, time) => sum + time, 0);
  const pathCallsMs = Math.max(spread(times(false), lanes.jobs), spread(times(true), PRIVATE_NETWORK_LANES));
  return { wallMs, callsMs, pathCallsMs, caseMs: new Map(cases.map((result) => [result.id, result.durationMs])) };
}

async function measure(providerName: string, runs: number, scratch: string, extra: readonly string[], lanes: Lanes): Promise<ProviderFigures> {
  const provider = createProvider(providerName);
  if (provider === undefined) throw new Error(`unknown provider ${providerName}`);
  await provider.prepare(() => undefined);
  const emptyScript = join(scratch, 'empty.js');
  writeFileSync(emptyScript, '');
  const colds: number[] = [];
  const figures: RunFigures[] = [];
  for (let index = 0; index < runs; index++) {
    colds.push(await coldStart(provider, emptyScript));
    figures.push(runOnce(providerName, join(scratch, `${providerName}-${index}`), extra, lanes));
  }
  const ids = [...(figures[0]?.caseMs.keys() ?? [])];
  const caseMedians = ids.map((id) => ({ id, ms: median(figures.map((run) => run.caseMs.get(id) ?? 0)) }));
  const wallMs = median(figures.map((run) => run.wallMs));
  const coldStartMs = median(colds);
  const callsMs = median(figures.map((run) => run.callsMs));
  const floorMs = coldStartMs + callsMs;
  const pathFloorMs = coldStartMs + median(figures.map((run) => run.pathCallsMs));
  return {
    provider: providerName,
    runs,
    cases: ids.length,
    wallMs,
    coldStartMs,
    callsMs,
    floorMs,
    ratio: wallMs / floorMs,
    pathFloorMs,
    pathRatio: wallMs / pathFloorMs,
    overheadPerCaseMs: (wallMs - pathFloorMs) / Math.max(ids.length, 1),
    slowest: caseMedians.sort((a, b) => b.ms - a.ms).slice(0, 5),
  };
}

function print(figures: ProviderFigures): void {
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  process.stdout.write(
    [
      `${figures.provider}: ${figures.cases} cases, median of ${figures.runs} runs`,
      `  wall        ${ms(figures.wallMs)}`,
      `  floor       ${ms(figures.floorMs)} (cold start ${ms(figures.coldStartMs)} + calls ${ms(figures.callsMs)})`,
      `  ratio       ${figures.ratio.toFixed(2)}× the floor`,
      `  path floor  ${ms(figures.pathFloorMs)} (the calls as the run's lanes can overlap them)`,
      `  path ratio  ${figures.pathRatio.toFixed(2)}× the path floor`,
      `  overhead    ${figures.overheadPerCaseMs.toFixed(1)} ms per case over the path floor`,
      `  slowest     ${figures.slowest.map((entry) => `${entry.id} ${ms(entry.ms)}`).join(', ')}`,
      '',
    ].join('\n'),
  );
}

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    provider: { type: 'string', default: 'wine,posix' },
    jobs: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});
const extra = values.jobs === undefined ? [] : ['--jobs', values.jobs];
const lanes = lanesOf(values.jobs === undefined ? defaultJobs() : Number(values.jobs));
const scratch = mkdtempSync(join(tmpdir(), 'wsc-bench-'));
try {
  const all: ProviderFigures[] = [];
  for (const provider of (values.provider ?? '').split(',').filter(Boolean)) {
    const figures = await measure(provider, Number(values.runs), scratch, extra, lanes);
    all.push(figures);
    if (!values.json) print(figures);
  }
  if (values.json) process.stdout.write(`${JSON.stringify(all, null, 2)}\n`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
