/**
 * Every report of an incomplete run says so: junit.xml (in a form both the
 * Ant and the Jenkins JUnit schema accept, as an error test case CI systems
 * count, and a property on every suite) and report.html, whether the run was
 * interrupted or `report` read a results file that was cut short.
 */
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, runCli } from '../integration/cli.js';
import { caseSet, HANGING_CASE, lineIn, QUICK_CASE } from '../support/cli-case-set.js';
import { expectValidJUnit } from '../support/junit-schema.js';

/** junit.xml and report.html in `dir` both mark the run incomplete for `reason`, and junit.xml is valid against both schemas. */
async function expectMarkedIncomplete(dir: string, reason: string): Promise<void> {
  const junit = join(dir, 'junit.xml');
  await expectValidJUnit(junit);
  const xml = readFileSync(junit, 'utf8');
  const runSuite = /<testsuite name="winsock-conformance\.run" tests="1" failures="0" errors="1"[^>]*>/;
  expect(xml, 'a suite for the run itself, with one error').to.match(runSuite);
  expect(xml).to.contain(`<testcase name="run-complete" classname="winsock-conformance.run" time="0.000">`);
  expect(xml).to.contain(`<error message="the run is incomplete: ${reason}" type="INCOMPLETE">`);
  const suites = xml.match(/<testsuite /g) ?? [];
  const marked = xml.match(new RegExp(`<property name="incomplete" value="${reason.replace(/[().]/g, '\\$&')}"/>`, 'g')) ?? [];
  expect(marked.length, 'every suite carries the incomplete property').to.equal(suites.length);
  expect(readFileSync(join(dir, 'report.html'), 'utf8')).to.contain(`Incomplete: ${reason}`);
}

describe('reports of an incomplete run', function () {
  this.timeout(120_000);
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'wc-incomplete-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('an interrupted run (SIGINT): junit.xml has an INCOMPLETE error and the reason on every suite, report.html says so', async function () {
    if (process.platform !== 'linux') this.skip(); // The posix provider is described for Linux only (harness/common/net/host-abi.ts).
    const out = join(dir, 'reports');
    const cases = caseSet(dir, QUICK_CASE('cli.first'), HANGING_CASE, QUICK_CASE('cli.never-reached'));
    const child = spawn(process.execPath, [CLI, 'run', '--provider', 'posix', '--cases', cases, '--out', out], { stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
    await lineIn(join(out, 'results.jsonl'), /"id":"cli\.first"/);
    child.kill('SIGINT');
    expect(await exited).to.equal(130);
    await expectMarkedIncomplete(out, 'interrupted by SIGINT after 1 of 3 cases');
    expect(readFileSync(join(out, 'junit.xml'), 'utf8')).to.contain('<testcase name="cli.first"');
  });

  it('`report` on a results file cut short, or without its summary line, marks both reports incomplete', async () => {
    const complete = join(dir, 'complete');
    const cases = caseSet(dir, QUICK_CASE('cli.one'), QUICK_CASE('cli.two'));
    expect((await runCli(['run', '--provider', 'posix', '--cases', cases, '--out', complete, '--reporter', 'junit,html'])).status).to.equal(0);
    expect(readFileSync(join(complete, 'junit.xml'), 'utf8'), 'a complete run has no run suite').not.to.contain('winsock-conformance.run');

    const lines = readFileSync(join(complete, 'results.jsonl'), 'utf8').split('\n');
    const variants = [
      // As a killed run leaves it: the run line, one case, half of the next.
      { lines: `${lines[0]}\n${lines[1]}\n${(lines[2] ?? '').slice(0, 40)}`, reason: 'the results file is incomplete: its last line was cut short' },
      { lines: `${lines[0]}\n${lines[1]}\n${lines[2]}\n`, reason: 'the results file is incomplete: it has no summary line (the run did not reach its end)' },
    ];
    for (const [index, variant] of variants.entries()) {
      const partial = join(dir, `partial-${index}.jsonl`);
      writeFileSync(partial, variant.lines);
      const again = join(dir, `again-${index}`);
      const run = await runCli(['report', partial, '--out', again]);
      expect(run.status, run.stderr).to.equal(0);
      await expectMarkedIncomplete(again, variant.reason);
    }
  });
});
