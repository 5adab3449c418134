/**
 * Runs that share a machine stay apart: two, then three, full Wine runs
 * started at once on one provider cache (as CI jobs on one machine would),
 * with two busy loops competing for the CPU, each get the verdicts a lone run
 * gets, case by case — the private network's cases included, whose
 * wineservers must not serve another run's network, and the loopback cases,
 * which share the cache's outer wineserver.
 */
import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WINE64 } from '../../harness/providers/wine/provision.js';
import { readResults } from '../../reporters/results-jsonl.js';
import { runCli, type CliRun } from '../integration/cli.js';
import { privateNetworkAvailable } from '../support/private-network-available.js';

/** Why these runs cannot be made here; undefined when they can. */
function whatIsMissing(): string | undefined {
  if (process.platform !== 'linux') return 'Wine runs need Linux';
  if (!existsSync(WINE64)) return `Wine is not installed (${WINE64}; .ci/run installs it)`;
  if (!privateNetworkAvailable()) return 'the private network needs root, unshare and ip';
  return undefined;
}

/** What a run gave: its status, and each case's verdict with its message. */
interface RunVerdicts {
  readonly status: number | null;
  readonly verdicts: ReadonlyMap<string, string>;
}

describe('runs that share a machine (fault: concurrent runs on one cache)', function () {
  // A lone run takes about 8 s; three at once on two loaded cores about 20 s.
  this.timeout(300_000);
  const missing = whatIsMissing();
  const outDirs: string[] = [];
  const busyLoops: ChildProcess[] = [];
  let lone: RunVerdicts;

  const runWine = async (): Promise<RunVerdicts> => {
    const out = mkdtempSync(join(tmpdir(), 'wsc-concurrent-'));
    outDirs.push(out);
    const run: CliRun = await runCli(['run', '--provider', 'wine', '--reporter', 'console', '--out', out]);
    const verdicts = new Map(readResults(join(out, 'results.jsonl')).cases.map((result) => [result.id, `${result.verdict}${result.verdict === 'PASS' || result.verdict === 'KNOWN' ? '' : ` (${result.message})`}`]));
    return { status: run.status, verdicts };
  };

  /** Each run's verdicts, as a lone run's: the same cases, each with the same verdict. */
  const expectLoneVerdicts = (runs: readonly RunVerdicts[]): void => {
    for (const [position, run] of runs.entries()) {
      const differing = [...lone.verdicts].filter(([id, verdict]) => run.verdicts.get(id) !== verdict).map(([id, verdict]) => `${id}: alone ${verdict}, here ${run.verdicts.get(id) ?? 'missing'}`);
      expect(differing, `run ${position + 1} of ${runs.length}`).to.deep.equal([]);
      expect([...run.verdicts.keys()], `run ${position + 1} ran the same cases`).to.deep.equal([...lone.verdicts.keys()]);
      expect(run.status, `run ${position + 1}'s status`).to.equal(lone.status);
    }
  };

  before(async function () {
    if (missing !== undefined) {
      if (process.platform === 'linux' && process.env['CI'] === 'true') throw new Error(`concurrent Wine runs are tested under CI: ${missing}`);
      return;
    }
    lone = await runWine();
    expect(lone.verdicts.size, 'the lone run ran cases').to.be.greaterThan(0);
    // Two loops on the machine's two cores: every run is slowed down, as beside other CI jobs.
    for (let loop = 0; loop < 2; loop++) busyLoops.push(spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
  });

  after(() => {
    for (const loop of busyLoops) loop.kill('SIGKILL');
    for (const out of outDirs) rmSync(out, { recursive: true, force: true });
  });

  beforeEach(function () {
    if (missing !== undefined && this.currentTest !== undefined) {
      this.currentTest.title += ` (skipped: ${missing})`;
      this.skip();
    }
  });

  it('two full Wine runs started at once on one cache each get the verdicts of a lone run', async () => {
    expectLoneVerdicts(await Promise.all([runWine(), runWine()]));
  });

  it('three full Wine runs started at once on one cache each get the verdicts of a lone run', async () => {
    expectLoneVerdicts(await Promise.all([runWine(), runWine(), runWine()]));
  });
});
