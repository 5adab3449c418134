/**
 * Runs that share a machine stay apart: two, then three, full Wine runs
 * started at once on one provider cache (as CI jobs on one machine would),
 * with two busy loops competing for the CPU, each get the verdicts a lone run
 * gets, case by case — the private network's cases included, whose
 * wineservers must not serve another run's network, and the loopback cases,
 * which share the cache's outer wineserver. And the private network's canary
 * refuses a worker whose sockets live in a namespace that is neither the
 * runner's nor the outer one (as another run's would).
 */
import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bindHostTcpSocket } from '../../fixtures/host-sockets.js';
import { isolationUnproven } from '../../harness/run/private-network/canary.js';
import { WORKER_SCRIPT } from '../../harness/common/project-paths.js';
import { PosixProvider } from '../../harness/stacks/providers/posix.js';
import type { Provider, WorkerCommand } from '../../harness/stacks/providers/provider.js';
import { HOST_WINE_LOADER } from '../../harness/stacks/providers/wine/host-wine.js';
import { ProviderSession } from '../../harness/run/runner/session.js';
import { WorkerSpawner } from '../../harness/run/runner/worker-spawner.js';
import { readResults } from '../../reporters/results-jsonl.js';
import { runCli, type CliRun } from '../integration/cli.js';
import { privateNetworkAvailable } from '../support/private-network-available.js';
import { underLinuxCi } from '../support/linux-ci.js';

/** Why these runs cannot be made here; undefined when they can. */
function whatIsMissing(): string | undefined {
  if (process.platform !== 'linux') return 'Wine runs need Linux';
  if (!existsSync(HOST_WINE_LOADER)) return `Wine is not installed (${HOST_WINE_LOADER}; .ci/run installs it)`;
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
      if (underLinuxCi()) throw new Error(`concurrent Wine runs are tested under CI: ${missing}`);
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

/** The POSIX stack with each worker in a network namespace of its own: its sockets live neither here nor outside. */
class WorkerElsewhere extends PosixProvider {
  override workerCommand(workerScript: string, workerArgs: readonly string[]): WorkerCommand {
    const command = super.workerCommand(workerScript, workerArgs);
    return { ...command, command: '/usr/bin/unshare', args: ['--net', '--', command.command, ...command.args] };
  }
}

describe("the private network's canary (fault: a worker whose sockets live in another namespace)", function () {
  this.timeout(60_000);
  let dir: string;

  before(function () {
    if (process.platform !== 'linux') this.skip(); // The POSIX provider's numbers are described for Linux only.
  });
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'wsc-canary-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs the canary here, as the runner in the private network does, with `provider`'s worker; why it is not proven, if it is not. */
  const canaryWith = async (provider: Provider): Promise<string | undefined> => {
    const logFd = openSync(join(dir, 'provider.log'), 'w+');
    const spawner = new WorkerSpawner({ provider, workerScript: WORKER_SCRIPT, logFd, startTimeoutMs: 30_000 });
    const session = new ProviderSession(spawner);
    // A bound port that does not listen stands for the outer loopback's canary, which must not be reached.
    const outside = bindHostTcpSocket('AF_INET');
    try {
      return await isolationUnproven(outside.address.port, { session, provider, judged: { deviations: [], annotate: (result) => result }, logFd });
    } finally {
      outside.close();
      await session.close();
      await spawner.close();
      closeSync(logFd);
    }
  };

  it("proves the isolation when the worker's sockets live in the runner's namespace", async () => {
    expect(await canaryWith(new PosixProvider())).to.equal(undefined);
  });

  it('refuses a worker whose sockets live in a third namespace, though it cannot reach the outer loopback either', async function () {
    if (!privateNetworkAvailable()) {
      if (underLinuxCi()) throw new Error('the canary is tested under CI: a namespace needs root and unshare');
      this.skip(); // Making a namespace for the worker needs root and unshare.
    }
    expect(await canaryWith(new WorkerElsewhere())).to.match(/^the canary ended FAIL \(connect-inside: documented 0; observed SOCKET_ERROR/);
  });
});
