/**
 * The command as a user and a hostile environment meet it: every bad input
 * is exit status 2 with one clear line, before any provider starts; a run
 * owns its report folder; a closed pipe, SIGINT and SIGTERM lose nothing
 * finished and leave no worker behind; `report` renders any results file.
 */
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HOST_WINE_LOADER } from '../../harness/stacks/providers/wine/host-wine.js';
import { claimOutDir } from '../../harness/run/runner/out-dir.js';
import { readResults } from '../../reporters/results-jsonl.js';
import { caseSet, HANGING_CASE, lineIn, QUICK_CASE } from '../support/cli-case-set.js';
import { CLI, PROJECT_ROOT, runCli } from './cli.js';

const BOUND_MS = 60_000;

/** Pids of live workers started from this checkout (their command line names its worker script). */
function workersOfThisCheckout(): number[] {
  const marker = join(PROJECT_ROOT, 'dist', 'harness', 'stacks', 'worker').replace(/\//g, '\\');
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return !stat.split(') ')[1]?.startsWith('Z') && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker);
      } catch {
        return false;
      }
    })
    .map(Number);
}

describe('the command line: bad input', function () {
  this.timeout(BOUND_MS);
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'wsc-cli-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** A run that must be refused before any provider starts: exit 2, the message, no report folder made. */
  async function refused(args: readonly string[], message: RegExp): Promise<void> {
    const out = join(dir, 'never-made');
    const run = await runCli([...args, '--out', out]);
    expect(run.status, run.stderr).to.equal(2);
    expect(run.stderr).to.match(message);
    expect(existsSync(out), 'nothing was started or written').to.equal(false);
  }

  it('refuses a stray word instead of running everything', async () => {
    await refused(['run', 'udp'], /too many arguments for 'run'/);
  });

  it('refuses an unknown option, suggesting the one meant', async () => {
    await refused(['run', '--gerp', 'udp'], /unknown option '--gerp'\n\(Did you mean --grep\?\)/);
  });

  it('refuses an unknown provider and an unknown report, naming the known ones', async () => {
    await refused(['run', '--provider', 'wien'], /Allowed choices are wine, native/);
    await refused(['run', '--reporter', 'console,xml'], /unknown report xml; reports: console, junit, html/);
  });

  it('refuses a --cases folder that does not exist, in one line', async () => {
    await refused(['run', '--cases', join(dir, 'nosuchdir')], /^winsock-conformance: --cases .*nosuchdir does not exist; name a folder of YAML files\n$/);
  });

  it('refuses an --expectations folder without the provider\'s file, instead of dropping every deviation', async () => {
    await refused(['run', '--expectations', dir], /--expectations .* has no wine\.yaml/);
  });

  it('refuses an --out that is a file, or lies under a file', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    for (const out of [file, join(file, 'reports')]) {
      const run = await runCli(['run', '--out', out]);
      expect(run.status, run.stderr).to.equal(2);
      expect(run.stderr).to.match(/^winsock-conformance: (--out .* is a file, not a folder|cannot create the report folder .*); /);
    }
  });

  it('refuses a second run into a report folder another run is writing', async () => {
    const out = join(dir, 'reports');
    const release = await claimOutDir(out);
    try {
      const run = await runCli(['run', '--out', out]);
      expect(run.status).to.equal(2);
      expect(run.stderr).to.match(/another run is writing its reports to .*reports; wait for it to end, or choose another --out/);
      expect(existsSync(join(out, 'results.jsonl')), 'the second run wrote nothing').to.equal(false);
    } finally {
      await release();
    }
  });

  it('lint reports every problem of every file in one pass, with exit status 2', async () => {
    const run = await runCli(['lint', 'test/cases/samples/bad/vocabulary.yaml', 'test/cases/samples/bad/no-format.yaml']);
    expect(run.status).to.equal(2);
    expect(run.stderr.split('\n').filter((line) => /^test\/cases\/samples\/bad\/[a-z-]+\.yaml:\d+:\d+: /.test(line))).to.have.length(5);
    expect(run.stderr).to.match(/^5 problem\(s\)$/m);
  });

  it('lint passes the suite itself', async () => {
    const run = await runCli(['lint']);
    expect(run.status, run.stderr).to.equal(0);
    expect(run.stderr).to.match(/^\d+ cases, no problems$/m);
  });

  it("coverage lists all 21 error codes of WSAConnect's page, each covered by a case or explained, and exits 0", async () => {
    const run = await runCli(['coverage', '--json']);
    expect(run.status, run.stderr).to.equal(0);
    const coverage = JSON.parse(run.stdout) as { pages: { page: string; errors: { code: string; status: string; cases: unknown[]; recorded?: { reason: string } }[] }[] };
    const errors = coverage.pages.find((page) => page.page === 'WSAConnect')?.errors ?? [];
    expect(errors).to.have.length(21);
    for (const error of errors) {
      const accounted = error.status === 'covered' ? error.cases.length > 0 : (error.recorded?.reason ?? '') !== '';
      expect(accounted, `${error.code} is ${error.status}`).to.equal(true);
    }
  });

  it('coverage exits 1 for a case set that leaves clauses neither covered nor explained', async () => {
    const run = await runCli(['coverage', '--cases', 'test/cases/samples/valid']);
    expect(run.status).to.equal(1);
    expect(run.stdout).to.match(/^Neither covered nor explained: error codes .*WSAEISCONN/m);
  });

  it('report refuses a results file that records a case twice, naming the file and both lines', async () => {
    const file = join(dir, 'twice.jsonl');
    const record = (id: string) => JSON.stringify({ type: 'case', id, title: id, file: 'cases/x.yaml', line: 1, clauses: [], tags: [], verdict: 'PASS', message: '', checks: [] });
    writeFileSync(file, `${JSON.stringify({ type: 'run', format: 1 })}\n${record('a.one')}\n${record('a.two')}\n${record('a.one')}\n`);
    const run = await runCli(['report', file, '--out', join(dir, 'never-made')]);
    expect(run.status, run.stderr).to.equal(2);
    expect(run.stderr).to.contain(`${file}:4: case "a.one" is recorded again (first at line 2)`);
    expect(existsSync(join(dir, 'never-made'))).to.equal(false);
  });

  it('prints its version', async () => {
    const run = await runCli(['--version']);
    const version = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    expect(run.stdout.trim()).to.equal(version);
  });
});

