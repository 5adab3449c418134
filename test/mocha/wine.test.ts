/**
 * The suite through mocha on Wine's real ws2_32: a call that hangs is
 * TIMEOUT and one that kills the provider is CRASH, each followed by a case
 * that passes on a fresh worker — as `winsock-conformance run` has them.
 */
import { expect } from 'chai';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HOST_WINE_LOADER } from '../../harness/stacks/providers/wine/host-wine.js';
import { readResults } from '../../reporters/results-jsonl.js';
import { PROJECT_ROOT, runCli } from '../integration/cli.js';
import { expectSameVerdicts, runMocha, xunitTests } from './run-mocha.js';

const INTERRUPTION_CASES = join(PROJECT_ROOT, 'test/integration/cases');
const INTERRUPTION_EXPECTATIONS = join(PROJECT_ROOT, 'test/integration/expectations');

describe('the suite through mocha on Wine (integration)', function () {
  // Provisioning a fresh machine (Windows Node from npm, a new Wine prefix) can take a minute.
  this.timeout(240_000);
  let out: string | undefined;

  before(function () {
    // Wine is not installed here (`.ci/run` installs it): reported as pending.
    if (process.platform === 'linux' && existsSync(HOST_WINE_LOADER)) out = mkdtempSync(join(tmpdir(), 'wsc-mocha-wine-'));
    else this.skip();
  });
  after(() => out !== undefined && rmSync(out, { recursive: true, force: true }));

  it('ends a hung call as TIMEOUT and a dead provider as CRASH, goes on with a fresh worker, and agrees with winsock-conformance run', async () => {
    const dir = out ?? expect.fail('no folder');
    const xml = join(dir, 'mocha.xml');
    const variables = { WINSOCK_CONFORMANCE_PROVIDER: 'wine', WINSOCK_CONFORMANCE_CASES: INTERRUPTION_CASES, WINSOCK_CONFORMANCE_EXPECTATIONS: INTERRUPTION_EXPECTATIONS, WINSOCK_CONFORMANCE_LOG_DIR: join(dir, 'logs') };
    const run = await runMocha(['--reporter', 'xunit', '--reporter-option', `output=${xml}`], variables);
    const tests = xunitTests(readFileSync(xml, 'utf8'));
    expect(tests.map((test) => [test.name, test.outcome]), run.stderr).to.deep.equal([
      ['harness.blocking-connect-never-returns', 'failed'],
      ['harness.runs-after-timeout', 'passed'],
      ['harness.null-name-kills-wine', 'failed'],
      ['harness.runs-after-crash', 'passed'],
    ]);
    expect(tests[0]?.failure).to.match(/^TIMEOUT: hangs did not return within the case's 1500 ms limit/);
    expect(tests[2]?.failure).to.match(/^CRASH: /);
    expect(run.status).to.equal(2);

    await runCli(['run', '--provider', 'wine', '--cases', INTERRUPTION_CASES, '--expectations', INTERRUPTION_EXPECTATIONS, '--out', join(dir, 'cli'), '--reporter', 'console']);
    expectSameVerdicts(tests, readResults(join(dir, 'cli', 'results.jsonl')).cases, 'test/integration/cases');
  });
});
