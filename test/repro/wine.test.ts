/**
 * Every repro script, run standalone under Wine with the provider's Windows
 * Node and koffi (as its header says), observes what a run of the harness
 * observes for the same case, step by step: the same steps, and at each the
 * same behaviour (handles and ephemeral ports aside). One wineserver serves
 * the run and every script, so each script costs one start of node.exe.
 * A private case's script, run as root by Linux's Node, makes its own
 * private network and wineserver, and must observe what the run observed in
 * the run's: where the machine cannot make one, that test skips, and under
 * the project's Linux CI, which runs as root, it fails.
 * WINSOCK_CONFORMANCE_WINE picks the Wine build (the host's by default).
 */
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runsInPrivateNetwork, type Case } from '../../harness/language/cases/case.js';
import { findCaseFiles } from '../../harness/language/cases/load.js';
import { CASES_DIR } from '../../harness/common/project-paths.js';
import type { CaseResult } from '../../harness/judging/results/result.js';
import { behaviourKey } from '../../harness/judging/results/stable-observation.js';
import { windowsPath } from '../../harness/stacks/providers/wine/paths.js';
import { defaultCacheDir, wineCommand, wineEnvironment, type WineEnvironment } from '../../harness/stacks/providers/wine/provision.js';
import { HOST_WINE, HOST_WINE_LOADER } from '../../harness/stacks/providers/wine/host-wine.js';
import type { WineBuild } from '../../harness/stacks/providers/wine/wine-build.js';
import { wineBuildNamed } from '../../harness/stacks/providers/wine/wine-builds.js';
import { startWineserver } from '../../harness/stacks/providers/wine/wineserver.js';
import { OBSERVED_PREFIX } from '../../harness/uses/repro/repro-data.js';
import { reproScript } from '../../harness/uses/repro/script.js';
import { readResults } from '../../reporters/results-jsonl.js';
import { privateWineOf } from '../../harness/uses/repro/private-wine.js';
import { load } from '../cases/helpers.js';
import { runCli, runProcess, type CliRun } from '../integration/cli.js';
import { underLinuxCi } from '../support/linux-ci.js';
import { privateNetworkAvailable } from '../support/private-network-available.js';
import { skipBecause } from '../support/skip-because.js';
import { finalReport, inParallel } from './script-runs.js';

const SUITE: readonly Case[] = load(...findCaseFiles(CASES_DIR)).cases;

/** The Wine build the scripts and the run use: the host's, or the one WINSOCK_CONFORMANCE_WINE names, as for the suite under mocha. */
const BUILD_NAME = process.env['WINSOCK_CONFORMANCE_WINE'] ?? HOST_WINE.name;

function wineBuild(): WineBuild {
  return wineBuildNamed(BUILD_NAME, defaultCacheDir());
}

function wineMissing(): string | undefined {
  if (process.platform !== 'linux' || (BUILD_NAME === HOST_WINE.name && !existsSync(HOST_WINE_LOADER))) return 'Wine is not installed here';
  const { nodeExe, prefix } = wineEnvironment(defaultCacheDir(), wineBuild());
  if (!existsSync(prefix)) return `the Wine build ${BUILD_NAME} is not set up here (no ${prefix}; winsock-conformance setup --wine ${BUILD_NAME})`;
  return existsSync(nodeExe) ? undefined : `the Wine provider is not set up here (no ${nodeExe}; winsock-conformance setup)`;
}

/** What a provider's process that died in a call is recorded as having observed there. */
const DIED = { returns: 'none', interrupted: 'CRASH' };

/**
 * What the script observed, step by step: its report's, or — when it died in
 * a call, as a provider may, and printed no report — the observations it
 * printed before, then the death.
 */
function scriptObservations(run: CliRun): { observed: readonly unknown[]; stopped?: string; pastTimeLimit?: string } {
  const report = finalReport(run.stdout);
  if (report !== undefined) {
    const { stopped, pastTimeLimit } = report;
    return { observed: report.checks.map((check) => check.observed), ...(stopped === undefined ? {} : { stopped }), ...(pastTimeLimit === undefined ? {} : { pastTimeLimit }) };
  }
  const printed = run.stdout.split('\n').filter((line) => line.startsWith(OBSERVED_PREFIX));
  return { observed: [...printed.map((line) => JSON.parse(line.slice(OBSERVED_PREFIX.length)) as unknown), DIED] };
}

