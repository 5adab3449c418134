/**
 * atlas.html in a real browser (Debian's Chromium, headless), as
 * report.html is tested: opened from disk it loads nothing, logs no error,
 * runs no script, passes axe, fits 1280 and 390 px; each clause of the
 * suite's pages has a mark per citing case and run, each case is shown once
 * and opens from its marks; a page's map is under 10 screens at 1280 px; and
 * an atlas of 4 runs of 2,000 cases opens whole (how fast: npm run bench:report). Without a
 * browser the tests are skipped, saying why, except under CI.
 */
import { expect } from 'chai';

import type { Case } from '../../harness/language/cases/case.js';
import { loadSuiteKnowledge } from '../../cli/suite-knowledge.js';
import { axeViolations, browserOf, closeBrowserTest, launchBrowserForTests, skipTestWithoutChromium, openPage, pageWidth } from '../support/browser-page.js';
import { FOUR_PROVIDERS, LARGE_CASE_COUNT, suiteCasesCopiedTo, writeAtlasOf } from '../support/large-pictures.js';
import type { HeadlessChromium } from '../support/headless-chromium.js';
import { RUN } from '../reporters/sample-results.js';
import { makeTempDir, removeDir } from '../reporters/run-reporter.js';

describe('atlas.html in headless Chromium', function () {
  this.timeout(120_000);
  let dir: string;
  let url: string;
  let cases: readonly Case[];
  let browser: HeadlessChromium | undefined;

  before(async function () {
    browser = await launchBrowserForTests();
    if (browser === undefined) return;
    dir = makeTempDir();
    cases = loadSuiteKnowledge().cases;
    url = writeAtlasOf(dir, cases, RUN);
  });

  beforeEach(function () {
    skipTestWithoutChromium(this);
  });

  after(() => closeBrowserTest(browser, dir));

  it("maps each page: every citation a case's marks, one per run, under the clause, with no script, console error or request", async () => {
    const { page, seen } = await openPage(browserOf(browser), url);
    const citations = cases.reduce((count, testCase) => count + testCase.clauses.length, 0);
    expect(await page.locator('article.clause a.case-marks').count()).to.equal(citations);
    expect(await page.locator('article.clause a.case-marks').first().locator('.mark').count(), 'a mark per run').to.equal(FOUR_PROVIDERS.length);
    expect(await page.locator('article.clause .mark.v-KNOWN').count(), 'deviations in their own colour').to.be.greaterThan(0);
    expect(await page.locator('script').count()).to.equal(0);
    expect(seen).to.deep.equal({ consoleErrors: [], requests: [], dialogs: [] });
    await page.close();
  });

  it("shows each case once, its steps when opened from a mark, every case's at the switch", async () => {
    const { page, seen } = await openPage(browserOf(browser), url);
    const ids = await page.locator('article.case').evaluateAll((articles) => articles.map((article) => article.id));
    expect(ids).to.have.length(cases.length);
    expect(new Set(ids).size).to.equal(cases.length);
    const [first, second] = cases;
    if (first === undefined || second === undefined) throw new Error('the suite has fewer than two cases');
    expect(await page.locator(`article[id="case-${second.id}"] .steps`).isVisible()).to.equal(false);
    await page.locator(`article.clause a.case-marks[href="#case-${first.id}"]`).first().click();
    expect(decodeURIComponent(new URL(page.url()).hash)).to.equal(`#case-${first.id}`);
    expect(await page.locator(`article[id="case-${first.id}"] .steps`).isVisible()).to.equal(true);
    await page.locator('label[for="all-steps"]').click();
    expect(await page.locator(`article[id="case-${second.id}"] .steps`).isVisible()).to.equal(true);
    expect(seen.consoleErrors).to.deep.equal([]);
    await page.close();
  });

  it("keeps each page's map under 10 screens at 1280 px", async () => {
    const { page } = await openPage(browserOf(browser), url, { width: 1280, height: 800 });
    const heights = await page.locator('section[id^="page-"]').evaluateAll((sections) => sections.map((section) => section.getBoundingClientRect().height));
    expect(heights).to.not.have.length(0);
    for (const height of heights) expect(height).to.be.below(10 * 800);
    await page.close();
  });

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    it(`fits ${viewport.width} px without scrolling sideways, and has no accessibility violation axe can find`, async () => {
      const [first] = cases;
      const { page } = await openPage(browserOf(browser), `${url}#case-${first?.id ?? ''}`, viewport);
      expect(await pageWidth(page)).to.be.at.most(viewport.width);
      await page.locator('label[for="all-steps"]').click();
      expect(await pageWidth(page), "every case's steps shown").to.be.at.most(viewport.width);
      expect(await axeViolations(page)).to.deep.equal([]);
      await page.close();
    });
  }

  it('opens an atlas of 4 runs of 2,000 cases whole, with nothing logged or loaded (npm run bench:report times it)', async () => {
    const large = makeTempDir();
    try {
      const largeUrl = writeAtlasOf(large, suiteCasesCopiedTo(LARGE_CASE_COUNT), RUN);
      const { page, seen } = await openPage(browserOf(browser), largeUrl);
      expect(await page.locator('article.case').count()).to.equal(LARGE_CASE_COUNT);
      expect(seen).to.deep.equal({ consoleErrors: [], requests: [], dialogs: [] });
      await page.close();
    } finally {
      removeDir(large);
    }
  });
});
