/**
 * The wine provider on builds other than the default, end to end through
 * the CLI: the user's Wine named by its path, and the built-in Debian 13 Wine
 * 10.0 (made by `setup --wine debian-13`, as .ci/run does), each recorded in
 * results.jsonl and judged by the deviations that hold for its version.
 */
import { expect } from 'chai';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HOST_WINE_LOADER } from '../../harness/stacks/providers/wine/host-wine.js';
import { defaultCacheDir } from '../../harness/stacks/providers/wine/provision.js';
import { readResults } from '../../reporters/results-jsonl.js';
import { skipBecause } from '../support/skip-because.js';
import { runCli } from './cli.js';

describe('the wine provider on other Wine builds (integration)', function () {
  this.timeout(240_000);
  let outDir: string;

  beforeEach(() => {
    outDir = mkdtempSync(join(tmpdir(), 'wsc-wine-builds-'));
  });
  afterEach(() => rmSync(outDir, { recursive: true, force: true }));

  it('runs the Wine of an installation folder given by its path, and records it with its version', async function () {
    if (process.platform !== 'linux' || !existsSync(HOST_WINE_LOADER)) skipBecause(this, `Wine is not installed (${HOST_WINE_LOADER}; .ci/run installs it)`);
    const run = await runCli(['run', '--wine', '/usr/lib/wine', '--grep', 'tcp.blocking.refused-is-wsaeconnrefused', '--out', outDir]);
    expect(run.status, run.stderr).to.equal(0);
    const results = readResults(join(outDir, 'results.jsonl'));
    expect(results.run?.providerBuild).to.include({ name: '/usr/lib/wine', version: '8.0' });
    expect(results.run?.providerBuild?.origin).to.include('/usr/lib/wine/wine64');
    expect(run.stdout).to.include('build /usr/lib/wine');
  });

  it('runs the built-in Debian 13 build, Wine 10.0, judged by what is known of 10.0', async function () {
    if (!existsSync(join(defaultCacheDir(), 'wine-builds', 'debian-13', 'root'))) {
      skipBecause(this, 'the debian-13 Wine build is not made here (winsock-conformance setup --wine debian-13, as root; .ci/run makes it)');
    }
    const run = await runCli(['run', '--wine', 'debian-13', '--grep', 'tcp.blocking.re', '--out', outDir]);
    const results = readResults(join(outDir, 'results.jsonl'));
    expect(results.run?.providerBuild).to.include({ name: 'debian-13', version: '10.0' });
    expect(results.run?.providerVersion).to.match(/^Wine 10\.0 /);
    const verdicts = new Map(results.cases.map((result) => [result.id, result.verdict]));
    expect(verdicts.size, 'the cases --grep selects').to.equal(16);
    expect(verdicts.get('tcp.blocking.refused-is-wsaeconnrefused.wsaconnect.ipv4')).to.equal('PASS');
    // Listed for Wine 8.0 only: on 10.0 a retry after a refusal connects, as the page says.
    expect(verdicts.get('tcp.blocking.retry-after-refused.wsaconnect.ipv4')).to.equal('PASS');
    expect(verdicts.get('tcp.blocking.retry-after-refused.connect.ipv6')).to.equal('PASS');
    expect(run.status, run.stdout).to.equal(0);
  });
});
