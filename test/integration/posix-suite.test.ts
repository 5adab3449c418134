/**
 * The conformance suite on the host's own sockets (`--provider posix`), end
 * to end through the CLI: no Wine, a few seconds. Every case runs; what Linux
 * does differently from the page is KNOWN (expectations/posix.yaml), what has
 * no POSIX counterpart is SKIP with the reason, nothing is ERROR or FAIL.
 */
import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BINDINGS } from '../../harness/stacks/bindings/catalogue.js';
import { findCaseFiles, loadCases } from '../../harness/language/cases/load.js';
import { capabilityGap } from '../../harness/run/runner/capabilities.js';
import { CAPABILITIES, CAPABILITY_NAMES } from '../../harness/language/vocabulary/capabilities.js';
import { readResults } from '../../reporters/results-jsonl.js';
import { expectValidJUnit } from '../support/junit-schema.js';
import { PROJECT_ROOT, runCli } from './cli.js';
import { authoredCases } from '../support/authored-cases.js';

describe('the suite on POSIX sockets through libc (integration)', function () {
  this.timeout(60_000);

  it('runs every case of cases/ with honest verdicts: PASS, KNOWN with a mechanism, or SKIP with a reason', async function () {
    if (process.platform !== 'linux') this.skip(); // Only Linux's numbers are described (harness/common/net/host-abi.ts).
    const outDir = mkdtempSync(join(tmpdir(), 'wsc-posix-'));
    try {
      await checkRun(outDir);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });
});

async function checkRun(outDir: string): Promise<void> {
  const run = await runCli(['run', '--provider', 'posix', '--out', outDir]);
  expect(run.status, run.stderr).to.equal(0);

  const results = readResults(join(outDir, 'results.jsonl'));
  expect(results.truncated).to.equal(false);
  expect(results.run?.provider).to.equal('posix');
  expect(results.run?.providerVersion).to.match(/^Linux \S+, (glibc \d+\.\d+|a C library without gnu_get_libc_version)/);
  const authored = authoredCases(PROJECT_ROOT);
  expect(results.cases.length, 'every case in cases/ ran').to.equal(authored.length);

  const byVerdict = (verdict: string) => results.cases.filter((result) => result.verdict === verdict);
  for (const result of results.cases) expect(['PASS', 'KNOWN', 'SKIP'], `${result.id}: ${result.message}`).to.include(result.verdict);
  for (const result of [...byVerdict('PASS'), ...byVerdict('KNOWN')]) expect(result.checks.length, `${result.id} made checks`).to.be.greaterThan(0);
  expect(byVerdict('PASS').length, 'Linux agrees with the page somewhere').to.be.greaterThan(0);
  expect(byVerdict('KNOWN').length, 'Linux deviates from the page somewhere').to.be.greaterThan(0);
  for (const result of byVerdict('KNOWN')) expect(result.message, result.id).to.not.equal('');

  // Only what POSIX cannot express is skipped, before anything runs, and each names the capability the libc binding
  // lacks; besides them, the variations a case excludes, each with the case's reason.
  const { cases } = loadCases(findCaseFiles(join(PROJECT_ROOT, 'cases')), PROJECT_ROOT, undefined);
  const excluded = new Set(cases.filter((testCase) => testCase.excluded !== undefined).map((testCase) => testCase.id));
  expect(excluded, 'some variations are excluded').to.not.be.empty;
  const lacked = CAPABILITY_NAMES.filter((capability) => !BINDINGS.libc.capabilities.has(capability));
  for (const result of byVerdict('SKIP')) {
    if (excluded.has(result.id)) {
      expect(result.message, result.id).to.match(/^this variation is excluded: /);
      expect(result.checks, result.id).to.deep.equal([]);
      continue;
    }
    const named = lacked.filter((capability) => result.message.includes(`which needs ${CAPABILITIES[capability]}; the libc binding`));
    expect(named, `${result.id}: ${result.message}`).to.have.length(1);
    expect(result.checks, result.id).to.deep.equal([]);
  }
  const skipped = byVerdict('SKIP').map((result) => result.id).filter((id) => !excluded.has(id)).sort();
  const inexpressible = cases.filter((testCase) => testCase.excluded === undefined && capabilityGap(testCase, BINDINGS.libc) !== undefined).map((testCase) => testCase.id);
  expect(inexpressible, 'some cases need what POSIX lacks').to.not.be.empty;
  expect(skipped, 'the cases with a step the libc binding cannot make, and only those').to.deep.equal(inexpressible.sort());

  expect(run.stdout).to.match(/^\d+ passed, 0 failed, \d+ known, \d+ skipped$/m);
  await expectValidJUnit(join(outDir, 'junit.xml'));
}
