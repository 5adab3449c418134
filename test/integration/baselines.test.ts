/**
 * Regression testing and documenting behaviour, end to end through the CLI
 * on real runs: a POSIX run (always, on Linux) and a Wine run (when Wine is
 * installed) are compared, merged into the matrix, walked in the atlas, and
 * judged against Windows.
 */
import { expect } from 'chai';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Comparison } from '../../harness/uses/baselines/compare.js';
import type { Matrix } from '../../harness/uses/matrix/build.js';
import { HOST_WINE_LOADER } from '../../harness/stacks/providers/wine/host-wine.js';
import { resultsSchemaDocument } from '../../harness/judging/results/results-schema.js';
import { compileSchema } from '../../harness/language/yaml/schema.js';
import { readResults } from '../../reporters/results-jsonl.js';
import { runCli } from './cli.js';

// Through connect, the call Wine's test_broadcast makes, which the Windows reference stands beside.
const BROADCAST = 'udp.broadcast-without-so-broadcast-is-wsaeacces.connect.ipv4';

describe('baselines, the matrix and the atlas on real runs (integration)', function () {
  this.timeout(240_000);
  let dir: string;
  let posix: string;
  let wine: string | undefined;

  before(async function () {
    if (process.platform !== 'linux') this.skip(); // The POSIX provider describes only Linux.
    dir = mkdtempSync(join(tmpdir(), 'wsc-baselines-'));
    posix = await run('posix', 'posix', []);
    if (existsSync(HOST_WINE_LOADER)) wine = await run('wine', 'wine', []);
  });

  after(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  /** Runs the suite into `dir/name` and returns its results.jsonl. */
  async function run(provider: string, name: string, extra: readonly string[]): Promise<string> {
    const outDir = join(dir, name);
    const status = (await runCli(['run', '--provider', provider, '--out', outDir, '--reporter', 'console', ...extra])).status;
    expect(status, `${provider} run ${extra.join(' ')}`).to.be.oneOf([0, 1]);
    return join(outDir, 'results.jsonl');
  }

  /** A copy of a results file in which the broadcast connect returned 0, judged as `passed` says. */
  function withBroadcastConnected(file: string, name: string, passed: boolean): string {
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const record of lines) {
      if (record['id'] !== BROADCAST) continue;
      const connect = (record['checks'] as Record<string, unknown>[]).find((check) => check['stepId'] === 'call');
      if (connect === undefined) throw new Error('no connect check');
      Object.assign(connect, passed ? { observed: { returns: 0 }, expected: [{ returns: 0 }] } : { observed: { returns: 0 }, passed, mismatch: 'altered', differingKeys: ['returns'] });
      record['verdict'] = passed ? 'PASS' : 'FAIL';
    }
    const altered = join(dir, name);
    writeFileSync(altered, `${lines.map((record) => JSON.stringify(record)).join('\n')}\n`);
    return altered;
  }

  it('writes results whose every line the published schema accepts', () => {
    const schema = compileSchema(resultsSchemaDocument());
    for (const file of [posix, ...(wine === undefined ? [] : [wine])]) {
      for (const line of readFileSync(file, 'utf8').trimEnd().split('\n')) {
        expect(schema.validate(JSON.parse(line)), `${file}: ${JSON.stringify(schema.validate.errors)}`).to.equal(true);
      }
    }
    expect(readResults(posix).run.stack).to.deep.include({ kind: 'posix' });
    if (wine !== undefined) expect(readResults(wine).run.stack).to.deep.include({ kind: 'wine' });
  });

  it('compare: a run against itself exits 0 with no change', async () => {
    const compared = await runCli(['compare', posix, posix]);
    expect(compared.status, compared.stderr).to.equal(0);
    expect(compared.stdout).to.match(/^no change \(0 regressions, 0 fixes/m);
  });

  it('compare: a deliberately altered run exits 1 and lists the regression readably, as text and as JSON', async () => {
    const altered = withBroadcastConnected(posix, 'altered.jsonl', false);
    const compared = await runCli(['compare', posix, altered]);
    expect(compared.status, compared.stderr).to.equal(1);
    expect(compared.stdout).to.contain('1 regression, 0 fixes, 0 changed');
    expect(compared.stdout).to.contain(`REGRESSION ${BROADCAST} (PASS → FAIL): `);
    expect(compared.stdout).to.contain('  call [regression]: was SOCKET_ERROR WSAEACCES (expected); now 0 (unexpected)');
    const json = await runCli(['compare', posix, altered, '--json']);
    expect(json.status).to.equal(1);
    const comparison = JSON.parse(json.stdout) as Comparison;
    expect(comparison.counts.regression).to.equal(1);
    expect(comparison.cases[0]).to.deep.include({ id: BROADCAST, kind: 'regression' });
    const reversed = await runCli(['compare', altered, posix]);
    expect(reversed.status, 'the way back is a fix').to.equal(0);
    expect(reversed.stdout).to.contain(`FIX ${BROADCAST} (FAIL → PASS)`);
  });

  it('--against windows judges the broadcast connect by what Windows does, not by the page, and keeps both in the results', async () => {
    const byDocs = readResults(posix).cases.find((result) => result.id === BROADCAST);
    expect(byDocs?.verdict).to.equal('PASS');
    const file = await run('posix', 'posix-windows', ['--grep', BROADCAST, '--against', 'windows']);
    const { run: info, cases } = readResults(file);
    expect(info.judgedAgainst).to.equal('windows');
    const [byWindows] = cases;
    expect(byWindows?.verdict).to.equal('FAIL');
    const connect = byWindows?.checks.find((check) => check.stepId === 'call');
    expect(connect?.expected).to.deep.equal([{ returns: 0 }]);
    expect(connect?.documented).to.deep.equal([{ returns: 'SOCKET_ERROR', error: 'WSAEACCES' }]);
    expect(connect?.reference?.source).to.equal('wine-10.0 dlls/ws2_32/tests/sock.c:14241-14242 (test_broadcast)');
    const docsCheck = byDocs?.checks.find((check) => check.stepId === 'call');
    expect(docsCheck?.reference?.windows, 'judged by the page, the check still carries the reference').to.deep.equal([{ returns: 0 }]);
  });

  it('run --baseline: compares once the run ends, prints it, writes comparison.json, and a regression makes the run red', async () => {
    // A baseline that connected to the broadcast address, as Windows does, and passed judged against Windows.
    const windowsLike = withBroadcastConnected(posix, 'windows-like.jsonl', true);
    const outDir = join(dir, 'against-baseline');
    const cli = await runCli(['run', '--provider', 'posix', '--out', outDir, '--reporter', 'console', '--grep', BROADCAST, '--against', 'windows', '--baseline', windowsLike]);
    expect(cli.status).to.equal(1);
    expect(cli.stdout).to.contain('comparison with the baseline');
    expect(cli.stdout).to.contain(`REGRESSION ${BROADCAST} (PASS → FAIL)`);
    expect(cli.stdout).to.contain('  call [regression]: was 0 (expected); now SOCKET_ERROR WSAEACCES (unexpected)');
    const comparison = JSON.parse(readFileSync(join(outDir, 'comparison.json'), 'utf8')) as Comparison;
    expect(comparison.counts).to.deep.include({ regression: 1, removed: 0 });
    const same = await runCli(['run', '--provider', 'posix', '--out', join(dir, 'same'), '--reporter', 'console', '--grep', BROADCAST, '--baseline', posix]);
    expect(same.status, same.stderr).to.equal(0);
    expect((JSON.parse(readFileSync(join(dir, 'same', 'comparison.json'), 'utf8')) as Comparison).counts.regression).to.equal(0);
  });

  it('merge: a Wine run and a POSIX run make one matrix page and its data', async function () {
    if (wine === undefined) this.skip(); // Wine is not installed here (`.ci/run` installs it).
    const outDir = join(dir, 'matrix');
    const merged = await runCli(['merge', wine, posix, '--out', outDir]);
    expect(merged.status, merged.stderr).to.equal(0);
    const matrix = JSON.parse(readFileSync(join(outDir, 'matrix.json'), 'utf8')) as Matrix;
    expect(matrix.columns.map((column) => column.runs[0]?.provider)).to.deep.equal(['posix', 'wine']);
    expect(matrix.cases.length).to.equal(readResults(posix).cases.length);
    const broadcast = matrix.cases.find((testCase) => testCase.id === BROADCAST)?.steps.find((step) => step.stepId === 'call');
    expect(broadcast?.cells.map((cell) => cell.text)).to.deep.equal(['SOCKET_ERROR WSAEACCES', 'SOCKET_ERROR WSAEACCES']);
    expect(broadcast?.reference?.windows).to.deep.equal([{ returns: 0 }]);
    expect(matrix.errata.map((erratum) => erratum.case.id)).to.include(BROADCAST);
    const page = readFileSync(join(outDir, 'matrix.html'), 'utf8');
    for (const testCase of matrix.cases) expect(page).to.contain(testCase.id);
    expect(page).to.not.match(/<script\b/i);
  });

  it('atlas: each page clause by clause, with what Wine and POSIX were observed to do', async function () {
    if (wine === undefined) this.skip(); // Wine is not installed here (`.ci/run` installs it).
    const outDir = join(dir, 'atlas');
    const atlas = await runCli(['atlas', wine, posix, '--out', outDir]);
    expect(atlas.status, atlas.stderr).to.equal(0);
    const html = readFileSync(join(outDir, 'atlas.html'), 'utf8');
    const markdown = readFileSync(join(outDir, 'atlas.md'), 'utf8');
    expect(html).to.contain('id="clause-connect_remarks.dgram.broadcast"');
    const wineLabel = readResults(wine).run.providerVersion;
    for (const document of [html, markdown]) {
      expect(document).to.contain(BROADCAST);
      expect(document).to.contain(wineLabel);
    }
    expect(markdown).to.match(/^#### `remarks\.dgram\.broadcast` \(rule, WSAEACCES\)$/m);
    expect(markdown).to.match(/`SOCKET_ERROR WSAEACCES` \(expected\): Wine .*; posix /);
  });
});
