/**
 * The conformance suite on Wine's real ws2_32, end to end through the CLI:
 * the reports a user gets, honest verdicts, and a run that survives a hung
 * and a crashing provider process.
 */
import { expect } from 'chai';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HOST_WINE_LOADER } from '../../harness/stacks/providers/wine/host-wine.js';
import { readResults } from '../../reporters/results-jsonl.js';
import { expectValidJUnit } from '../support/junit-schema.js';
import { acceptableVerdicts } from '../support/private-network-available.js';
import { PROJECT_ROOT, runCli, verdictsOf } from './cli.js';
import { authoredCases } from '../support/authored-cases.js';

const INTERRUPTION_CASES = join(PROJECT_ROOT, 'test/integration/cases');
const INTERRUPTION_EXPECTATIONS = join(PROJECT_ROOT, 'test/integration/expectations');

describe('the suite on Wine (integration)', function () {
  // Provisioning a fresh machine (Windows Node from npm, a new Wine prefix) can take a minute.
  this.timeout(240_000);
  let outDir: string;

  before(function () {
    if (process.platform !== 'linux' || !existsSync(HOST_WINE_LOADER)) {
      this.skip(); // Reported as pending: Wine is not installed here (`.ci/run` installs it).
    }
  });

  beforeEach(() => {
    outDir = mkdtempSync(join(tmpdir(), 'wsc-integration-'));
  });

  afterEach(() => rmSync(outDir, { recursive: true, force: true }));

  it('runs every case of cases/ and writes the three reports with honest verdicts', async () => {
    const run = await runCli(['run', '--provider', 'wine', '--out', outDir]);
    expect(run.status, run.stderr).to.equal(0);

    const results = readResults(join(outDir, 'results.jsonl'));
    expect(results.truncated).to.equal(false);
    expect(results.summary, 'summary line').to.not.equal(undefined);
    expect(results.run?.providerVersion).to.match(/^Wine /);
    expect(results.cases.length).to.be.at.least(15);
    const authored = authoredCases(PROJECT_ROOT);
    expect(results.cases.length, 'every case in cases/ ran').to.equal(authored.length);
    for (const result of results.cases) {
      // A case that calls a function Wine's ws2_32 does not export (WSAConnectByList) SKIPs at that call, saying so.
      if (result.verdict === 'SKIP' && /ws2_32\.dll does not export /.test(result.message)) continue;
      // A variation its case excludes is SKIP with the case's reason, on every provider.
      if (result.verdict === 'SKIP' && /^this variation is excluded: /.test(result.message)) continue;
      expect(acceptableVerdicts(result.tags), `${result.id}: ${result.message}`).to.include(result.verdict);
      expect(result.checks.length, `${result.id} made checks`).to.be.greaterThan(0);
    }
    const known = results.cases.filter((result) => result.verdict === 'KNOWN');
    expect(known.length, 'Wine deviates from the page somewhere').to.be.greaterThan(0);
    for (const result of known) expect(result.message, result.id).to.not.equal('');

    expect(run.stdout).to.match(/^\d+ passed, 0 failed, \d+ known(, \d+ skipped)?$/m);
    await expectValidJUnit(join(outDir, 'junit.xml'));
    const html = readFileSync(join(outDir, 'report.html'), 'utf8');
    for (const result of results.cases) expect(html).to.contain(result.id);
  });

  it('ends a hung call as TIMEOUT and a dead provider as CRASH, and goes on with the next case', async () => {
    const run = await runCli(['run', '--cases', INTERRUPTION_CASES, '--expectations', INTERRUPTION_EXPECTATIONS, '--out', outDir]);
    expect(run.status, 'a TIMEOUT or CRASH makes the run red').to.equal(1);
    expect([...verdictsOf(join(outDir, 'results.jsonl'))]).to.deep.equal([
      ['harness.blocking-connect-never-returns', 'TIMEOUT'],
      ['harness.runs-after-timeout', 'PASS'],
      ['harness.null-name-kills-wine', 'CRASH'],
      ['harness.runs-after-crash', 'PASS'],
    ]);
    const timedOut = readResults(join(outDir, 'results.jsonl')).cases[0];
    expect(timedOut?.interruptedAt).to.equal('hangs');
    await expectValidJUnit(join(outDir, 'junit.xml'));
  });
});