describe('the command line: runs that are cut short (Wine)', function () {
  this.timeout(3 * BOUND_MS);
  let dir: string;

  before(function () {
    if (process.platform !== 'linux' || !existsSync(HOST_WINE_LOADER)) this.skip(); // Wine is not installed here (`.ci/run` installs it).
  });
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'wsc-cli-run-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  for (const [signal, status] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    it(`on ${signal}, writes the reports of the finished cases, marks the run incomplete, exits ${status}, and leaves no worker`, async () => {
      const out = join(dir, 'reports');
      const cases = caseSet(dir, QUICK_CASE('cli.first'), HANGING_CASE, QUICK_CASE('cli.never-reached'));
      const child = spawn(process.execPath, [CLI, 'run', '--cases', cases, '--expectations', join(PROJECT_ROOT, 'test/integration/expectations'), '--out', out], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
      await lineIn(join(out, 'results.jsonl'), /"id":"cli\.first"/);
      child.kill(signal);
      expect(await exited).to.equal(status);

      const results = readResults(join(out, 'results.jsonl'));
      expect(results.cases.map((result) => result.id)).to.deep.equal(['cli.first']);
      expect(results.summary?.incomplete).to.equal(`interrupted by ${signal} after 1 of 3 cases`);
      expect(readFileSync(join(out, 'junit.xml'), 'utf8')).to.contain('cli.first');
      expect(readFileSync(join(out, 'report.html'), 'utf8')).to.contain('cli.first');
      expect(stdout).to.match(new RegExp(`^INCOMPLETE: interrupted by ${signal} after 1 of 3 cases$`, 'm'));
      expect(workersOfThisCheckout(), 'no worker outlives the run').to.deep.equal([]);
    });
  }

  it('goes on when its output pipe closes (run | head), and writes every report', async () => {
    const out = join(dir, 'reports');
    const cases = caseSet(dir, QUICK_CASE('cli.one'), QUICK_CASE('cli.two'));
    const child = spawn(process.execPath, [CLI, 'run', '--cases', cases, '--out', out], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    const status = await new Promise<number | null>((resolve) => child.once('close', resolve));
    expect(status).to.equal(0);
    expect(readResults(join(out, 'results.jsonl')).summary?.total).to.equal(2);
  });

  it('report renders JUnit and HTML from a partial results file, marked incomplete', async () => {
    const out = join(dir, 'reports');
    const cases = caseSet(dir, QUICK_CASE('cli.one'), QUICK_CASE('cli.two'));
    expect((await runCli(['run', '--cases', cases, '--out', out, '--reporter', 'console'])).status).to.equal(0);
    const lines = readFileSync(join(out, 'results.jsonl'), 'utf8').split('\n');
    const partial = join(dir, 'partial.jsonl');
    // The run line, one case, and half of the next: as a killed run leaves it.
    writeFileSync(partial, `${lines[0]}\n${lines[1]}\n${(lines[2] ?? '').slice(0, 40)}`);
    const again = join(dir, 'again');
    const run = await runCli(['report', partial, '--out', again]);
    expect(run.status, run.stderr).to.equal(0);
    expect(run.stderr).to.match(/1 cases from .*partial\.jsonl \(incomplete: the results file is incomplete: its last line was cut short\)/);
    expect(readFileSync(join(again, 'junit.xml'), 'utf8')).to.contain('cli.one');
    expect(readFileSync(join(again, 'report.html'), 'utf8')).to.contain('cli.one');
  });
});
