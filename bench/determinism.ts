/**
 * `npm run determinism`: runs the suite several times and lists every case
 * whose verdict or observations changed between runs — a flaky verdict is
 * worse than none. What legitimately differs from run to run (ephemeral
 * ports, socket handles, durations) is left out of the comparison.
 *
 *   npm run determinism -- [--runs 20] [--provider wine] [--jobs N]
 * Exit status 1 when some case changed, or some run ended without results
 * (its folder, with provider.log, is kept and named).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../harness/common/project-paths.js';
import { readResults } from '../reporters/results-jsonl.js';
import { fingerprint } from './fingerprint.js';

const CLI = join(PROJECT_ROOT, 'dist', 'cli', 'main.js');

const { values } = parseArgs({ options: { runs: { type: 'string', default: '20' }, provider: { type: 'string', default: 'wine' }, jobs: { type: 'string' } } });
const runs = Number(values.runs);
const scratch = mkdtempSync(join(tmpdir(), 'wsc-determinism-'));
const seen = new Map<string, Map<string, number>>();
/** Runs that ended without results (the provider did not start, bad input): as much a flake as a changed verdict. */
const failedRuns: string[] = [];
for (let index = 0; index < runs; index++) {
  const out = join(scratch, String(index));
  const args = [CLI, 'run', '--provider', values.provider ?? 'wine', '--out', out, '--reporter', 'console', ...(values.jobs === undefined ? [] : ['--jobs', values.jobs])];
  const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (run.status !== 0 && run.status !== 1) {
    failedRuns.push(`run ${index + 1} exited with ${String(run.status)} (its reports and provider.log are kept in ${out}):\n${run.stderr.trimEnd()}`);
    process.stderr.write(`run ${index + 1}/${runs} FAILED\n`);
    continue;
  }
  for (const result of readResults(join(out, 'results.jsonl')).cases) {
    const variants = seen.get(result.id) ?? new Map<string, number>();
    const print = fingerprint(result);
    variants.set(print, (variants.get(print) ?? 0) + 1);
    seen.set(result.id, variants);
  }
  rmSync(out, { recursive: true, force: true });
  process.stderr.write(`run ${index + 1}/${runs} done\n`);
}
if (failedRuns.length === 0) rmSync(scratch, { recursive: true, force: true });

const changing = [...seen].filter(([, variants]) => variants.size > 1);
for (const [id, variants] of changing) {
  process.stdout.write(`${id}: ${variants.size} different outcomes\n`);
  for (const [print, count] of variants) process.stdout.write(`  ${count}× ${print}\n`);
}
for (const failure of failedRuns) process.stdout.write(`${failure}\n`);
const failedText = failedRuns.length === 0 ? '' : `, ${failedRuns.length} run${failedRuns.length === 1 ? '' : 's'} without results`;
process.stdout.write(`${seen.size} cases, ${runs} runs on ${values.provider}: ${changing.length === 0 ? 'no case changed' : `${changing.length} changed`}${failedText}\n`);
process.exitCode = changing.length === 0 && failedRuns.length === 0 ? 0 : 1;
