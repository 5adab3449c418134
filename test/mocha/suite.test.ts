/**
 * The suite through mocha, as a user runs it (`mocha --config
 * conformance.mocharc.cjs`), on the POSIX provider and a case set with one
 * case of each verdict but CRASH (the Wine test has that): the verdict of
 * `winsock-conformance run` for every case, in mocha's terms, with mocha's
 * own options (--grep, --bail, --dry-run, --reporter) working as in any
 * mocha project.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CaseResult, Verdict } from '../../harness/judging/results/result.js';
import { readResults } from '../../reporters/results-jsonl.js';
import { toClassName } from '../../reporters/junit.js';
import { PROJECT_ROOT, runCli } from '../integration/cli.js';
import { authoredCases } from '../support/authored-cases.js';
import { AS_NOBODY, CHECKOUT_PARTS, whyNobodyCannotUse } from '../support/as-nobody.js';
import { skipBecause } from '../support/skip-because.js';
import { CONFORMANCE_CONFIG, MOCHA, OUTCOME_CASES, OUTCOME_EXPECTATIONS, RECORD_REPORTER, recordedTests, runMocha, specCounts, type RecordedTest, type SuiteVariables } from './run-mocha.js';

const ON_OUTCOMES = { WINSOCK_CONFORMANCE_PROVIDER: 'posix', WINSOCK_CONFORMANCE_CASES: OUTCOME_CASES, WINSOCK_CONFORMANCE_EXPECTATIONS: OUTCOME_EXPECTATIONS };

describe('the suite through mocha (integration, POSIX provider)', function () {
  this.timeout(60_000);
  let out: string;
  /** What `winsock-conformance run` gives for the same cases. */
  let cli: readonly CaseResult[];

  before(async function () {
    if (process.platform !== 'linux') this.skip(); // Only Linux's numbers are described (harness/common/net/host-abi.ts).
    out = mkdtempSync(join(tmpdir(), 'wsc-mocha-'));
    const run = await runCli(['run', '--provider', 'posix', '--cases', OUTCOME_CASES, '--expectations', OUTCOME_EXPECTATIONS, '--out', join(out, 'cli'), '--reporter', 'console']);
    expect(run.status, run.stderr).to.equal(1);
    cli = readResults(join(out, 'cli', 'results.jsonl')).cases;
    expect(cli.map((result) => result.verdict)).to.deep.equal(['PASS', 'FAIL', 'KNOWN', 'XPASS', 'SKIP', 'ERROR', 'TIMEOUT', 'PASS']);
  });
  after(() => out !== undefined && rmSync(out, { recursive: true, force: true }));
  /** The outcome cases, the provider's log in this test's folder (a red run keeps it). */
  const outcomes = (): SuiteVariables => ({ ...ON_OUTCOMES, WINSOCK_CONFORMANCE_LOG_DIR: join(out, 'logs') });
  const cliResult = (id: string): CaseResult => cli.find((result) => result.id === id) ?? expect.fail(`the CLI ran no ${id}`);

  it('makes each case a test of its case file with the verdict the CLI gives it, in mocha’s terms', async () => {
    const run = await runMocha(['--reporter', RECORD_REPORTER], outcomes());
    const tests = recordedTests(run.stdout);
    expect(run.status, 'mocha exits with the number of red cases').to.equal(4);
    expect(tests.map((test) => test.suite)).to.deep.equal(cli.map(() => 'outcomes'));
    const byId = (id: string): RecordedTest => tests.find((test) => test.title === id) ?? expect.fail(`no test of ${id}`);
    for (const result of cli) {
      const test = byId(result.id);
      expect(test.context?.find((entry) => entry.title === 'verdict')?.value, result.id).to.equal(result.verdict);
      expect(test.state, result.id).to.equal(MOCHA_STATE[result.verdict]);
    }
    // A SKIP's reason is where a reporter reading the context shows it, not in the title.
    expect(byId('mocha.skipped').context?.find((entry) => entry.title === 'skipped because')?.value).to.equal(cliResult('mocha.skipped').message);
    expect(byId('mocha.known').context?.find((entry) => entry.title === 'deviation')?.value).to.contain('the kernel answers the SYN with a reset');
    expect(byId('mocha.fails').error).to.deep.include({ name: 'AssertionError', expected: 'WSAConnect: 0', actual: 'WSAConnect: SOCKET_ERROR WSAECONNREFUSED', showsDiff: true });
    expect(byId('mocha.deviation-gone').error).to.deep.include({ name: 'AssertionError', expected: 'WSAConnect: SOCKET_ERROR WSAECONNREFUSED', actual: 'WSAConnect: 0', showsDiff: true });
    expect(byId('mocha.errs').error).to.deep.include({ name: 'CaseVerdictError', verdict: 'ERROR', showsDiff: false });
    expect(byId('mocha.times-out').error?.message).to.equal(`TIMEOUT: ${cliResult('mocha.times-out').message}`);
    // The case after the time-out passed: it ran on a fresh worker, as in the CLI.
    expect(byId('mocha.runs-after-timeout').state).to.equal('passed');
  });

  it("reports with mocha's spec reporter: the CLI's counts, the diff of documented against observed, a skipped case by its id, the case's line", async () => {
    const run = await runMocha([], outcomes());
    const count = (...verdicts: string[]) => cli.filter((result) => verdicts.includes(result.verdict)).length;
    expect(specCounts(run.stdout)).to.deep.equal({ passing: count('PASS', 'KNOWN'), pending: count('SKIP'), failing: count('FAIL', 'XPASS', 'ERROR', 'TIMEOUT', 'CRASH') });
    expect(run.stdout).to.contain('FAIL: WSAConnect: documented 0; observed SOCKET_ERROR WSAECONNREFUSED');
    expect(run.stdout).to.match(/\+ expected - actual\s+-WSAConnect: SOCKET_ERROR WSAECONNREFUSED\s+\+WSAConnect: 0/);
    expect(run.stdout).to.match(/^\s+- mocha\.skipped$/m);
    // The one frame of the stack: the case in its file (mocha shows it relative to the working directory).
    expect(run.stdout).to.contain(`at mocha.fails (test/mocha/cases/outcomes.yaml:${cliResult('mocha.fails').line}:5)`);
  });

  it('selects a case by its id with --grep, although mocha matches the full title', async () => {
    const run = await runMocha(['--grep', 'mocha.known', '--reporter', RECORD_REPORTER], outcomes());
    expect(recordedTests(run.stdout).map((test) => [test.fullTitle, test.state])).to.deep.equal([['outcomes mocha.known', 'passed']]);
    expect(run.status).to.equal(0);
  });

  it('judges as winsock-conformance run --against windows does when WINSOCK_CONFORMANCE_AGAINST=windows', async () => {
    // Linux connects a UDP socket to a broadcast address without SO_BROADCAST: the page allows it, Windows does not.
    const id = 'udp.broadcast-without-so-broadcast-is-wsaeacces.connect.ipv4';
    const verdicts = async (against: string) => {
      await runCli(['run', '--provider', 'posix', '--against', against, '--grep', id, '--out', join(out, `cli-${against}`), '--reporter', 'console']);
      const [result] = readResults(join(out, `cli-${against}`, 'results.jsonl')).cases;
      const run = await runMocha(['--grep', id, '--reporter', RECORD_REPORTER], { WINSOCK_CONFORMANCE_PROVIDER: 'posix', WINSOCK_CONFORMANCE_AGAINST: against, WINSOCK_CONFORMANCE_LOG_DIR: join(out, 'logs') });
      const [test] = recordedTests(run.stdout);
      return [result?.verdict, test?.context?.find((entry) => entry.title === 'verdict')?.value];
    };
    expect(await verdicts('docs')).to.deep.equal(['PASS', 'PASS']);
    expect(await verdicts('windows')).to.deep.equal(['FAIL', 'FAIL']);
  });

  it('stops at the first red case with --bail, and ends every worker it started', async () => {
    const mark = `wsc-mocha-bail-${process.pid}-${Date.now()}`;
    const run = await runMocha(['--bail', '--reporter', RECORD_REPORTER], outcomes(), { extraEnv: { WSC_TEST_MARK: mark } });
    expect(recordedTests(run.stdout).map((test) => [test.title, test.state])).to.deep.equal([
      ['mocha.passes', 'passed'],
      ['mocha.fails', 'failed'],
    ]);
    expect(run.status).to.equal(1);
    // Mocha exited by itself (no --exit): nothing it started was left holding it, and no process of the run is left.
    expect(processesMarked(mark)).to.deep.equal([]);
  });

  it("removes the provider's log after a run with no red case, and keeps it, naming it, after one with", async () => {
    const green = await runMocha(['--grep', 'mocha.passes'], ON_OUTCOMES);
    expect(green.status, green.stderr).to.equal(0);
    expect(green.stderr).to.not.contain("the provider's output is in");
    const red = await runMocha(['--grep', 'mocha.fails'], ON_OUTCOMES);
    const kept = /the provider's output is in (\S+)/.exec(red.stderr)?.[1] ?? expect.fail(red.stderr);
    try {
      expect(readFileSync(join(kept, 'provider.log'), 'utf8')).to.be.a('string');
    } finally {
      rmSync(kept, { recursive: true, force: true });
    }
  });

  it('lists every case of the suite, by case file, without starting the provider, under --dry-run', async () => {
    const run = await runMocha(['--dry-run', '--reporter', RECORD_REPORTER], { WINSOCK_CONFORMANCE_PROVIDER: 'posix' });
    expect(run.status, run.stderr).to.equal(0);
    expect(run.stderr).to.not.contain('preparing');
    expect(recordedTests(run.stdout).map((test) => [test.suite, test.title])).to.have.deep.members(testsOfAuthoredCases());
  });

  it('stops before any test with a clear message for a bad setting or a bad case file', async () => {
    const bogus = await runMocha([], { WINSOCK_CONFORMANCE_PROVIDER: 'winsock' });
    expect(bogus.status).to.not.equal(0);
    expect(bogus.stderr).to.contain('winsock-conformance: WINSOCK_CONFORMANCE_PROVIDER=winsock is no provider; known providers: wine, native, posix');

    const broken = join(out, 'broken');
    mkdirSync(broken);
    writeFileSync(join(broken, 'broken.yaml'), 'format: 1\ncases:\n  - id: broken.case\n    title: no steps\n');
    const bad = await runMocha([], { WINSOCK_CONFORMANCE_PROVIDER: 'posix', WINSOCK_CONFORMANCE_CASES: broken });
    expect(bad.status).to.not.equal(0);
    expect(bad.stderr).to.match(/broken\.yaml:3:\d+: /);
    expect(bad.stderr).to.contain('nothing was run. Fix them and run again.');
    // What mocha prints is the problem, not the harness's stack.
    expect(bad.stderr).to.not.match(/^\s+at /m);
  });

  it('fails once, in a root hook and without the harness\'s stack, for a provider that cannot run here', async () => {
    // The native provider is Windows' own Winsock: on Linux it cannot start.
    const run = await runMocha(['--reporter', RECORD_REPORTER], { WINSOCK_CONFORMANCE_PROVIDER: 'native' });
    expect(recordedTests(run.stdout).map((test) => [test.fullTitle, test.state, test.error?.stack])).to.deep.equal([
      ['"before all" hook in "{root}"', 'failed', "winsock-conformance: the native provider is Windows' own Winsock and runs only on Windows (this is linux); use --provider wine here"],
    ]);
    expect(run.status).to.equal(1);
  });

  it("SKIPs a private network's case with the CLI's reason when the run cannot make the network", async function () {
    const logs = join(out, 'nobody');
    mkdirSync(logs);
    // The provider's log goes there, written by nobody.
    chmodSync(out, 0o755);
    chmodSync(logs, 0o777);
    const unusable = whyNobodyCannotUse([...CHECKOUT_PARTS, CONFORMANCE_CONFIG, RECORD_REPORTER, logs]);
    if (unusable !== undefined) skipBecause(this, unusable);
    const run = await runMocha(['--grep', 'private.no-route-is-wsaenetunreach.wsaconnect.ipv4', '--reporter', RECORD_REPORTER], { WINSOCK_CONFORMANCE_PROVIDER: 'posix', WINSOCK_CONFORMANCE_LOG_DIR: logs }, { command: AS_NOBODY });
    expect(recordedTests(run.stdout).map((test) => [test.title, test.state]), run.stdout).to.deep.equal([
      ['private.no-route-is-wsaenetunreach.wsaconnect.ipv4', 'pending'],
    ]);
    expect(recordedTests(run.stdout)[0]?.context?.find((entry) => entry.title === 'skipped because')?.value).to.equal(
      'needs the private network: a private network needs root (to make a network namespace with unshare --net); run as root to include these cases',
    );
  });

  it("leaves the project's own mocha run (.mocharc.json) to the project's tests", async () => {
    const run = spawnSync(process.execPath, [MOCHA, '--dry-run', '--reporter', RECORD_REPORTER], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    const tests = recordedTests(run.stdout);
    expect(tests.length, run.stderr).to.be.greaterThan(100);
    const ids = new Set(authoredCases(PROJECT_ROOT).map(({ id }) => id));
    expect(tests.filter((test) => ids.has(test.title.split(' ')[0] ?? '')).map((test) => test.fullTitle)).to.deep.equal([]);
    expect(tests.filter((test) => !test.file.startsWith(join(PROJECT_ROOT, 'dist', 'test'))).map((test) => test.file)).to.deep.equal([]);
  });
});

const MOCHA_STATE: { readonly [V in Verdict]: RecordedTest['state'] } = {
  PASS: 'passed',
  KNOWN: 'passed',
  SKIP: 'pending',
  FAIL: 'failed',
  XPASS: 'failed',
  ERROR: 'failed',
  TIMEOUT: 'failed',
  CRASH: 'failed',
};

/** Every case written in cases/, as [the suite mocha gives its file, its id]. */
/** Each case of cases/ (a varied one as each of its variations) as the test mocha lists: its file's suite and its id. */
function testsOfAuthoredCases(): [string, string][] {
  return authoredCases(PROJECT_ROOT).map(({ file, id }): [string, string] => [toClassName(`cases/${file}`, 'cases'), id]);
}

/** The processes whose environment holds `mark` (Linux's /proc). */
function processesMarked(mark: string): string[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/environ`, 'latin1').includes(mark);
      } catch {
        return false; // Gone meanwhile, or not readable.
      }
    });
}