/** How a script's run and the harness's run of one case differ, one line per difference. */
function differences(result: CaseResult, run: CliRun): string[] {
  const found: string[] = [];
  const script = scriptObservations(run);
  // A case the run skipped at a call the stack cannot make (a function its ws2_32 does not export) stops the script there, for the same reason.
  const skipped = result.verdict === 'SKIP';
  const stoppedAsSkipped = skipped && script.stopped !== undefined && result.message.includes(script.stopped);
  if (script.stopped !== undefined && !stoppedAsSkipped) found.push(`the script stopped: ${script.stopped}`);
  if (skipped && !stoppedAsSkipped) found.push(`the run skipped the case (${result.message}), the script did not stop for that reason`);
  const harness = result.checks.map((check) => behaviourKey(check.observed));
  const observed = script.observed.map((observation) => behaviourKey(observation));
  for (let index = 0; index < Math.max(harness.length, observed.length); index++) {
    if (harness[index] === observed[index]) continue;
    // The run stopped the call at the case's time limit; the script, which cannot, says the limit passed in that very call.
    const runCheck = result.checks[index];
    if (runCheck?.observed['interrupted'] === 'TIMEOUT' && script.pastTimeLimit === runCheck.stepId && index === observed.length - 1) continue;
    found.push(`step ${index + 1} (${result.checks[index]?.stepId ?? 'none in the run'}): the run observed ${harness[index] ?? 'nothing'}, the script ${observed[index] ?? 'nothing'}`);
  }
  const died = result.checks.some((check) => check.observed['interrupted'] === DIED.interrupted);
  const asDocumented = result.checks.every((check) => check.passed);
  const status = died ? 'the status of a process that died' : skipped ? 2 : asDocumented ? 0 : 1;
  const exited = run.status !== null && run.status > 2 ? 'the status of a process that died' : run.status;
  if (exited !== status) found.push(`the script exited ${String(run.status)}, where ${String(status)} was due`);
  return found.map((line) => `${result.id}: ${line}`);
}

/** Runs a script as its header says: the Windows Node and koffi of the Wine provider. */
function runUnderWine(environment: WineEnvironment, script: string): Promise<CliRun> {
  const wine = wineCommand(environment, 'loader', [environment.nodeExe, windowsPath(script), windowsPath(environment.koffiDir)]);
  return runProcess(wine.command, wine.args, { ...process.env, ...wine.env });
}

/** A private script's last command, as it prints them: ending the wineserver it started, whatever happened before. */
function endsItsWineserver(run: CliRun): readonly string[] {
  const last = run.stderr.split('\n').filter((line) => line.startsWith('+ ')).at(-1) ?? '';
  return /\/wineserver -k$/.test(last) ? [] : [`its last command was not its wineserver's end: ${last}`];
}

/** Each script of `scripts` written to `dir` and run by `runScript`, `width` at a time: how each differs from the run's result, and what else `alsoDue` finds missing. */
async function scriptsAgainstRun(
  scripts: readonly { readonly testCase: Case; readonly script: string }[],
  results: ReadonlyMap<string, CaseResult>,
  dir: string,
  width: number,
  runScript: (file: string) => Promise<CliRun>,
  alsoDue: (run: CliRun) => readonly string[] = () => [],
): Promise<string[]> {
  const found = await inParallel(scripts, width, async ({ testCase, script }) => {
    const result = results.get(testCase.id) ?? expect.fail(`the run has no result for ${testCase.id}`);
    const file = path.join(dir, `${testCase.id}.cjs`);
    writeFileSync(file, script);
    const run = await runScript(file);
    return [...differences(result, run), ...alsoDue(run).map((line) => `${testCase.id}: ${line}`)];
  });
  return found.flat();
}

