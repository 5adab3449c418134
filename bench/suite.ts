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
 *   npm run bench -- [--runs 5] [--provider wine,posix] [--jobs N] [--json]
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../harness/paths.js';
import { createProvider } from '../harness/providers/registry.js';
import type { Provider } from '../harness/providers/provider.js';
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
  readonly caseMs: ReadonlyMap<string, number>;
}

function runOnce(provider: string, outDir: string, extra: readonly string[]): RunFigures {
  const started = performance.now();
  const run = spawnSync(process.execPath, [CLI, 'run', '--provider', provider, '--out', outDir, '--reporter', 'console', ...extra], { encoding: 'utf8' });
  const wallMs = performance.now() - started;
  if (run.status !== 0) throw new Error(`run --provider ${provider} exited with ${String(run.status)}:\n${run.stderr}`);
  const { cases } = readResults(join(outDir, 'results.jsonl'));
  // The worker times each provider call; what the harness observes on peers is its own time, not the stack's.
  const callsMs = cases.flatMap((result) => result.checks).filter((check) => !check.call.includes('.')).reduce((sum, check) => sum + check.durationMs, 0);
  return { wallMs, callsMs, caseMs: new Map(cases.map((result) => [result.id, result.durationMs])) };
}

async function measure(providerName: string, runs: number, scratch: string, extra: readonly string[]): Promise<ProviderFigures> {
  const provider = createProvider(providerName);
  if (provider === undefined) throw new Error(`unknown provider ${providerName}`);
  await provider.prepare(() => undefined);
  const emptyScript = join(scratch, 'empty.js');
  writeFileSync(emptyScript, '');
  const colds: number[] = [];
  const figures: RunFigures[] = [];
  for (let index = 0; index < runs; index++) {
    colds.push(await coldStart(provider, emptyScript));
    figures.push(runOnce(providerName, join(scratch, `${providerName}-${index}`), extra));
  }
  const ids = [...(figures[0]?.caseMs.keys() ?? [])];
  const caseMedians = ids.map((id) => ({ id, ms: median(figures.map((run) => run.caseMs.get(id) ?? 0)) }));
  const wallMs = median(figures.map((run) => run.wallMs));
  const coldStartMs = median(colds);
  const callsMs = median(figures.map((run) => run.callsMs));
  const floorMs = coldStartMs + callsMs;
  return {
    provider: providerName,
    runs,
    cases: ids.length,
    wallMs,
    coldStartMs,
    callsMs,
    floorMs,
    ratio: wallMs / floorMs,
    overheadPerCaseMs: (wallMs - floorMs) / Math.max(ids.length, 1),
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
      `  overhead    ${figures.overheadPerCaseMs.toFixed(1)} ms per case`,
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
const scratch = mkdtempSync(join(tmpdir(), 'wsc-bench-'));
try {
  const all: ProviderFigures[] = [];
  for (const provider of (values.provider ?? '').split(',').filter(Boolean)) {
    const figures = await measure(provider, Number(values.runs), scratch, extra);
    all.push(figures);
    if (!values.json) print(figures);
  }
  if (values.json) process.stdout.write(`${JSON.stringify(all, null, 2)}\n`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
