/**
 * Whole or nothing on a real full disk: the CLI writes its reports into a
 * small tmpfs filled to leave little room, or mounted read-only. Every such
 * run ends with exit status 3 and one line naming the file and what to do,
 * results.jsonl holds only whole lines, and no report that is not whole is
 * left or listed. Needs root (mount); skipped with the reason elsewhere,
 * except under CI, which has root.
 */
import { expect } from 'chai';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, type CliRun } from '../integration/cli.js';
import { SmallFileSystem, whyNoSmallFileSystem } from '../support/small-file-system.js';
import { expectValidJUnit } from '../support/junit-schema.js';
import { underLinuxCi } from '../support/linux-ci.js';

/** A few quick cases on the host's own sockets: enough for a results.jsonl of several lines and a report.html past 32 KiB. */
const RUN = ['run', '--provider', 'posix', '--grep', 'tcp.blocking', '--reporter', 'junit,html'];
const PAGE = 4096;
const EXIT_NOT_WRITTEN = 3;

/** The one line a refused write ends with: the file, the reason with its errno name, what to do. */
function expectOneLine(run: CliRun, file: RegExp, reason: string): void {
  expect(run.status, run.stderr).to.equal(EXIT_NOT_WRITTEN);
  const last = run.stderr.trimEnd().split('\n').at(-1) ?? '';
  expect(last, run.stderr).to.match(new RegExp(`^winsock-conformance: could not write ${file.source}: ${reason}; .*choose another --out$`));
  expect(run.stderr, 'no stack trace').not.to.match(/^\s+at /m);
  expect(run.stderr + run.stdout, 'no file is listed as written').not.to.match(/^reports: /m);
}

/** Every line of a results file is a whole JSON record, and it starts with the run. */
function wholeLines(file: string): { readonly types: string[] } {
  const text = readFileSync(file, 'utf8');
  expect(text.endsWith('\n'), 'the file ends with a whole line').to.equal(true);
  const types = text.trimEnd().split('\n').map((line) => (JSON.parse(line) as { type: string }).type);
  expect(types[0]).to.equal('run');
  return { types };
}

function noTemporaryFiles(dir: string): void {
  expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).to.deep.equal([]);
}

const pages = (bytes: number): number => Math.ceil(bytes / PAGE) * PAGE;

describe('a full or read-only disk under --out', function () {
  this.timeout(120_000);
  let disk: SmallFileSystem | undefined;
  /** The sizes the same run's files have on a disk with room. */
  let sizes: { readonly results: number; readonly junit: number; readonly html: number };

  before(async function () {
    const why = whyNoSmallFileSystem();
    if (why !== undefined) {
      if (underLinuxCi()) throw new Error(`the full-disk tests need a tmpfs under CI: ${why}`);
      console.log(`    (skipped: ${why})`);
      this.skip();
    }
    const roomy = mkdtempSync(join(tmpdir(), 'wc-full-disk-ref-'));
    try {
      const run = await runCli([...RUN, '--out', roomy]);
      expect(run.status, run.stderr).to.equal(0);
      const size = (name: string) => statSync(join(roomy, name)).size;
      sizes = { results: size('results.jsonl'), junit: size('junit.xml'), html: size('report.html') };
    } finally {
      rmSync(roomy, { recursive: true, force: true });
    }
    expect(sizes.html, 'report.html is larger than one 32 KiB write').to.be.greaterThan(32 * 1024);
  });

  afterEach(() => {
    disk?.unmount();
    disk = undefined;
  });

  it('with no room at all: exit 3, one line naming results.jsonl, and no results file', async () => {
    disk = SmallFileSystem.mount(64 * 1024);
    disk.leaveFree(0);
    const out = join(disk.dir, 'out');
    const run = await runCli([...RUN, '--out', out]);
    expectOneLine(run, /.*\/out\/results\.jsonl/, 'no space left on the device \\(ENOSPC\\)');
    expect(existsSync(join(out, 'results.jsonl')), 'no empty or half results.jsonl').to.equal(false);
    noTemporaryFiles(out);
  });

  it('with room for a few cases: exit 3, results.jsonl in whole lines up to the last that fitted, no report, not even an earlier run\'s', async () => {
    disk = SmallFileSystem.mount(64 * 1024);
    const out = join(disk.dir, 'out');
    mkdirSync(out);
    const earlier = ['junit.xml', 'report.html'];
    for (const report of earlier) writeFileSync(join(out, report), 'an earlier run');
    // The run removes them first, which frees a page each.
    disk.leaveFree(pages(sizes.results / 2) - earlier.length * PAGE);
    const run = await runCli([...RUN, '--out', out]);
    expectOneLine(run, /.*\/out\/results\.jsonl/, 'no space left on the device \\(ENOSPC\\)');
    const { types } = wholeLines(join(out, 'results.jsonl'));
    expect(types.filter((type) => type === 'case').length, 'some cases fitted').to.be.greaterThan(0);
    expect(types, 'the run did not reach its summary').not.to.include('summary');
    expect(existsSync(join(out, 'junit.xml'))).to.equal(false);
    expect(existsSync(join(out, 'report.html'))).to.equal(false);
    noTemporaryFiles(out);
  });

  it('with room for the results and junit.xml but not report.html: exit 3, one line naming report.html, which is absent', async () => {
    disk = SmallFileSystem.mount(pages(sizes.results + sizes.junit + sizes.html) + 16 * PAGE);
    disk.leaveFree(pages(sizes.results) + pages(sizes.junit) + 2 * PAGE + pages(sizes.html / 2));
    const out = join(disk.dir, 'out');
    const run = await runCli([...RUN, '--out', out]);
    expectOneLine(run, /.*\/out\/report\.html/, 'no space left on the device \\(ENOSPC\\)');
    expect(wholeLines(join(out, 'results.jsonl')).types.at(-1)).to.equal('summary');
    await expectValidJUnit(join(out, 'junit.xml'));
    expect(existsSync(join(out, 'report.html')), 'no cut report.html').to.equal(false);
    noTemporaryFiles(out);
  });

  it('`report` onto a full disk: exit 3, one line, no report left', async () => {
    const roomy = mkdtempSync(join(tmpdir(), 'wc-full-disk-results-'));
    try {
      expect((await runCli([...RUN, '--reporter', 'junit', '--out', roomy])).status).to.equal(0);
      disk = SmallFileSystem.mount(64 * 1024);
      disk.leaveFree(PAGE);
      const out = join(disk.dir, 'again');
      const run = await runCli(['report', join(roomy, 'results.jsonl'), '--out', out]);
      expectOneLine(run, /.*\/again\/(junit\.xml|report\.html)/, 'no space left on the device \\(ENOSPC\\)');
      expect(readdirSync(out), 'neither report, nor half of one').to.deep.equal([]);
    } finally {
      rmSync(roomy, { recursive: true, force: true });
    }
  });

  it('a read-only file system: exit 3 saying so (EROFS), for the folder itself and for one to make inside it', async () => {
    disk = SmallFileSystem.mount(64 * 1024, { readOnly: true });
    for (const out of [disk.dir, join(disk.dir, 'reports', 'run-1')]) {
      const run = await runCli([...RUN, '--out', out]);
      expectOneLine(run, /\S+/, 'the file system is read-only \\(EROFS\\)');
      expect(run.stderr).not.to.match(/ENOENT/);
    }
  });
});