describe('repro scripts under Wine', function () {
  // A run of the suite (about 50 s), then one node.exe start per script (1 to 2 s each, two at a time; a
  // private case's, about 5 s): some 390 scripts.
  this.timeout(900_000);
  let dir: string | undefined;
  let results: ReadonlyMap<string, CaseResult>;

  before(async function () {
    const missing = wineMissing();
    if (missing !== undefined) skipBecause(this, missing);
    dir = mkdtempSync(path.join(tmpdir(), 'wsc-repro-wine-'));
    const run = await runCli(['run', '--provider', 'wine', '--wine', BUILD_NAME, '--out', path.join(dir, 'run'), '--reporter', 'console']);
    expect(run.status, run.stderr).to.be.oneOf([0, 1]);
    results = new Map(readResults(path.join(dir, 'run', 'results.jsonl')).cases.map((result) => [result.id, result]));
  });

  after(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it("observe, step by step, what a run of the harness observes for every case that has a script, and exit 1 where the page's outcome is not met", async () => {
    const out = dir ?? expect.fail('no folder');
    const environment = wineEnvironment(defaultCacheDir(), wineBuild());
    // The run's wineserver is still up; kept up, it serves every script, which then starts in about a second.
    await startWineserver(environment);
    const scripts = SUITE.flatMap((testCase) => {
      const made = reproScript(testCase, { provider: 'wine', harnessVersion: 'test', runHint: 'node repro.cjs' });
      return 'script' in made ? [{ testCase, script: made.script }] : [];
    });
    // Two at a time: a start of node.exe under Wine is mostly waiting (about 1.3 s), and each script has its own peers and ports.
    const found = await scriptsAgainstRun(scripts, results, out, 2, (file) => runUnderWine(environment, file));
    expect(scripts.length, 'cases with a script').to.be.greaterThan(SUITE.length / 2);
    expect(found).to.deep.equal([]);
  });

  it("of the private cases, run as root by Linux's Node, make the private network and its wineserver, and observe there what the run observed in its own", async function () {
    requirePrivateNetwork(this);
    const out = dir ?? expect.fail('no folder');
    const privateWine = privateWineOf(defaultCacheDir(), wineBuild());
    const privateCases = SUITE.filter(runsInPrivateNetwork);
    const scripts = privateCases.flatMap((testCase) => {
      const made = reproScript(testCase, { provider: 'wine', harnessVersion: 'test', runHint: 'node repro.cjs', privateWine });
      return 'script' in made ? [{ testCase, script: made.script }] : [];
    });
    // Two at a time: each makes its own namespace and wineserver, and mostly waits (node.exe's starts, the connects nobody answers).
    const found = await scriptsAgainstRun(scripts, results, out, 2, (file) => runProcess(process.execPath, [file]), endsItsWineserver);
    // A private case without a script needs a peer Windows cannot make, for the reason a loopback case has none.
    expect(scripts.length, 'private cases with a script').to.be.greaterThan(privateCases.length / 2);
    expect(found).to.deep.equal([]);
  });

  it('of a private case, interrupted while a call waits, end what they started: the call, the peers, their wineserver', async function () {
    requirePrivateNetwork(this);
    const id = 'private.unanswered-connect-is-wsaetimedout.wsaconnect.ipv4';
    const made = reproScript(SUITE.find((testCase) => testCase.id === id) ?? expect.fail(`no case ${id}`), {
      provider: 'wine',
      harnessVersion: 'test',
      runHint: 'node repro.cjs',
      privateWine: privateWineOf(defaultCacheDir(), wineBuild()),
    });
    const file = path.join(dir ?? expect.fail('no folder'), 'interrupted.cjs');
    writeFileSync(file, 'script' in made ? made.script : expect.fail(made.unavailable));
    const script = spawn(process.execPath, [file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    script.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // The connect to the never-accepting listener waits about 2 s (5 s under Wine 10.0): Ctrl-C reaches the script in it.
    script.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (/^call: WSAConnect\(/m.test(stdout)) script.kill('SIGINT');
    });
    const [status] = (await once(script, 'close')) as [number | null];
    expect(stdout, stderr).to.match(/^call: WSAConnect\(/m);
    expect(stdout, 'no report: the call was interrupted').not.to.match(/^\{"repro"/m);
    expect(status, stdout).to.be.greaterThan(2);
    const commands = stderr.split('\n').filter((line) => line.startsWith('+ '));
    expect(commands.at(-1), stderr).to.match(/\/wineserver -k$/);
  });
});

/** Skips a test that needs the private network where the machine cannot make one; fails it under the Linux CI, which can. */
function requirePrivateNetwork(context: Mocha.Context): void {
  if (privateNetworkAvailable()) return;
  if (underLinuxCi()) expect.fail('the Linux CI runs as root with unshare and ip: the private network must be available there');
  skipBecause(context, 'the private network needs Linux, root, unshare and ip');
}
