/**
 * The Windows path, proven under Wine: the CLI runs as a Windows program
 * (Windows Node running dist/cli/main.js) with `--provider native`, so the
 * worker is the harness's own Node and its Winsock is whatever Windows it
 * finds — here Wine's. Over the same cases, `--provider wine` must observe
 * exactly what it observes: `compare` lists no changed observation for any
 * case that ran in both, and the cases the native run cannot make say why.
 */
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureKoffiNativePart } from '../../harness/stacks/providers/koffi-native-part.js';
import { HOST_WINE, HOST_WINE_LOADER } from '../../harness/stacks/providers/wine/host-wine.js';
import { defaultCacheDir, wineCommand, wineEnvironment } from '../../harness/stacks/providers/wine/provision.js';
import { windowsPath } from '../../harness/stacks/providers/wine/paths.js';
import type { Comparison } from '../../harness/uses/baselines/compare.js';
import { readResults } from '../../reporters/results-jsonl.js';
import { skipBecause } from '../support/skip-because.js';
import { CLI, runCli, type CliRun } from './cli.js';

/** What the native run cannot make under Wine, and says so: the private network, and the peer Windows refuses. */
const NATIVE_SKIP_REASONS = [
  /^needs the private network: a private network needs Linux network namespaces \(this is win32\)$/,
  /^on Windows a listener whose backlog is full refuses a further connect/,
  // Under Wine, the native provider's ws2_32 is Wine's, which has no WSAConnectByList.
  /: ws2_32\.dll does not export WSAConnectByList /,
  // A variation its case excludes, on every provider.
  /^this variation is excluded: /,
];

/**
 * Runs the CLI as a Windows program under the host's Wine, on the Wine
 * provider's prefix. Its output goes to a file: Windows Node under Wine
 * cannot write to a pipe through process.stdout (stdio-link.ts).
 */
async function runWindowsCli(args: readonly string[], outputFile: string): Promise<CliRun> {
  const environment = wineEnvironment(defaultCacheDir(), HOST_WINE);
  const { command, args: wineArgs, env } = wineCommand(environment, 'loader', [environment.nodeExe, windowsPath(CLI), ...args]);
  const output = openSync(outputFile, 'w');
  try {
    const status = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(command, wineArgs, { env: { ...process.env, ...env }, stdio: ['ignore', output, output] });
      child.once('error', reject);
      child.once('close', resolve);
    });
    return { status, stdout: readFileSync(outputFile, 'utf8'), stderr: '' };
  } finally {
    closeSync(output);
  }
}

describe('the native provider, run as a Windows program under Wine (integration)', function () {
  // Measured: about 12 s for the Wine run and 18 s for the native one; provisioning a fresh cache adds a minute.
  this.timeout(240_000);
  let outDir: string;

  before(function () {
    if (process.platform !== 'linux' || !existsSync(HOST_WINE_LOADER)) skipBecause(this, 'Wine is not installed here (`.ci/run` installs it)');
    outDir = mkdtempSync(join(tmpdir(), 'wsc-windows-native-'));
  });

  after(() => {
    if (outDir !== undefined) rmSync(outDir, { recursive: true, force: true });
  });

  it('observes what the wine provider observes, case by case', async () => {
    // First the Wine provider: it prepares the cache the Windows program runs from (Windows Node, the prefix).
    const wine = await runCli(['run', '--provider', 'wine', '--out', join(outDir, 'wine')]);
    expect(wine.status, wine.stderr).to.equal(0);

    // The project's node_modules holds koffi's linux part only. On Windows the native provider's prepare() fetches
    // the win32 part; under Wine, Windows Node cannot start npm or tar (Linux programs), so the same code fetches it here.
    await ensureKoffiNativePart({ platform: 'win32', arch: 'x64' }, () => undefined);
    const native = await runWindowsCli(['run', '--provider', 'native', '--out', windowsPath(join(outDir, 'native'))], join(outDir, 'native.out'));
    // It judges by expectations/native.yaml (Windows', without Wine's deviations): failures are Wine's. It must not stop (2).
    expect([0, 1], native.stdout).to.include(native.status);
    const nativeRun = readResults(join(outDir, 'native', 'results.jsonl'));
    expect(nativeRun.run?.provider).to.equal('native');
    expect(nativeRun.summary, native.stdout).to.not.equal(undefined);

    const compared = await runCli(['compare', '--json', join(outDir, 'wine', 'results.jsonl'), join(outDir, 'native', 'results.jsonl')]);
    expect(compared.status, compared.stderr).to.equal(0);
    const comparison = JSON.parse(compared.stdout) as Comparison;
    const ranInBoth = comparison.cases.filter((change) => change.currentVerdict !== 'SKIP');
    expect(
      ranInBoth.filter((change) => change.kind !== 'rejudged'),
      'a case that ran in both observed something else',
    ).to.deep.equal([]);
    const skipped = nativeRun.cases.filter((result) => result.verdict === 'SKIP');
    for (const result of skipped) expect(NATIVE_SKIP_REASONS.some((reason) => reason.test(result.message)), `${result.id}: ${result.message}`).to.equal(true);
    const lackedByWine = skipped.filter((result) => /ws2_32\.dll does not export |^this variation is excluded: /.test(result.message)).length;
    expect(nativeRun.cases.length - skipped.length, 'most cases ran natively').to.be.greaterThan((skipped.length - lackedByWine) * 4);
    expect(comparison.counts.new + comparison.counts.removed, 'the same cases ran').to.equal(0);
  });
});
