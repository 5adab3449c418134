/**
 * The whole suite through mocha on the POSIX provider, with a JUnit report
 * (mocha's own xunit reporter): a test for every case `winsock-conformance
 * run` runs, with the same verdict, the private network's cases included.
 */
import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ACCEPTED_VERDICTS } from '../../harness/judging/results/result.js';
import { readResults } from '../../reporters/results-jsonl.js';
import { runCli } from '../integration/cli.js';
import { expectSameVerdicts, runMocha, xunitTests } from './run-mocha.js';

describe('the whole suite through mocha on POSIX sockets (integration)', function () {
  this.timeout(120_000);
  let out: string | undefined;

  before(function () {
    // Only Linux's numbers are described (harness/common/net/host-abi.ts).
    if (process.platform === 'linux') out = mkdtempSync(join(tmpdir(), 'wsc-mocha-posix-'));
    else this.skip();
  });
  after(() => out !== undefined && rmSync(out, { recursive: true, force: true }));

  it("gives every case the verdict of winsock-conformance run, in mocha's JUnit report", async () => {
    const dir = out ?? expect.fail('no folder');
    const cli = await runCli(['run', '--provider', 'posix', '--out', join(dir, 'cli'), '--reporter', 'console']);
    const results = readResults(join(dir, 'cli', 'results.jsonl')).cases;
    expect(results.length, cli.stderr).to.be.greaterThan(0);
    const xml = join(dir, 'mocha.xml');
    const run = await runMocha(['--reporter', 'xunit', '--reporter-option', `output=${xml}`], { WINSOCK_CONFORMANCE_PROVIDER: 'posix', WINSOCK_CONFORMANCE_LOG_DIR: join(dir, 'logs') });
    expectSameVerdicts(xunitTests(readFileSync(xml, 'utf8')), results, 'cases');
    const red = results.filter((result) => !ACCEPTED_VERDICTS.has(result.verdict)).length;
    expect(run.status, 'mocha exits with the number of red cases').to.equal(red);
    expect(cli.status).to.equal(red === 0 ? 0 : 1);
  });
});
