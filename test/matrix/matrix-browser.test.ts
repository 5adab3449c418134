/**
 * matrix.html in a real browser (Debian's Chromium, headless), as
 * report.html is tested: opened from disk it loads nothing, logs no error,
 * runs no script, passes axe, fits 1280 and 390 px; its picture shows every
 * case and links to its steps; the steps where the columns agree show on
 * request; and a merge of 4 runs of 2,000 cases opens whole (how fast: npm run bench:report).
 * Without a browser the tests are skipped, saying why, except under CI.
 */
import { expect } from 'chai';
import { pathToFileURL } from 'node:url';

import type { RecordedRun } from '../../harness/judging/results/recorded-run.js';
import type { CaseResult } from '../../harness/judging/results/result.js';
import { buildMatrix } from '../../harness/uses/matrix/build.js';
import { MATRIX_HTML, writeMatrix } from '../../reporters/matrix-page.js';
import { axeViolations, browserOf, closeBrowserTest, launchBrowserForTests, skipTestWithoutChromium, openPage, pageWidth } from '../support/browser-page.js';
import { LARGE_CASE_COUNT, writeLargeMatrix } from '../support/large-pictures.js';
import type { HeadlessChromium } from '../support/headless-chromium.js';
import { ALL_RESULTS, FAIL_CASE, PASS_CASE, RUN, SECOND_PASS_CASE } from '../reporters/sample-results.js';
import { makeTempDir, removeDir } from '../reporters/run-reporter.js';

/** The same cases on a second provider, where the FAIL case passes as documented: the columns differ there and agree elsewhere. */
const POSIX_RUN: RecordedRun = {
  run: { ...RUN, provider: 'posix', providerVersion: 'Linux 6.1.0, glibc 2.36', stack: { kind: 'posix', kernel: 'Linux 6.1.0' } },
  cases: ALL_RESULTS.map((result): CaseResult => (result.id === FAIL_CASE.id ? { ...result, verdict: 'PASS', checks: result.checks.map((check) => ({ ...check, observed: { returns: 'SOCKET_ERROR', error: 'WSAEWOULDBLOCK' }, passed: true })) } : result)),
  origin: 'posix/results.jsonl',
};
const WINE_RUN: RecordedRun = { run: RUN, cases: ALL_RESULTS, origin: 'wine/results.jsonl' };

const caseRows = (id: string) => `tbody[id="case-${id}"]`;

describe('matrix.html in headless Chromium', function () {
  this.timeout(120_000);
  let dir: string;
  let url: string;
  let browser: HeadlessChromium | undefined;

  before(async function () {
    browser = await launchBrowserForTests();
    if (browser === undefined) return;
    dir = makeTempDir();
    writeMatrix(dir, buildMatrix([WINE_RUN, POSIX_RUN], new Map(), []));
    url = pathToFileURL(`${dir}/${MATRIX_HTML}`).href;
  });

  beforeEach(function () {
    skipTestWithoutChromium(this);
  });

  after(() => closeBrowserTest(browser, dir));

  it('opens on a picture of every case, marked where the columns differ, with no script, console error or request', async () => {
    const { page, seen } = await openPage(browserOf(browser), url);
    expect(await page.locator('#picture a.strip').count()).to.equal(ALL_RESULTS.length);
    expect(await page.locator('#picture a.strip.differs').count()).to.equal(1);
    expect(await page.locator('#picture a.strip.differs').getAttribute('title')).to.equal(`${FAIL_CASE.id}: A PASS, B FAIL; the columns differ`);
    expect(await page.locator('#picture a.strip').first().locator('.cell').count(), 'a cell per column').to.equal(2);
    expect(await page.locator('script').count()).to.equal(0);
    expect(seen).to.deep.equal({ consoleErrors: [], requests: [], dialogs: [] });
    await page.close();
  });

  it('shows only the steps where the columns differ, all of them at the switch', async () => {
    const { page } = await openPage(browserOf(browser), url);
    expect(await page.locator(caseRows(FAIL_CASE.id)).isVisible()).to.equal(true);
    expect(await page.locator(caseRows(PASS_CASE.id)).isVisible()).to.equal(false);
    await page.locator('label[for="all-steps"]').click();
    expect(await page.locator(caseRows(PASS_CASE.id)).isVisible()).to.equal(true);
    expect(await page.locator(`${caseRows(PASS_CASE.id)} tr`).count()).to.be.greaterThan(1);
    await page.close();
  });

  it("opens a case's steps from its strip, even where the columns agree", async () => {
    const { page, seen } = await openPage(browserOf(browser), url);
    await page.locator(`#picture a.strip[href="#case-${SECOND_PASS_CASE.id}"]`).click();
    expect(decodeURIComponent(new URL(page.url()).hash)).to.equal(`#case-${SECOND_PASS_CASE.id}`);
    const rows = page.locator(caseRows(SECOND_PASS_CASE.id));
    expect(await rows.isVisible()).to.equal(true);
    expect(await rows.locator('tr').nth(1).isVisible(), 'its steps too').to.equal(true);
    // Below the sticky header, not under it.
    const header = await page.locator('#steps thead').boundingBox();
    const caseRow = await rows.locator('tr.case').boundingBox();
    expect(caseRow?.y ?? 0).to.be.at.least((header?.y ?? 0) + (header?.height ?? 0) - 1);
    expect(seen.consoleErrors).to.deep.equal([]);
    await page.close();
  });

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    it(`fits ${viewport.width} px without scrolling sideways, and has no accessibility violation axe can find`, async () => {
      const { page } = await openPage(browserOf(browser), `${url}#case-${PASS_CASE.id}`, viewport);
      expect(await pageWidth(page)).to.be.at.most(viewport.width);
      await page.locator('label[for="all-steps"]').click();
      expect(await pageWidth(page), 'every step shown').to.be.at.most(viewport.width);
      expect(await axeViolations(page)).to.deep.equal([]);
      await page.close();
    });
  }

  it('opens a merge of 4 runs of 2,000 cases with every case in the picture, nothing logged or loaded (npm run bench:report times it)', async () => {
    const large = makeTempDir();
    try {
      const largeUrl = writeLargeMatrix(large);
      const { page, seen } = await openPage(browserOf(browser), largeUrl);
      expect(await page.locator('#picture a.strip').count()).to.equal(LARGE_CASE_COUNT);
      expect(await page.locator('#picture a.strip').first().locator('.cell').count()).to.equal(4);
      expect(seen).to.deep.equal({ consoleErrors: [], requests: [], dialogs: [] });
      await page.close();
    } finally {
      removeDir(large);
    }
  });
});
